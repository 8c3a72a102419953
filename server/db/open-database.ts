import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate';
import { openPgliteSql } from './pglite-sql';
import { openPostgresSql } from './postgres-sql';
import type { Sql } from './sql';

/**
 * The server's database from its environment: a real PostgreSQL when `DATABASE_URL` is set,
 * else embedded PGlite with its data in `dataDir` (the demo's and small chains' default).
 * Migrations are applied before the database is handed out.
 */
export async function openServerDatabase(env: {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}): Promise<Sql> {
  let sql: Sql;
  if (env.databaseUrl) {
    sql = openPostgresSql(env.databaseUrl);
  } else {
    await mkdir(env.dataDir, { recursive: true });
    sql = await openPgliteSql(env.dataDir);
  }
  await migrate(sql);
  return sql;
}

/** Where the server keeps its PGlite data unless told otherwise. */
export const DEFAULT_DATA_DIR = '.data/server';

export function databaseEnv(environment: NodeJS.ProcessEnv): {
  databaseUrl: string | undefined;
  dataDir: string;
} {
  return {
    databaseUrl: environment['DATABASE_URL'] || undefined,
    dataDir: environment['LOYALTY_DATA_DIR'] ?? DEFAULT_DATA_DIR,
  };
}
