import { describe, expect, it } from 'vitest';
import { generateEan13CardNumber } from '../../shared/cards/card-number-generator';
import { DEFAULT_CARD_CODE_SETTINGS, parseCardCode } from '../../shared/cards/parse-card-code';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { balanceFromFold } from '../../shared/ledger/balance';
import { parseLedgerEntry } from '../../shared/ledger/ledger-entry';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { parsePhoneNumber } from '../../shared/customers/phone-number';
import { demoProgram } from '../../shared/testing/demo-program';
import { fromCardRow, fromCustomerRow, toCustomerRow } from '../db/customer-rows';
import { demoCardNumber, demoPhone } from '../../shared/demo-data/demo-customer';
import { generateDemoChunk } from './generate-demo-chunk';

/** 2026-11-02 12:00 Moscow time: the demo's "today". */
const NOW = Date.UTC(2026, 10, 2, 9, 0);
const YEAR_MS = 365 * 86_400_000;
const chunk = generateDemoChunk(7, 0, 500, NOW, demoProgram);

describe('generateDemoChunk', () => {
  it('is a function of (seed, index): same seed, same rows, however the indexes are chunked', () => {
    const again = generateDemoChunk(7, 0, 500, NOW, demoProgram);
    expect(again).toEqual(chunk);
    const first = generateDemoChunk(7, 0, 200, NOW, demoProgram);
    const rest = generateDemoChunk(7, 200, 300, NOW, demoProgram);
    expect(
      [...first.customers, ...rest.customers],
      'chunks 0–199 and 200–499 = chunk 0–499',
    ).toEqual(chunk.customers);
    expect([...first.ledger, ...rest.ledger]).toEqual(chunk.ledger);
    const other = generateDemoChunk(8, 0, 500, NOW, demoProgram);
    expect(other.customers.map((c) => c.phone)).not.toEqual(chunk.customers.map((c) => c.phone));
    expect(other.customers.map((c) => c.id)).not.toEqual(chunk.customers.map((c) => c.id));
  });

  it('makes rows that pass the schemas, with search keys as the store derives them', () => {
    for (const row of chunk.customers) expect(toCustomerRow(fromCustomerRow(row))).toEqual(row);
    for (const card of chunk.cards) expect(fromCardRow(card)).toEqual(card);
    const problems = chunk.ledger.flatMap((entry) => {
      const parsed = parseLedgerEntry(entry);
      return parsed.ok ? [] : [{ id: entry.id, problems: parsed.error }];
    });
    expect(problems).toEqual([]);
    const ids = [...chunk.customers.map((c) => c.id), ...chunk.ledger.map((e) => e.id)];
    expect(new Set(ids).size, 'every customer and entry id is different').toBe(ids.length);
  });

  it('gives each customer one card: plastic 29·0001·(index + 1), or now and then a virtual one', () => {
    expect(chunk.cards.map((card) => card.customerId)).toEqual(chunk.customers.map((c) => c.id));
    chunk.cards.forEach((card, index) => {
      const plastic = generateEan13CardNumber({
        prefix: '29',
        terminalBlock: 1,
        serial: index + 1,
      });
      expect(card.number).toBe(
        card.kind === 'plastic' ? plastic : demoCardNumber(index, 'virtual'),
      );
      const scanned = parseCardCode(card.number, DEFAULT_CARD_CODE_SETTINGS);
      expect(scanned.ok && scanned.value.number, `card ${card.number} scans back`).toBe(
        card.number,
      );
    });
    const virtual = chunk.cards.filter((card) => card.kind === 'virtual').length;
    expect(virtual, 'about 4 % of 500').toBeGreaterThan(5);
    expect(virtual).toBeLessThan(50);
  });

  it('continues plastic numbers in block 2 past the 999 999 serials of block 1', () => {
    expect(demoCardNumber(999_998, 'plastic')).toBe(
      generateEan13CardNumber({ prefix: '29', terminalBlock: 1, serial: 999_999 }),
    );
    expect(demoCardNumber(999_999, 'plastic')).toBe(
      generateEan13CardNumber({ prefix: '29', terminalBlock: 2, serial: 1 }),
    );
  });

  it('gives unique Russian mobile numbers whose last 4 digits spread evenly', () => {
    const phones = Array.from({ length: 20_000 }, (_, i) => demoPhone(7, i));
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones.slice(0, 1_000)) {
      expect(phone).toMatch(/^79\d{9}$/);
      expect(parsePhoneNumber(`+${phone}`)).toEqual({ ok: true, value: phone });
    }
    const endings = new Set(phones.slice(0, 10_000).map((phone) => phone.slice(-4)));
    expect(endings.size, '10 000 customers in a row: every ending once').toBe(10_000);
  });

  it('makes a plausible clientele: names, birthdays, some e-mail and consent', () => {
    const { customers } = chunk;
    const share = (test: (c: (typeof customers)[number]) => boolean) =>
      customers.filter(test).length / customers.length;
    expect(customers.every((c) => /^[А-ЯЁ][а-яё]+( [А-ЯЁ][а-яё]+){1,2}$/.test(c.name))).toBe(true);
    expect(share((c) => c.email !== null)).toBeGreaterThan(0.25);
    expect(share((c) => c.email !== null)).toBeLessThan(0.55);
    expect(share((c) => c.birthday === null)).toBeLessThan(0.2);
    expect(share((c) => c.marketingConsent)).toBeGreaterThan(0.2);
    expect(share((c) => c.marketingConsent)).toBeLessThan(0.7);
    expect(customers.every((c) => c.enrolledAt < NOW && c.enrolledAt > NOW - 2 * YEAR_MS)).toBe(
      true,
    );
  });

  it('writes a history the engine made: welcome bonus, 0–6 purchases in the last year, some spending', () => {
    const byCustomer = new Map<string, LedgerEntry[]>();
    for (const entry of chunk.ledger)
      byCustomer.set(entry.customerId, [...(byCustomer.get(entry.customerId) ?? []), entry]);
    let spent = 0;
    chunk.customers.forEach((customer, i) => {
      const entries = byCustomer.get(customer.id) ?? [];
      const sales = entries.filter((e) => e.kind === 'accrual');
      expect(entries[0]).toMatchObject({
        kind: 'bonus',
        bonus: 'welcome',
        at: customer.enrolledAt,
      });
      expect(sales.length).toBeLessThanOrEqual(6);
      for (const sale of sales) {
        expect(sale.at).toBeGreaterThan(Math.max(customer.enrolledAt, NOW - YEAR_MS - 86_400_000));
        expect(sale.at).toBeLessThan(NOW);
      }
      spent += entries.filter((e) => e.kind === 'redemption').length;
      const balance = chunk.balances[i];
      expect(balance?.customerId).toBe(customer.id);
      expect(balance?.fold, 'the balance cache is the fold of the entries').toEqual(
        foldLedger(entries),
      );
      const now = balanceFromFold(foldLedger(entries), demoProgram, NOW);
      expect(now.negative || now.anomalies.length > 0, 'nobody overdrew').toBe(false);
    });
    expect(spent, 'some customers paid with points').toBeGreaterThan(20);
    expect(chunk.ledger.length / chunk.customers.length).toBeGreaterThan(2.5);
  });
});
