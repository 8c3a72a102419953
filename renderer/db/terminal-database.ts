import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { ProgramRow } from './program-row';
import type {
  BalanceRow,
  CardRow,
  CustomerRow,
  LedgerRow,
  OutboxRow,
  ReceiptRow,
  SettingsRow,
  SyncProblemRow,
} from './rows';
import type { StaffRow } from './staff-row';
import { SCHEMA_VERSIONS } from './schema-versions';

/**
 * The terminal's local store: everything the terminal needs to work a whole day offline.
 *
 * Durability is strict: since Chrome 121 an IndexedDB transaction reports `complete` before
 * the data reaches the disk unless asked otherwise, and a committed sale must survive a
 * power cut. Every business operation is ONE transaction over the tables it touches
 * (see operations/, e.g. record-sale.ts); reads that must agree use one read-only transaction
 * (db/read-snapshot.ts). Two hot paths bypass Dexie for speed, on its own connection
 * (db/raw-transaction.ts): the card lookup's reads (db/read-card-and-customer.ts) and the
 * everyday sale (operations/record-sale.ts). No Dexie hook, middleware or liveQuery may
 * cover the tables they touch without them.
 *
 * Schema changes: append a version to schema-versions.ts (never edit a released one), with
 * an upgrade function and a test that upgrades real rows of the previous version.
 *
 * Storage engine: Chromium's SQLite IndexedDB engine for a new store, LevelDB kept for a store
 * that LevelDB wrote; the shell chooses it (electron/main/storage-engine.ts, with the reasons
 * and the one rule: its switches are never taken away under a terminal that holds data).
 */
export class TerminalDatabase extends Dexie {
  customers!: EntityTable<CustomerRow, 'id'>;
  cards!: EntityTable<CardRow, 'number'>;
  ledger!: EntityTable<LedgerRow, 'id'>;
  balances!: EntityTable<BalanceRow, 'customerId'>;
  receipts!: EntityTable<ReceiptRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  programs!: EntityTable<ProgramRow, 'version'>;
  staff!: EntityTable<StaffRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  syncProblems!: EntityTable<SyncProblemRow, 'id'>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

export const DEFAULT_DATABASE_NAME = 'loyalty-terminal';
