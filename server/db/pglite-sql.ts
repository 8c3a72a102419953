import { PGlite } from '@electric-sql/pglite';
import type { Sql } from './sql';

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) with its data in `dataDir`, or in memory when
 * none is given. One connection: PGlite runs one statement at a time and queues the rest,
 * so transactions never interleave.
 */
export async function openPgliteSql(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir);
  return {
    engine: 'pglite',
    async query(text, params = []) {
      const result = await db.query<Record<string, unknown>>(text, [...params]);
      return result.rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query(text, params = []) {
            const result = await tx.query<Record<string, unknown>>(text, [...params]);
            return result.rows;
          },
          async exec(text) {
            await tx.exec(text);
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}
