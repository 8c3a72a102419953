import type { CardRecord } from '../../shared/customers/card-record';
import { fromCardRow } from './customer-rows';
import { rawTransaction, requestResult } from './raw-transaction';
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
 * Dexie's own path is still taken where it does more than read (db/raw-transaction.ts says
 * when), and the invariant there holds: nothing in Dexie may cover the cards or the
 * customers table.
 *
 * Answered at the second read's success, as readSnapshot answers. A card row that does not
 * parse rejects with CorruptRowError (fromCardRow) and its customer is not read.
 */
export async function readCardAndCustomer(
  db: TerminalDatabase,
  number: string,
): Promise<CardAndCustomerRows> {
  const tx = rawTransaction(db, ['cards', 'customers'], 'readonly');
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
