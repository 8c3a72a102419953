import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { CardRecord } from '../../shared/customers/card-record';
import { fromCardRow } from './customer-rows';
import { readSnapshot } from './read-snapshot';
import type { TerminalDatabase } from './terminal-database';

export type CardAndCustomerRows =
  | { readonly card: undefined }
  /** `customer` is the stored row as found (undefined when missing), not yet parsed. */
  | { readonly card: CardRecord; readonly customer: unknown };

/**
 * The card with this number and its customer's row, in one read-only transaction: the two
 * keyed reads of a card lookup, made with IndexedDB's own calls on Dexie's open connection.
 *
 * Why not Dexie: its transaction machinery (zones, its promise chain) adds to the two reads'
 * p99, by anything from nothing to as much again from one run to the next; `npm run
 * bench:storage` prints both floors ("card then customer" and "the same two through Dexie"),
 * and the lookup's own p99 against its 2 ms target.
 *
 * Invariant: no Dexie reading hook, DBCore middleware or liveQuery covers the cards or the
 * customers table, since this read would bypass it; adding one means reading through Dexie
 * here too. Dexie's own path is still taken where it does more than read: when the connection
 * is not open (Dexie opens it, or says why it cannot), when it is being upgraded or was
 * closed under us (InvalidStateError; Dexie waits or reopens), and inside a Dexie transaction
 * (the read joins it instead of queueing behind it).
 *
 * Answered at the second read's success, as readSnapshot answers. A card row that does not
 * parse rejects with CorruptRowError (fromCardRow) and its customer is not read.
 */
export async function readCardAndCustomer(
  db: TerminalDatabase,
  number: string,
): Promise<CardAndCustomerRows> {
  // Dexie's typings say there is always a current transaction; outside one it is null.
  const inTransaction = (Dexie.currentTransaction as Transaction | null) !== null;
  const tx = !inTransaction && db.isOpen() ? rawTransaction(db) : null;
  if (tx === null)
    return readSnapshot(db, [db.cards, db.customers], () =>
      readBoth(number, (table, key) => db.table(table).get(key)),
    );
  return readBoth(number, (table, key) => requestResult(() => tx.objectStore(table).get(key)));
}

type Get = (table: 'cards' | 'customers', key: string) => Promise<unknown>;

/** The card, then its customer: the same steps whichever way the rows are read. */
async function readBoth(number: string, get: Get): Promise<CardAndCustomerRows> {
  const cardRow = await get('cards', number);
  if (cardRow === undefined) return { card: undefined };
  const card = fromCardRow(cardRow);
  return { card, customer: await get('customers', card.customerId) };
}

/** A read-only transaction on the open connection, or null where Dexie must take over. */
function rawTransaction(db: TerminalDatabase): IDBTransaction | null {
  try {
    return db.backendDB().transaction(['cards', 'customers'], 'readonly');
  } catch (error) {
    if (error instanceof DOMException && error.name === 'InvalidStateError') return null;
    throw error;
  }
}

/**
 * The request's result once it succeeds. IndexedDB throws some errors when the request is
 * made (a key it cannot use) and reports others later; both reject. Awaiting it keeps the
 * transaction alive: the next request is made from the success callback's microtask, before
 * the transaction could auto-commit.
 */
function requestResult(makeRequest: () => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = makeRequest();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}
