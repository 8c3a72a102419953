import type { Change } from '../../shared/sync/protocol';
import type { SqlTransaction } from '../db/sql';

/**
 * The change log terminals pull from. Every writer first takes ONE transaction-scoped
 * advisory lock and holds it to its commit, so changes are numbered and committed in the same
 * order: when a pull sees change n, every change before n has committed too (a plain
 * sequence could let a pull skip a change that commits late).
 */
const CHANGE_LOG_LOCK = 731_001;

export async function lockChangeLog(tx: SqlTransaction): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
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
