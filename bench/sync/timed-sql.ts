import type { Sql, SqlTransaction } from '../../server/db/sql';

/**
 * The server's Sql with a stopwatch: time spent in each kind of statement, and in each
 * transaction (split into the work the caller did and the rest: waiting for a pooled
 * connection, BEGIN and COMMIT — with fsync on, mostly COMMIT). The server code runs
 * unchanged; only the Sql object it is handed is wrapped.
 */
export type StatementStat = { count: number; totalMs: number; maxMs: number };

export type TransactionStat = {
  count: number;
  /** From asking for the transaction to its commit. */
  totalMs: number;
  /** Inside the work function: statements plus the caller's JavaScript between them. */
  workMs: number;
  /** Statements run inside transactions (included in workMs). */
  statementMs: number;
};

export type SqlTimings = {
  readonly statements: ReadonlyMap<string, StatementStat>;
  readonly transactions: TransactionStat;
};

export type TimedSql = {
  readonly sql: Sql;
  /** A copy of the figures so far. */
  snapshot(): SqlTimings;
  reset(): void;
};

/** A push's change-log lock, its wait and the changes appended under it (change-log.ts). */
export const CHANGE_LOG_STATEMENT = 'change-log lock (wait) + changes';

/** Statement kinds by the SQL the server sends (server/sync, server/auth). */
const LABELS: readonly (readonly [RegExp, string])[] = [
  [/pg_advisory_xact_lock/, 'change-log lock (wait)'],
  // A push takes the change-log lock and appends its changes in one statement.
  [/append_push_changes/, CHANGE_LOG_STATEMENT],
  [/from messages where id = any/, 'load: messages'],
  [/from customers where id = any/, 'load: customers, locked'],
  [/from customers where phone = any/, 'load: phones'],
  [/from cards where number = any/, 'load: cards'],
  [/from ledger_entries where id = any/, 'load: entry ids'],
  [/from ledger_entries where customer_id = any/, 'load: debited ledgers'],
  [/^insert into messages/, 'write: messages'],
  [/^(insert into|update) customers/, 'write: customers'],
  [/^(insert into|update) cards/, 'write: cards'],
  [/^insert into ledger_entries/, 'write: ledger entries'],
  [/^insert into flags/, 'write: flags'],
  [/^insert into changes/, 'write: changes'],
  [/from programs where version/, 'program by version'],
  [/credential_hash, revoked_at from terminals/, 'authenticate'],
  [/from changes where seq >/, 'pull: changes page'],
];

export function labelOf(text: string): string {
  const normalized = text.trim().replace(/\s+/g, ' ');
  for (const [pattern, label] of LABELS) if (pattern.test(normalized)) return label;
  return `other: ${normalized.slice(0, 40)}`;
}

export function timedSql(inner: Sql): TimedSql {
  let statements = new Map<string, StatementStat>();
  let transactions: TransactionStat = { count: 0, totalMs: 0, workMs: 0, statementMs: 0 };

  const record = (label: string, ms: number): void => {
    const stat = statements.get(label) ?? { count: 0, totalMs: 0, maxMs: 0 };
    stat.count += 1;
    stat.totalMs += ms;
    stat.maxMs = Math.max(stat.maxMs, ms);
    statements.set(label, stat);
  };
  const timedQuery =
    (run: SqlTransaction['query'], onTime?: (ms: number) => void): SqlTransaction['query'] =>
    async (text, params) => {
      const started = performance.now();
      try {
        return await run(text, params);
      } finally {
        const ms = performance.now() - started;
        record(labelOf(text), ms);
        onTime?.(ms);
      }
    };

  const sql: Sql = {
    engine: inner.engine,
    query: timedQuery((text, params) => inner.query(text, params)),
    exec: (text) => inner.exec(text),
    async transaction(work) {
      const asked = performance.now();
      let workMs = 0;
      let statementMs = 0;
      try {
        return await inner.transaction(async (tx) => {
          const started = performance.now();
          try {
            return await work({
              query: timedQuery(
                (text, params) => tx.query(text, params),
                (ms) => (statementMs += ms),
              ),
              exec: (text) => tx.exec(text),
            });
          } finally {
            workMs = performance.now() - started;
          }
        });
      } finally {
        transactions.count += 1;
        transactions.totalMs += performance.now() - asked;
        transactions.workMs += workMs;
        transactions.statementMs += statementMs;
      }
    },
    close: () => inner.close(),
  };

  return {
    sql,
    snapshot: () => ({
      statements: new Map([...statements].map(([label, stat]) => [label, { ...stat }])),
      transactions: { ...transactions },
    }),
    reset() {
      statements = new Map();
      transactions = { count: 0, totalMs: 0, workMs: 0, statementMs: 0 };
    },
  };
}
