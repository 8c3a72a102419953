import type Dexie from 'dexie';
import type { BalanceRow, CardRow, CustomerRow, LedgerRow } from '../db/rows';
import type { Program } from '../../shared/program/program-schema';
import type { TerminalDatabase } from '../db/terminal-database';
import { generateDemoChunk } from './generate-demo-chunk';
import type { DemoChunk } from './generate-demo-chunk';

export type DemoLoadProgress = {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
};

export type DemoLoadOptions = {
  readonly customers: number;
  readonly seed: number;
  /** The terminal's "today": the demo history ends before it. */
  readonly now: number;
  readonly program: Program;
  /** Customers per transaction; a few thousand keeps each transaction fast and bounded. */
  readonly chunkSize?: number;
  readonly onProgress?: (progress: DemoLoadProgress) => void;
  /** Elapsed time for the progress reports (default performance.now). */
  readonly clock?: () => number;
};

export type DemoLoadSummary = {
  readonly customers: number;
  readonly cards: number;
  readonly ledgerEntries: number;
  readonly elapsedMs: number;
};

export const DEFAULT_DEMO_CHUNK_SIZE = 5_000;

/**
 * Writes a chunk in ONE transaction: profiles, cards, ledger entries and balance caches of
 * its customers land together or not at all. `bulkPut` (not `bulkAdd`) so that loading the
 * same seed again rewrites the same rows instead of failing half-way. Any Dexie connection
 * to a database with the terminal's stores will do (the storage benchmark also writes its
 * raw twin through it).
 */
export async function writeDemoChunk(db: Dexie, chunk: DemoChunk): Promise<void> {
  await db.transaction('rw', ['customers', 'cards', 'ledger', 'balances'], () =>
    Promise.all([
      db.table<CustomerRow, string>('customers').bulkPut(chunk.customers),
      db.table<CardRow, string>('cards').bulkPut(chunk.cards),
      db.table<LedgerRow, string>('ledger').bulkPut(chunk.ledger),
      db.table<BalanceRow, string>('balances').bulkPut(chunk.balances),
    ]),
  );
}

/**
 * Fills the terminal's store with `customers` demo customers (cards, ledger history, balance
 * caches), chunk by chunk: many small transactions are slow and one huge one holds all rows
 * in memory, so each chunk of a few thousand customers is generated and written in its own
 * transaction. A failed chunk rejects the load; the chunks before it stay (they are whole).
 */
export async function loadDemoData(
  db: TerminalDatabase,
  options: DemoLoadOptions,
): Promise<DemoLoadSummary> {
  const { customers, seed, now, program, onProgress } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_DEMO_CHUNK_SIZE;
  if (!Number.isSafeInteger(customers) || customers < 0)
    throw new RangeError(`customers must be a whole number ≥ 0, got ${customers}`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a whole number ≥ 1, got ${chunkSize}`);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  let cards = 0;
  let ledgerEntries = 0;
  // Generating a chunk (CPU, this thread) overlaps the transaction of the chunk before it
  // (mostly the browser's storage process). One chunk ahead at most: two chunks in memory.
  let writing = Promise.resolve();
  for (let from = 0; from < customers; from += chunkSize) {
    const chunk = generateDemoChunk(
      seed,
      from,
      Math.min(chunkSize, customers - from),
      now,
      program,
    );
    await writing;
    writing = writeDemoChunk(db, chunk).then(() => {
      cards += chunk.cards.length;
      ledgerEntries += chunk.ledger.length;
      onProgress?.({
        done: from + chunk.customers.length,
        total: customers,
        elapsedMs: clock() - started,
      });
    });
  }
  await writing;
  return { customers, cards, ledgerEntries, elapsedMs: clock() - started };
}
