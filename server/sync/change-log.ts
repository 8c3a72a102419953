import type { Change } from '../../shared/sync/protocol';
import type { SqlTransaction } from '../db/sql';

/**
 * The change log terminals pull from, numbered by a sequence (changes.seq). A pull reads
 * `seq > cursor` (pull.ts), which is sound only if seqs become visible in order: a
 * transaction holding seq 7 must not commit after one holding seq 8 was read, or the pull
 * that read 8 has moved its cursor past 7 for good.
 *
 * So every writer takes ONE transaction-scoped advisory lock before it takes its first seq
 * and holds it to its commit (PostgreSQL releases it after the commit is visible). Seqs
 * are therefore taken and committed one writer after the other: when a pull sees change n,
 * the writer of every change below n has committed already.
 *
 * The lock is held for as short as possible: a push loads, plans and writes its other rows
 * without it (those run in parallel, see push-load.ts) and takes it only to append its
 * changes, in the same statement, just before the commit (appendPushChanges). Invariant:
 * once a writer holds the lock it runs nothing that can wait for another writer (no row
 * lock, no insert that can hit a key another transaction is inserting): a writer waiting
 * while holding the lock would stall every other, and one waiting for a writer that waits
 * for the lock would deadlock. A side effect the push relies on: once the lock is granted,
 * every writer that held it before has committed, so a statement run under it (with a new
 * snapshot) sees them all (push-store.ts re-checks phones there).
 */
const CHANGE_LOG_LOCK = 731_001;

export async function lockChangeLog(tx: SqlTransaction): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
}

/**
 * Takes the lock and appends the changes of rows this transaction has just written, in the
 * order terminals apply them (profiles, cards, then entries), in ONE round trip
 * (append_push_changes, migration 0003), since the lock is held from there to the commit.
 * First, under the lock, it looks for a customer outside `written` holding one of
 * `newPhones`: if there is one, nothing is appended and its id is returned.
 */
export async function appendPushChanges(
  tx: SqlTransaction,
  rows: {
    readonly customerIds: readonly string[];
    readonly cardNumbers: readonly string[];
    readonly entryIds: readonly string[];
    readonly newPhones: readonly string[];
    readonly written: readonly string[];
  },
): Promise<{ readonly phoneHolder: string | null }> {
  const found = await tx.query(
    'select append_push_changes($1, $2, $3, $4, $5, $6)::text as holder',
    [
      CHANGE_LOG_LOCK,
      rows.customerIds,
      rows.cardNumbers,
      rows.entryIds,
      rows.newPhones,
      rows.written,
    ],
  );
  const holder = found[0]?.['holder'];
  return { phoneHolder: typeof holder === 'string' ? holder : null };
}

type ChangeBody = Change extends infer C ? (C extends Change ? Omit<C, 'seq'> : never) : never;

/** Appends a change (call lockChangeLog first in the same transaction). */
export async function appendChange(tx: SqlTransaction, change: ChangeBody): Promise<void> {
  await tx.query('insert into changes (kind, payload) values ($1, $2)', [
    change.kind,
    JSON.stringify(payloadOf(change)),
  ]);
}

function payloadOf(change: ChangeBody): unknown {
  switch (change.kind) {
    case 'entry':
      return change.entry;
    case 'customer':
      return change.customer;
    case 'card':
      return change.card;
    case 'program':
      return change.program;
  }
}
