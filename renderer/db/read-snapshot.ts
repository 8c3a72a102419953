import Dexie from 'dexie';
import type { Table } from 'dexie';

/**
 * `read` inside one read-only transaction (one consistent snapshot of `tables`), answered as
 * soon as its reads are done.
 *
 * Why not plain `db.transaction('r', …)`: Dexie answers that only at the transaction's
 * `complete` event, one more round trip to the browser's IndexedDB backend for a transaction
 * with nothing to commit. On the card lookup that wait doubled the p99 (`npm run
 * bench:storage`). Once its reads have succeeded a read-only transaction cannot take them
 * back, so answering earlier changes nothing but the wait.
 *
 * A failure before `read` answers rejects as usual; a later one (the database closing while
 * the transaction winds down) concerns no reader and is dropped.
 */
export function readSnapshot<T>(
  db: Dexie,
  tables: readonly Table[],
  read: () => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', [...tables], async () => {
      const value = await read();
      // Answered outside the transaction's zone, or the caller's next steps would run as
      // part of this read-only transaction (and a write there would be refused).
      Dexie.ignoreTransaction(() => resolve(value));
      return value;
    }).catch(reject);
  });
}
