import type { Sql, SqlTransaction } from '../../server/db/sql';

/**
 * The server's Sql with a stopwatch per kind of statement (the snapshot's queries by name).
 * A statement's time is the round trip as the server sees it: PostgreSQL's work, sending the
 * rows, and the `pg` driver decoding them (jsonb columns are JSON.parse'd into objects).
 */
export type StatementTimes = Record<string, { count: number; totalMs: number; maxMs: number }>;

export type TimedStatements = {
  readonly sql: Sql;
  /** Times so far, by label, and then cleared. */
  take(): StatementTimes;
};

const LABELS: readonly (readonly [RegExp, string])[] = [
  [/coalesce\(max\(seq\), 0\) from changes/, 'snapshot header (asOf, count, program)'],
  [/^set transaction isolation level/, 'snapshot: set transaction'],
  [/^select id::text as id, profile from customers/, 'snapshot: page of customers'],
  [/from cards where customer_id = any/, 'snapshot: their cards'],
  [/from ledger_entries where customer_id = any/, 'snapshot: their ledger entries'],
  [/credential_hash, revoked_at from terminals/, 'authenticate'],
];

function labelOf(text: string): string {
  const normalized = text.trim().replace(/\s+/g, ' ');
  for (const [pattern, label] of LABELS) if (pattern.test(normalized)) return label;
  return `other: ${normalized.slice(0, 40)}`;
}

export function timeStatements(inner: Sql): TimedStatements {
  let times: StatementTimes = {};
  const record = (text: string, ms: number): void => {
    const label = labelOf(text);
    const stat = (times[label] ??= { count: 0, totalMs: 0, maxMs: 0 });
    stat.count += 1;
    stat.totalMs += ms;
    stat.maxMs = Math.max(stat.maxMs, ms);
  };
  const timed =
    (run: SqlTransaction['query']): SqlTransaction['query'] =>
    async (text, params) => {
      const started = performance.now();
      try {
        return await run(text, params);
      } finally {
        record(text, performance.now() - started);
      }
    };
  const sql: Sql = {
    engine: inner.engine,
    query: timed((text, params) => inner.query(text, params)),
    exec: (text) => inner.exec(text),
    transaction: (work) =>
      inner.transaction((tx) =>
        work({ query: timed((text, params) => tx.query(text, params)), exec: (t) => tx.exec(t) }),
      ),
    close: () => inner.close(),
  };
  return {
    sql,
    take() {
      const taken = times;
      times = {};
      return taken;
    },
  };
}
