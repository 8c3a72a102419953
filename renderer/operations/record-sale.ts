import type { QuoteError } from '../../shared/checkout/quote';
import { extendFold } from '../../shared/ledger/fold-ledger';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { fromCustomerRow } from '../db/customer-rows';
import {
  abortTransaction,
  commitTransaction,
  rawTransaction,
  requestResult,
} from '../db/raw-transaction';
import type { BalanceRow, ReceiptRow } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';
import { composeSale } from './compose-sale';
import type { SaleInput } from './compose-sale';
import { appendEntries, cachedFold, foldFromCache } from './customer-ledger';
import { countersRow, parseCounters, readCounters, writeCounters } from './receipt-numbers';
import type { TerminalServices } from './terminal-services';

export type { SaleInput } from './compose-sale';

export type SaleError = QuoteError | { readonly code: 'unknown-customer' };

type SaleResult = Result<ReceiptRow, SaleError>;

const SALE_TABLES = [
  'customers',
  'ledger',
  'balances',
  'receipts',
  'outbox',
  'settings',
] as const satisfies readonly (keyof TerminalDatabase)[];

/**
 * A sale: its ledger entries, the balance caches, the receipt and the outbox message are
 * written in ONE IndexedDB transaction, or nothing is. The quote is recomputed inside the
 * transaction from the stored balance (the cached fold of the ledger), so two quick sales on
 * one customer cannot both spend the same points.
 *
 * Two ways to the same rows (composeSale works them out for both):
 * - directly in IndexedDB's calls, the everyday sale: one round of reads, one of writes,
 *   committed as soon as the writes are issued;
 * - through Dexie, whenever the sale needs more than that (a balance cache to fold again
 *   from the ledger, the referrer's cache on a first purchase) or Dexie must handle the
 *   connection (db/raw-transaction.ts). The direct way decides this before it writes
 *   anything, and gives up its transaction unwritten.
 *
 * A failure to store rejects with whatever error the way taken met (a DOMException or one
 * of Dexie's): callers show its message and must not tell the kinds apart.
 */
export async function recordSale(
  services: TerminalServices,
  input: SaleInput,
): Promise<SaleResult> {
  const direct = await recordSaleDirectly(services, input);
  return direct === NEEDS_DEXIE ? recordSaleThroughDexie(services, input) : direct;
}

const NEEDS_DEXIE = Symbol('the sale needs Dexie');

/**
 * Why not Dexie here: Dexie lets a transaction commit only once every write's result is
 * back; raw IndexedDB commits as soon as the writes are issued, and `npm run bench:storage`
 * times the sale against the same rows written that way. Nor could Dexie commit earlier
 * safely: it stops a failed write's request from aborting the transaction, and aborts only
 * once the failure reaches its scope. Here a failed write aborts the transaction by itself
 * (no handler prevents it), so committing right after issuing the writes still commits all
 * of them or none.
 */
async function recordSaleDirectly(
  services: TerminalServices,
  input: SaleInput,
): Promise<SaleResult | typeof NEEDS_DEXIE> {
  const tx = rawTransaction(services.db, SALE_TABLES, 'readwrite');
  if (tx === null) return NEEDS_DEXIE;
  try {
    const outcome = await saleInTransaction(tx, services, input);
    // Only reads were made: abort, so the next transaction on these stores starts at once.
    if (outcome === NEEDS_DEXIE || !outcome.ok) abortTransaction(tx);
    return outcome;
  } catch (error) {
    abortTransaction(tx);
    throw error;
  }
}

/**
 * Reads, works the sale out and, unless it needs Dexie, writes it and commits.
 *
 * Invariant: between the reads and the writes nothing is awaited but IndexedDB requests
 * (composeSale and extendFold are synchronous). Anything else would let the transaction
 * commit its reads and end; the writes would then throw TransactionInactiveError (the sale
 * fails, having written nothing).
 */
async function saleInTransaction(
  tx: IDBTransaction,
  services: TerminalServices,
  input: SaleInput,
): Promise<SaleResult | typeof NEEDS_DEXIE> {
  const get = (store: string, key: string) => requestResult(() => tx.objectStore(store).get(key));
  const [row, balanceRow, storedCounters] = await Promise.all([
    get('customers', input.customerId),
    get('balances', input.customerId),
    get('settings', 'counters'),
  ]);
  if (row === undefined) return err({ code: 'unknown-customer' });
  const customer = fromCustomerRow(row);
  const fold = cachedFold(balanceRow);
  if (fold === null) return NEEDS_DEXIE;
  const sale = composeSale(services, input, customer, fold, parseCounters(storedCounters));
  if (!sale.ok) return sale;
  const { entries, receipt, message, counters } = sale.value;
  if (entries.some((entry) => entry.customerId !== customer.id)) return NEEDS_DEXIE;
  const extended = extendFold(fold, entries);
  if (extended === null) return NEEDS_DEXIE;
  for (const entry of entries) tx.objectStore('ledger').add(entry);
  const balance: BalanceRow = { customerId: customer.id, fold: extended };
  tx.objectStore('balances').put(balance);
  tx.objectStore('receipts').add(receipt);
  tx.objectStore('outbox').add(message);
  tx.objectStore('settings').put(countersRow(counters));
  await commitTransaction(tx);
  return ok(receipt);
}

/** The same sale in a Dexie transaction, which folds any balance cache it needs to. */
async function recordSaleThroughDexie(
  services: TerminalServices,
  input: SaleInput,
): Promise<SaleResult> {
  const { db } = services;
  const tables = SALE_TABLES.map((name) => db[name]);
  return db.transaction('rw', tables, async () => {
    // Reads together, writes together: each await is a round trip the cashier waits for.
    const [row, cachedBalance, counters] = await Promise.all([
      db.customers.get(input.customerId),
      db.balances.get(input.customerId),
      readCounters(db),
    ]);
    if (!row) return err({ code: 'unknown-customer' as const });
    const customer = fromCustomerRow(row);
    const fold = await foldFromCache(db, customer.id, cachedBalance);
    const sale = composeSale(services, input, customer, fold, counters);
    if (!sale.ok) return sale;
    const { entries, receipt, message } = sale.value;
    await Promise.all([
      appendEntries(db, entries, new Map([[customer.id, fold]])),
      db.receipts.add(receipt),
      db.outbox.add(message),
      writeCounters(db, sale.value.counters),
    ]);
    return ok(receipt);
  });
}
