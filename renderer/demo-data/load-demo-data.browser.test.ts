import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { demoProgram } from '../../shared/testing/demo-program';
import { fromCustomerRow } from '../db/customer-rows';
import { findByCardCode, searchCustomers } from '../operations/find-customer';
import { testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { loadDemoData } from './load-demo-data';
import type { DemoLoadProgress } from './load-demo-data';

/** 2026-11-02 12:00 Moscow time: the demo's "today". */
const NOW = Date.UTC(2026, 10, 2, 9, 0);
const CUSTOMERS = 2_000;
/** Loading 2 000 customers twice takes seconds; the machine may be busy. */
const SLOW = 120_000;

let services: TestServices;
let progress: DemoLoadProgress[];
let summary: Awaited<ReturnType<typeof loadDemoData>>;

beforeAll(async () => {
  services = await testServices();
  progress = [];
  summary = await loadDemoData(services.db, {
    customers: CUSTOMERS,
    seed: 42,
    now: NOW,
    program: demoProgram,
    chunkSize: 700,
    onProgress: (p) => progress.push(p),
  });
}, SLOW);
afterAll(async () => {
  await services.dispose();
});

describe('loading demo data into the terminal’s store', () => {
  it('writes 2 000 customers in chunks, reporting progress after each', async () => {
    const { db } = services;
    expect(progress.map((p) => p.done)).toEqual([700, 1_400, 2_000]);
    expect(progress.every((p) => p.total === CUSTOMERS)).toBe(true);
    expect({
      customers: await db.customers.count(),
      cards: await db.cards.count(),
      ledger: await db.ledger.count(),
      balances: await db.balances.count(),
    }).toEqual({
      customers: CUSTOMERS,
      cards: CUSTOMERS,
      ledger: summary.ledgerEntries,
      balances: CUSTOMERS,
    });
  });

  it('stores customers that parse, with unique phones the search finds', async () => {
    const rows: unknown[] = await services.db.customers.toArray();
    const customers = rows.map(fromCustomerRow);
    const phones = new Set(customers.map((c) => c.phone));
    expect(phones.size, 'no two customers share a phone').toBe(CUSTOMERS);
    for (const customer of customers.slice(0, 50)) {
      const found = await searchCustomers(services, `+${customer.phone}`);
      expect(found.map((c) => c.id)).toEqual([customer.id]);
    }
    const first = customers[0];
    const byName = await searchCustomers(services, first?.name.split(' ')[0] ?? '');
    expect(byName.length, 'a first name finds at least one customer').toBeGreaterThan(0);
  });

  it(
    'gives every card to a customer that findByCardCode finds',
    async () => {
      const cards = await services.db.cards.toArray();
      expect(cards).toHaveLength(CUSTOMERS);
      const misses: string[] = [];
      for (const card of cards) {
        const found = await findByCardCode(services, card.number);
        if (!found.ok || found.value.customer.id !== card.customerId) misses.push(card.number);
      }
      expect(misses).toEqual([]);
    },
    SLOW,
  );

  it('keeps every balance cache equal to the fold of that customer’s ledger', async () => {
    const entries = await services.db.ledger.toArray();
    const byCustomer = new Map<string, LedgerEntry[]>();
    for (const entry of entries)
      byCustomer.set(entry.customerId, [...(byCustomer.get(entry.customerId) ?? []), entry]);
    const balances = await services.db.balances.toArray();
    expect(balances).toHaveLength(CUSTOMERS);
    expect(
      balances.map((row) => row.fold),
      'cache = fold(ledger), customer by customer',
    ).toEqual(balances.map((row) => foldLedger(byCustomer.get(row.customerId) ?? [])));
  });

  it(
    'loads the same data from the same seed, whatever the chunk size',
    async () => {
      const other = await testServices();
      try {
        await loadDemoData(other.db, {
          customers: CUSTOMERS,
          seed: 42,
          now: NOW,
          program: demoProgram,
          chunkSize: 2_000,
        });
        for (const table of ['customers', 'cards', 'ledger', 'balances'] as const) {
          expect(await other.db.table(table).toArray(), table).toEqual(
            await services.db.table(table).toArray(),
          );
        }
      } finally {
        await other.dispose();
      }
    },
    SLOW,
  );
});
