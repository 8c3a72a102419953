import { MAX_PULL_PAGE } from '../../shared/sync/protocol';
import type { Sql } from '../db/sql';

/** A page of the change log as sent to a terminal (the terminal parses every change). */
export type PullPage = {
  readonly changes: readonly Record<string, unknown>[];
  readonly cursor: number;
  readonly more: boolean;
};

/**
 * The changes after `after`, oldest first, at most `limit`. Writers serialise on the change
 * log (change-log.ts), so reading `seq > after` never skips a change that commits later.
 */
export async function pullChanges(sql: Sql, after: number, limit: number): Promise<PullPage> {
  const size = Math.min(Math.max(limit, 1), MAX_PULL_PAGE);
  const rows = await sql.query(
    'select seq::text as seq_text, kind, payload from changes where seq > $1 order by seq limit $2',
    [after, size + 1],
  );
  const page = rows.slice(0, size).map((row) => {
    const kind = String(row['kind']);
    return { seq: Number(row['seq_text']), kind, [kind]: row['payload'] };
  });
  const last = page.at(-1);
  return { changes: page, cursor: last ? last.seq : after, more: rows.length > size };
}
