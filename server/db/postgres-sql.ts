import pg from 'pg';
import type { Sql } from './sql';

/** A real PostgreSQL server through a connection pool (`DATABASE_URL`). */
export function openPostgresSql(connectionString: string, poolSize = 10): Sql {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection that dies (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    async query(text, params = []) {
      const result = await pool.query<Record<string, unknown>>(text, [...params]);
      return result.rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await work({
          async query(text, params = []) {
            const result = await client.query<Record<string, unknown>>(text, [...params]);
            return result.rows;
          },
          async exec(text) {
            await client.query(text);
          },
        });
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
