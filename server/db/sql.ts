/**
 * The one SQL layer of the server: PostgreSQL through `pg`, or embedded PGlite, behind the
 * same three calls. Queries use `$1…` parameters only, never string building. Rows come back
 * as `unknown` values: the caller parses them (see rows.ts), because a stored row is a
 * boundary like any other.
 */
export type Sql = {
  query(text: string, params?: readonly unknown[]): Promise<readonly Record<string, unknown>[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled
   * back when it throws. `tx` must be used for every statement inside.
   */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'postgres' | 'pglite';
};

export type SqlTransaction = Pick<Sql, 'query' | 'exec'>;
