import type { Transaction } from 'dexie';

/**
 * Every version of the IndexedDB schema, oldest first. A released version is never edited:
 * a change is a new version with its `stores` (only the tables that change) and an `upgrade`
 * that rewrites the rows of the previous version, each with a test on real old rows.
 *
 * Indexes cost write speed, so each one here serves a lookup the terminal makes:
 * customers by phone, by the last 4 phone digits and by any word of the name (prefix);
 * cards by number and by customer; ledger entries by customer; receipts by number.
 */
export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      customers: '&id, phone, phoneLast4, *nameKeys',
      cards: '&number, customerId',
      ledger: '&id, customerId',
      balances: '&customerId',
      receipts: '&id, &number, customerId',
      outbox: '++seq, &id',
      programs: '&version',
      staff: '&id',
      settings: '&key',
    },
  },
  {
    // Sync: outbox messages the server rejected (or that could not be read), kept with the
    // reason for the manager; the queue goes on without them.
    version: 2,
    stores: { syncProblems: '&id' },
  },
];
