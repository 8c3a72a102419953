import Dexie from 'dexie';
import type { CardRecord } from '../../shared/customers/card-record';
import { fromCardRow } from './customer-rows';
import type { TerminalDatabase } from './terminal-database';

export type CardAndCustomerRows =
  | { readonly card: undefined }
  /** `customer` is the stored row as found (undefined when missing), not yet parsed. */
  | { readonly card: CardRecord; readonly customer: unknown };

/**
 * The card with this number and its customer's row, in one read-only transaction: the two
 * keyed reads of a card lookup, made with IndexedDB's own calls on Dexie's connection.
 *
 * Why not Dexie here: its transaction machinery (zones, its promise chain) costs as much as
 * the two reads themselves at the p99, about half the lookup's 2 ms target; compare the two
 * floor figures "card then customer" and "the same two through Dexie" printed by
 * `npm run bench:storage`. Every other read and every write goes through Dexie; nothing here
 * needs its hooks or live queries, since a read-only transaction changes nothing.
 *
 * Answered at the second read's success, as readSnapshot answers. A card row that does not
 * parse rejects with CorruptRowError (fromCardRow) and its customer is not read.
 */
export async function readCardAndCustomer(
  db: TerminalDatabase,
  number: string,
): Promise<CardAndCustomerRows> {
  const tx = (await connection(db)).transaction(['cards', 'customers'], 'readonly');
  const cardRow = await requestResult(() => tx.objectStore('cards').get(number));
  if (cardRow === undefined) return { card: undefined };
  const card = fromCardRow(cardRow);
  const customer = await requestResult(() => tx.objectStore('customers').get(card.customerId));
  return { card, customer };
}

/** Dexie's connection, opened on first use as Dexie's own calls do. */
async function connection(db: TerminalDatabase): Promise<IDBDatabase> {
  if (!db.isOpen()) {
    // Not a database closed on purpose or one that failed to open: Dexie refuses those too.
    if (db.hasFailed()) throw new Dexie.DatabaseClosedError('The local store is closed');
    await db.open();
  }
  return db.backendDB();
}

/**
 * The request's result once it succeeds. IndexedDB throws some errors when the request is
 * made (a closed connection, a key it cannot use) and reports others later; both reject.
 * Awaiting it keeps the transaction alive: the next request is made from the success
 * callback's microtask, before the transaction could auto-commit.
 */
function requestResult(makeRequest: () => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = makeRequest();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}
