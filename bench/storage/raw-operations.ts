import type { DemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import { requestDone, transactionDone } from './raw-database';
import type { SaleRows } from './sale-twin';

/**
 * The raw-IndexedDB counterparts of the terminal's storage work: the same rows, the same
 * stores, one transaction each, no schema parsing and no Dexie. Each answers when the
 * terminal's does: writes when their transaction has completed (committed, strict), reads at
 * their last request's success (a read-only transaction has nothing to commit; Dexie's
 * one-off reads and readSnapshot answer there too).
 */

const STRICT: IDBTransactionOptions = { durability: 'strict' };
/** Dexie's `startsWith` upper bound: the prefix followed by the highest UTF-16 code unit. */
const MAX_CHAR = '\uffff';
/** As many rows as the terminal's search shows (find-customer.ts SEARCH_LIMIT). */
const SEARCH_LIMIT = 20;

/** A demo chunk, put in one transaction, like writeDemoChunk. */
export async function rawWriteChunk(db: IDBDatabase, chunk: DemoChunk): Promise<void> {
  const tx = db.transaction(['customers', 'cards', 'ledger', 'balances'], 'readwrite', STRICT);
  const done = transactionDone(tx);
  putAll(tx.objectStore('customers'), chunk.customers);
  putAll(tx.objectStore('cards'), chunk.cards);
  putAll(tx.objectStore('ledger'), chunk.ledger);
  putAll(tx.objectStore('balances'), chunk.balances);
  tx.commit();
  await done;
}

/**
 * The card then its customer (a card lookup), or the card row alone (the floor under it),
 * answered at the last request's success (the transaction completes in the background).
 */
export async function rawReadsAtSuccess(
  db: IDBDatabase,
  number: string,
  reads: 1 | 2,
): Promise<unknown> {
  const tx = db.transaction(['cards', 'customers'], 'readonly');
  const card: unknown = await requestDone(tx.objectStore('cards').get(number));
  if (reads === 1) return card;
  const customerId = (card as { customerId?: string } | undefined)?.customerId;
  return customerId === undefined
    ? undefined
    : requestDone(tx.objectStore('customers').get(customerId));
}

/** Up to 20 customers whose phone ends in `last4`. */
export async function rawSearchByLast4(db: IDBDatabase, last4: string): Promise<unknown[]> {
  const tx = db.transaction('customers', 'readonly');
  const rows: unknown[] = await requestDone(
    tx.objectStore('customers').index('phoneLast4').getAll(IDBKeyRange.only(last4), SEARCH_LIMIT),
  );
  return rows;
}

/**
 * Up to 20 customers with a name word starting with `prefix` (already normalised). Unlike
 * the terminal's search it does not remove a customer found twice through two words.
 */
export async function rawSearchByNamePrefix(db: IDBDatabase, prefix: string): Promise<unknown[]> {
  const tx = db.transaction('customers', 'readonly');
  const rows: unknown[] = await requestDone(
    tx
      .objectStore('customers')
      .index('nameKeys')
      .getAll(IDBKeyRange.bound(prefix, prefix + MAX_CHAR), SEARCH_LIMIT),
  );
  return rows;
}

/**
 * The rows of a customer that a sale's transaction reads, read first as the customer's
 * screen reads them at the till: the customer and the balance cache (unmeasured; salePhase).
 */
export async function rawReadSaleCustomer(db: IDBDatabase, customerId: string): Promise<void> {
  const tx = db.transaction(['customers', 'balances'], 'readonly');
  await Promise.all([
    requestDone(tx.objectStore('customers').get(customerId)),
    requestDone(tx.objectStore('balances').get(customerId)),
  ]);
}

/**
 * A sale's transaction done raw: read the customer, the balance cache and the counters (the
 * terminal needs them before it can compute the sale), then write the same rows as it did.
 */
export async function rawCommitSale(db: IDBDatabase, sale: SaleRows): Promise<void> {
  const tx = db.transaction(
    ['customers', 'ledger', 'balances', 'receipts', 'outbox', 'settings'],
    'readwrite',
    STRICT,
  );
  const done = transactionDone(tx);
  await Promise.all([
    requestDone(tx.objectStore('customers').get(sale.customerId)),
    requestDone(tx.objectStore('balances').get(sale.customerId)),
    requestDone(tx.objectStore('settings').get('counters')),
  ]);
  // As recordSale: new entries and receipt added (a key already there fails), the rest put.
  for (const entry of sale.entries) tx.objectStore('ledger').add(entry);
  tx.objectStore('balances').put(sale.balance);
  tx.objectStore('receipts').add(sale.receipt);
  tx.objectStore('settings').put(sale.counters);
  tx.objectStore('outbox').add(sale.message);
  tx.commit();
  await done;
}

function putAll(store: IDBObjectStore, rows: readonly unknown[]): void {
  for (const row of rows) store.put(row);
}
