import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { TerminalDatabase } from './terminal-database';

/**
 * IndexedDB's own calls on Dexie's open connection, for the two hot paths that bypass Dexie
 * (the card lookup's reads, the sale's transaction). Dexie stays the way in wherever it does
 * more than pass calls through, so `rawTransaction` answers null and the caller takes Dexie's
 * path when:
 * - the connection is not open (Dexie opens it, or says why it cannot);
 * - it is being upgraded or was closed under us (InvalidStateError; Dexie waits or reopens);
 * - the caller is inside a Dexie transaction (the work joins it instead of queueing behind it).
 *
 * Invariant: no Dexie hook, DBCore middleware or liveQuery covers a table these paths read
 * or write, since they would bypass it (see terminal-database.ts).
 */
export function rawTransaction(
  db: TerminalDatabase,
  stores: readonly string[],
  mode: IDBTransactionMode,
): IDBTransaction | null {
  // Dexie's typings say there is always a current transaction; outside one it is null.
  if ((Dexie.currentTransaction as Transaction | null) !== null || !db.isOpen()) return null;
  try {
    // Strict, as every Dexie transaction of the terminal's (terminal-database.ts says why).
    return db.backendDB().transaction([...stores], mode, { durability: 'strict' });
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
export function requestResult(makeRequest: () => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = makeRequest();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Commits now (no further request may be made) and answers once the transaction has
 * completed: with strict durability, once its writes are on disk. A request that failed
 * without a handler preventing it aborted the whole transaction; that rejects, with the
 * failed request's error.
 */
export function commitTransaction(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.commit(); // throws (and so rejects) when the transaction has already ended
  });
}

/** Ends the transaction without writing, if it is still running. */
export function abortTransaction(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted (e.g. by the failure being reported): nothing to undo.
  }
}
