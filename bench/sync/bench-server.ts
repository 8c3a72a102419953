import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registrationAnswerSchema } from '../../shared/sync/protocol';
import { createStore, createTerminalCode } from '../../server/auth/terminals';
import { openServerDatabase } from '../../server/db/open-database';
import { openPostgresSql } from '../../server/db/postgres-sql';
import type { Sql } from '../../server/db/sql';
import { listenSyncApi } from '../../server/http/listen';
import type { RunningServer } from '../../server/http/listen';
import { createProgramStore, publishProgram } from '../../server/programs/program-store';
import { startPostgresCluster } from '../../server/testing/postgres-cluster';
import type { PostgresCluster } from '../../server/testing/postgres-cluster';
import { parentPid } from './cpu-meter';
import { timedSql } from './timed-sql';
import type { TimedSql } from './timed-sql';

/**
 * The real central server for the benchmark: a durable throwaway PostgreSQL cluster (fsync
 * on) or PGlite in a temp dir, migrated by openServerDatabase, and the sync API from
 * listenSyncApi on 127.0.0.1. The server is handed a stopwatch-wrapped Sql (timed-sql.ts);
 * setup goes through the plain one.
 */
export type Engine = 'postgres' | 'pglite';

/** openPostgresSql's default pool, which openServerDatabase uses (not configurable). */
export const PG_POOL_SIZE = 10;

export type BenchServer = {
  readonly engine: Engine;
  readonly url: string;
  /** Setup and checks: not timed. */
  readonly sql: Sql;
  /** What the server's requests spent in the database. */
  readonly timed: TimedSql;
  /** Lines the server logged (every 500 answer logs one). */
  readonly serverLog: string[];
  readonly settings: Record<string, string>;
  /** PostgreSQL only: the database's URL (for a sampling connection) and the postmaster. */
  readonly databaseUrl: string | null;
  readonly databaseName: string;
  readonly postmasterPid: number | null;
  createStore(id: string): Promise<void>;
  /** Creates the terminal and registers it over HTTP, as a terminal does; its credential. */
  registerTerminal(storeId: string, terminalId: string): Promise<string>;
  stop(): Promise<void>;
};

const DATABASE = 'loyalty_bench';
const DEMO_PROGRAM = new URL('../../resources/programs/demo-program.json', import.meta.url);

export async function startBenchServer(engine: Engine): Promise<BenchServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let sql: Sql;
    const settings: Record<string, string> = {};
    let databaseUrl: string | null = null;
    let postmasterPid: number | null = null;
    if (engine === 'postgres') {
      const cluster: PostgresCluster = await startPostgresCluster({ durable: true });
      cleanups.push(() => cluster.stop());
      const admin = openPostgresSql(cluster.url, 1);
      await admin.exec(`create database ${DATABASE}`);
      await admin.close();
      databaseUrl = cluster.databaseUrl(DATABASE);
      sql = await openServerDatabase({ databaseUrl, dataDir: '(unused with a database url)' });
      cleanups.push(() => sql.close());
      const backend = await sql.query('select pg_backend_pid() as pid');
      postmasterPid = parentPid(Number(backend[0]?.['pid']));
      for (const name of [
        'server_version',
        'fsync',
        'synchronous_commit',
        'wal_sync_method',
        'max_connections',
        'shared_buffers',
      ]) {
        const rows = await sql.query(`select current_setting($1) as value`, [name]);
        settings[name] = String(rows[0]?.['value']);
      }
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'loyalty-bench-pglite-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      sql = await openServerDatabase({ dataDir: dir });
      cleanups.push(() => sql.close());
      settings['data_dir'] = 'temp dir (PGlite in the server process, one connection)';
    }

    const timed = timedSql(sql);
    const serverLog: string[] = [];
    const server: RunningServer = await listenSyncApi(
      {
        sql: timed.sql,
        programs: createProgramStore(),
        now: Date.now,
        log: (line) => serverLog.push(line),
      },
      { host: '127.0.0.1', port: 0 },
    );
    cleanups.push(() => server.close());

    const published = await publishProgram(sql, JSON.parse(await readFile(DEMO_PROGRAM, 'utf8')));
    if (!published.ok)
      throw new Error(`publishing the demo program: ${JSON.stringify(published.error)}`);

    return {
      engine,
      url: server.url,
      sql,
      timed,
      serverLog,
      settings,
      databaseUrl,
      databaseName: DATABASE,
      postmasterPid,
      async createStore(id) {
        const created = await createStore(sql, {
          id,
          name: `Store ${id}`,
          timeZone: 'Europe/Moscow',
        });
        if (!created.ok) throw new Error(created.error);
      },
      async registerTerminal(storeId, terminalId) {
        const code = await createTerminalCode(sql, { storeId, terminalId, now: Date.now() });
        if (!code.ok) throw new Error(code.error);
        const response = await fetch(`${server.url}/v1/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: code.value.code }),
        });
        const body: unknown = await response.json();
        if (response.status !== 200)
          throw new Error(
            `registering ${terminalId}: HTTP ${String(response.status)} ${JSON.stringify(body)}`,
          );
        return registrationAnswerSchema.parse(body).credential;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
