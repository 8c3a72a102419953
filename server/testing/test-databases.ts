import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openPgliteSql } from '../db/pglite-sql';
import { openPostgresSql } from '../db/postgres-sql';
import type { Sql } from '../db/sql';
import { migrate } from '../db/migrate';

declare module 'vitest' {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** The throwaway cluster started by tests/support/postgres-global-setup.ts. */
    postgresUrl: string;
  }
}

/**
 * The two engines every server test runs against: embedded PGlite (in memory) and the real
 * PostgreSQL the test run started. Each `open` gives a fresh, empty, migrated database.
 */
export type TestEngine = { readonly name: 'pglite' | 'postgres'; open(): Promise<Sql> };

export const TEST_ENGINES: readonly TestEngine[] = [
  {
    name: 'pglite',
    async open() {
      const sql = await openPgliteSql();
      await migrate(sql);
      return sql;
    },
  },
  {
    name: 'postgres',
    async open() {
      const sql = await openEmptyPostgres();
      await migrate(sql);
      return sql;
    },
  },
];

/** A new empty database in the test run's cluster (nothing migrated). */
export async function openEmptyPostgres(): Promise<Sql> {
  const url = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgresSql(url, 1);
  await admin.exec(`create database ${name}`);
  await admin.close();
  return openPostgresSql(url.replace(/\/postgres$/, `/${name}`));
}
