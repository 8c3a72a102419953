import { describe, expect, it } from 'vitest';
import { rub, testAccount } from '../testing/test-account';
import { dayAt } from '../testing/test-terminal';
import { parseLedgerEntry } from './ledger-entry';

describe('parseLedgerEntry: a stored or received row is checked before it is summed', () => {
  const account = testAccount();
  account.buy(dayAt(-40), rub(10_000));
  const sale = account.buy(dayAt(0), rub(2_000), 200);
  const [redemption, accrual] = sale.entries;

  it('accepts the entries the engine writes, unchanged', () => {
    for (const entry of sale.entries)
      expect(parseLedgerEntry(JSON.parse(JSON.stringify(entry))), entry.kind).toEqual({
        ok: true,
        value: entry,
      });
  });

  it.each([
    ['null', null, '(value)'],
    ['an unknown kind', { ...accrual, kind: 'gift' }, 'kind'],
    ['a redemption with positive points', { ...redemption, points: 200 }, 'points'],
    ['an accrual with negative points', { ...accrual, points: -5 }, 'points'],
    ['fractional points', { ...accrual, points: 1.5 }, 'points'],
    ['points as a string', { ...accrual, points: '90' }, 'points'],
    ['a non-UUIDv7 id', { ...accrual, id: 'not-an-id' }, 'id'],
    ['a garbage stamp', { ...accrual, stamp: 'yesterday' }, 'stamp'],
    ['a stamp as a number', { ...accrual, stamp: 1_700_000_000_000 }, 'stamp'],
    ['a missing stamp', { ...accrual, stamp: undefined }, 'stamp'],
    ['an extra field', { ...accrual, extra: true }, 'extra'],
    ['a missing terminal', { ...accrual, terminalId: undefined }, 'terminalId'],
    [
      'an adjustment without a reason',
      {
        ...accrual,
        kind: 'adjustment',
        reason: ' ',
        authorId: 'M1',
        saleId: undefined,
        spendMinor: undefined,
        usedNextPurchaseOffer: undefined,
      },
      'reason',
    ],
  ])('refuses %s (problem at %s)', (_label, input, field) => {
    const parsed = parseLedgerEntry(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((p) => p.field)).toContain(field);
  });
});
