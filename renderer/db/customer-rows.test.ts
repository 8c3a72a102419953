import { describe, expect, it } from 'vitest';
import { demoProgram } from '../../shared/testing/demo-program';
import { generateDemoChunk } from '../demo-data/generate-demo-chunk';
import { CorruptRowError } from './corrupt-row-error';
import { fromCardRow, fromCustomerRow } from './customer-rows';

const chunk = generateDemoChunk(3, 0, 1, Date.UTC(2026, 10, 2, 9, 0), demoProgram);
const [customer] = chunk.customers;
const [card] = chunk.cards;

describe('a stored row with a garbage clock stamp is refused, naming the field', () => {
  it.each([
    ['a stamp as a number', { name: 1_700_000_000_000 }],
    ['a null stamp', { name: null }],
    ['a stamp that is not one', { name: 'yesterday' }],
    ['a stamp with a line break after it', { name: '001700000000000-00000-T1\n' }],
    ['a stamp for a field that is not editable', { id: '001700000000000-00000-T1' }],
  ])('customers: %s in fieldStamps', (_label, fieldStamps) => {
    const row = { ...customer, fieldStamps };
    expect(() => fromCustomerRow(row)).toThrow(CorruptRowError);
    expect(() => fromCustomerRow(row)).toThrow(/fieldStamps/);
  });

  it.each([
    ['a number', 1_700_000_000_000],
    ['nothing', undefined],
    ['an object', { physicalMs: 1 }],
  ])('cards: a stamp that is %s', (_label, stamp) => {
    expect(() => fromCardRow({ ...card, stamp })).toThrow(/unreadable cards row .*stamp/);
  });

  it('and a row with good stamps reads back as it was', () => {
    expect(fromCardRow(card)).toEqual(card);
    expect(fromCustomerRow(customer).fieldStamps).toEqual(customer?.fieldStamps);
  });
});
