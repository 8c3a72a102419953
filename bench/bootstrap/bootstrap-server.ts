import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registrationAnswerSchema } from '../../shared/sync/protocol';
import { createTerminalCode } from '../../server/auth/terminals';
import { openServerDatabase } from '../../server/db/open-database';
import { openPostgresSql } from '../../server/db/postgres-sql';
import type { Sql } from '../../server/db/sql';
import { createSyncApi } from '../../server/http/sync-api';
import { createProgramStore, publishProgram } from '../../server/programs/program-store';
import { startPostgresCluster } from '../../server/testing/postgres-cluster';
import { timeStatements } from './timed-statements';
import type { TimedStatements } from './timed-statements';

/**
 * The real central server for the bootstrap benchmark: a durable throwaway PostgreSQL
 * cluster, migrated by openServerDatabase, the demo program published, and the sync API
 * (createSyncApi, as listenSyncApi serves it) on 127.0.0.1. The API is handed a
 * stopwatch-wrapped Sql, and each GET /v1/snapshot is timed on the server's side: from the
 * request to the last byte handed to the socket, with the bytes of its body.
 */
export type SnapshotServed = {
  /** From the request's arrival to the end of the response (or the connection's close). */
  readonly ms: number;
  readonly bodyBytes: number;
  readonly complete: boolean;
  /**
   * `close` listeners added to the response while streaming and still there at its end:
   * streamLines (sync-api.ts) adds one per wait for `drain` and removes none.
   */
  readonly closeListenersLeft: number;
};

export type BootstrapServer = {
  readonly url: string;
  /** Setup, seeding and checks: not timed. */
  readonly sql: Sql;
  /** What the API's requests spent in the database. */
  readonly timed: TimedStatements;
  /** Snapshot requests served so far, oldest first. */
  readonly served: readonly SnapshotServed[];
  readonly postmasterPid: number | null;
  readonly serverVersion: string;
  readonly settings: Readonly<Record<string, string>>;
  /** Creates the terminal and registers it over HTTP, as a terminal does; its credential. */
  registerTerminal(storeId: string, terminalId: string): Promise<string>;
  stop(): Promise<void>;
};

const DATABASE = 'loyalty_bootstrap_bench';
const DEMO_PROGRAM = new URL('../../resources/programs/demo-program.json', import.meta.url);

export async function startBootstrapServer(): Promise<BootstrapServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const cluster = await startPostgresCluster({ durable: true });
    cleanups.push(() => cluster.stop());
    const admin = openPostgresSql(cluster.url, 1);
    await admin.exec(`create database ${DATABASE}`);
    await admin.close();
    const sql = await openServerDatabase({
      databaseUrl: cluster.databaseUrl(DATABASE),
      dataDir: '(unused with a database url)',
    });
    cleanups.push(() => sql.close());
    const settings: Record<string, string> = {};
    for (const name of ['server_version', 'fsync', 'synchronous_commit', 'shared_buffers']) {
      const rows = await sql.query('select current_setting($1) as value', [name]);
      settings[name] = String(rows[0]?.['value']);
    }
    const backend = await sql.query(
      'select pid from pg_stat_activity where backend_type = $1 limit 1',
      ['checkpointer'],
    );
    const postmasterPid = parentOf(Number(backend[0]?.['pid']));

    const published = await publishProgram(sql, JSON.parse(await readFile(DEMO_PROGRAM, 'utf8')));
    if (!published.ok)
      throw new Error(`publishing the demo program: ${JSON.stringify(published.error)}`);

    const timed = timeStatements(sql);
    const served: SnapshotServed[] = [];
    const api = createSyncApi({
      sql: timed.sql,
      programs: createProgramStore(),
      now: Date.now,
      log: (line) => {
        console.error(`[server] ${line}`);
      },
    });
    const http = createServer((request, response) => {
      if (request.method === 'GET' && request.url?.startsWith('/v1/snapshot'))
        watchSnapshot(response, (figures) => served.push(figures));
      api(request, response);
    });
    http.requestTimeout = 60_000; // as listenSyncApi
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', resolve);
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          http.closeAllConnections();
          http.close(() => {
            resolve();
          });
        }),
    );
    const { port } = http.address() as AddressInfo;
    const url = `http://127.0.0.1:${String(port)}`;

    return {
      url,
      sql,
      timed,
      served,
      postmasterPid,
      serverVersion: settings['server_version'] ?? 'unknown',
      settings,
      async registerTerminal(storeId, terminalId) {
        const code = await createTerminalCode(sql, { storeId, terminalId, now: Date.now() });
        if (!code.ok) throw new Error(code.error);
        const answer = await fetch(`${url}/v1/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: code.value.code }),
        });
        const body: unknown = await answer.json();
        if (answer.status !== 200)
          throw new Error(`registering ${terminalId}: HTTP ${String(answer.status)}`);
        return registrationAnswerSchema.parse(body).credential;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Times one snapshot response and counts its body bytes (by wrapping its `write`). */
function watchSnapshot(response: ServerResponse, done: (figures: SnapshotServed) => void): void {
  const started = performance.now();
  let bodyBytes = 0;
  const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (response as { write: typeof write }).write = (chunk, ...rest) => {
    if (typeof chunk === 'string') bodyBytes += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) bodyBytes += chunk.byteLength;
    return write(chunk, ...rest);
  };
  let reported = false;
  let baseline = 0;
  const report = (complete: boolean): void => {
    if (reported) return;
    reported = true;
    done({
      ms: performance.now() - started,
      bodyBytes,
      complete,
      closeListenersLeft: response.listenerCount('close') - baseline,
    });
  };
  response.once('finish', () => {
    report(true);
  });
  response.once('close', () => {
    report(response.writableFinished);
  });
  baseline = response.listenerCount('close');
}

/** The parent of a process (Linux /proc), or null. */
function parentOf(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]) || null;
  } catch {
    return null;
  }
}
