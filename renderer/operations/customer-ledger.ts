import { compareEntries, extendFold, foldLedger } from '../../shared/ledger/fold-ledger';
import type { LedgerFold } from '../../shared/ledger/fold-ledger';
import { ledgerFoldSchema } from '../../shared/ledger/ledger-fold-schema';
import { parseLedgerEntry } from '../../shared/ledger/ledger-entry';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { describeSchemaProblems } from '../../shared/util/schema-problems';
import { CorruptRowError } from '../db/corrupt-row-error';
import type { TerminalDatabase } from '../db/terminal-database';

/**
 * A customer's ledger in the local store: the entries, and the balance cache — the fold of
 * those entries. The cache is a derived copy: a row that is missing or fails its schema is
 * rebuilt from the ledger, never trusted. Call these inside the operation's transaction.
 */

export async function readLedger(db: TerminalDatabase, customerId: string): Promise<LedgerEntry[]> {
  const rows: unknown[] = await db.ledger.where('customerId').equals(customerId).toArray();
  return rows.map((row) => parseEntryRow(row, customerId));
}

function parseEntryRow(row: unknown, customerId: string): LedgerEntry {
  const parsed = parseLedgerEntry(row);
  if (!parsed.ok)
    throw new CorruptRowError(
      'ledger',
      `of customer ${customerId}`,
      describeSchemaProblems(parsed.error),
    );
  return parsed.value;
}

/**
 * The customer's latest entries, newest first, reading only `count` rows: entries are keyed by
 * UUIDv7 ids, which sort by creation time, so the index's last rows are the latest ones
 * (then ordered by stamp for display).
 */
export async function readRecentEntries(
  db: TerminalDatabase,
  customerId: string,
  count: number,
): Promise<LedgerEntry[]> {
  const rows: unknown[] = await db.ledger
    .where('customerId')
    .equals(customerId)
    .reverse()
    .limit(count)
    .toArray();
  return rows.map((row) => parseEntryRow(row, customerId)).sort((a, b) => compareEntries(b, a));
}

/** Folds the customer's ledger again and stores it as the balance cache. */
export async function rebuildBalance(
  db: TerminalDatabase,
  customerId: string,
): Promise<LedgerFold> {
  const fold = foldLedger(await readLedger(db, customerId));
  await db.balances.put({ customerId, fold });
  return fold;
}

/** The cached fold, or a fresh one when the cache is missing or unreadable. */
export async function readFold(db: TerminalDatabase, customerId: string): Promise<LedgerFold> {
  return foldFromCache(db, customerId, await db.balances.get(customerId));
}

/** A balance row as read (possibly undefined) → its fold, rebuilt if missing or unreadable. */
export async function foldFromCache(
  db: TerminalDatabase,
  customerId: string,
  row: unknown,
): Promise<LedgerFold> {
  return cachedFold(row) ?? rebuildBalance(db, customerId);
}

/** A balance row as read → its fold, or null when the row is missing or unreadable. */
export function cachedFold(row: unknown): LedgerFold | null {
  if (row === undefined) return null;
  const cached = ledgerFoldSchema.safeParse((row as { fold?: unknown }).fold);
  return cached.success ? cached.data : null;
}

/**
 * Appends entries (of one or more customers) and brings each customer's balance cache up to
 * date: by continuing the cached fold when the entries come after it (every local
 * operation), by folding the whole ledger otherwise. `known` holds folds the caller read in
 * this transaction already, so they are not read and checked twice. The writes are issued
 * together: IndexedDB orders them within the transaction, and the sale path waits once.
 */
export async function appendEntries(
  db: TerminalDatabase,
  entries: readonly LedgerEntry[],
  known: ReadonlyMap<string, LedgerFold> = new Map(),
): Promise<void> {
  if (entries.length === 0) return;
  const byCustomer = new Map<string, LedgerEntry[]>();
  for (const entry of entries)
    byCustomer.set(entry.customerId, [...(byCustomer.get(entry.customerId) ?? []), entry]);
  // Read the caches before adding, so a missing cache is folded once, with the new entries.
  const folds = new Map<string, LedgerFold>();
  for (const customerId of byCustomer.keys())
    folds.set(customerId, known.get(customerId) ?? (await readFold(db, customerId)));
  const writes: Promise<unknown>[] = [db.ledger.bulkAdd([...entries])];
  const rebuilds: string[] = [];
  for (const [customerId, own] of byCustomer) {
    const extended = extendFold(folds.get(customerId) ?? foldLedger([]), own);
    if (extended) writes.push(db.balances.put({ customerId, fold: extended }));
    else rebuilds.push(customerId);
  }
  await Promise.all(writes);
  for (const customerId of rebuilds) await rebuildBalance(db, customerId);
}
