import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Sql } from '../../server/db/sql';
import { streamSnapshot } from '../../server/sync/snapshot';
import { timeStatements } from './timed-statements';
import type { StatementTimes, TimedStatements } from './timed-statements';

/**
 * The snapshot on the server's side without HTTP, and over HTTP to a client that drops it:
 * what producing the stream costs before any terminal reads it.
 */
export type ServerAloneProbe = {
  readonly ms: number;
  readonly lines: number;
  readonly bytes: number;
  /** Inside the statements (PostgreSQL, the rows sent, the pg driver decoding jsonb). */
  readonly statementsMs: number;
  readonly stringifyMs: number;
  readonly statements: StatementTimes;
};

/** What the Node HTTP client saw (fetch in a worker thread, bytes counted and dropped). */
export type HttpClientProbe = {
  readonly ms: number;
  readonly firstByteMs: number;
  readonly bytes: number;
  readonly lines: number;
};

export type QueryProbe = {
  readonly ms: number;
  readonly customers: number;
  readonly bytes: number;
};

/** Lines kept from the server's own stream, to check the what-if stream against. */
const KEPT_LINES = 500;

/**
 * streamSnapshot itself (server/sync/snapshot.ts) through the timed Sql, each line
 * JSON.stringify'd as streamLines does and dropped; the first lines are kept for checks.
 */
export async function serverAlone(
  timed: TimedStatements,
): Promise<ServerAloneProbe & { kept: unknown[] }> {
  timed.take();
  let lines = 0;
  let bytes = 0;
  let stringifyMs = 0;
  const kept: unknown[] = [];
  const started = performance.now();
  await streamSnapshot(timed.sql, null, (line) => {
    const t0 = performance.now();
    const text = `${JSON.stringify(line)}\n`;
    stringifyMs += performance.now() - t0;
    bytes += Buffer.byteLength(text);
    lines += 1;
    if (kept.length < KEPT_LINES) kept.push(line);
    return Promise.resolve();
  });
  const ms = performance.now() - started;
  const statements = timed.take();
  const statementsMs = Object.values(statements).reduce((sum, s) => sum + s.totalMs, 0);
  return { ms, lines, bytes, statementsMs, stringifyMs, statements, kept };
}

/**
 * What-if: streamSnapshot with its page query ordered by the uuid column. `select id::text as
 * id … order by id` orders by the output column, the text, which no index serves: PostgreSQL
 * reads every customer after the cursor and sorts them, for every page (O(n²) over the
 * stream). `order by customers.id` walks the primary key. The Sql handed to streamSnapshot
 * rewrites only that; the lines are checked against the server's own.
 */
export async function serverAloneOrderedByUuid(
  sql: Sql,
  kept: readonly unknown[],
): Promise<
  ServerAloneProbe & {
    readonly rewritten: number;
    readonly checkedLines: number;
    readonly sameLines: boolean;
  }
> {
  let rewritten = 0;
  const rewrite = (text: string): string => {
    const fixed = text.replace(/order by id limit/, 'order by customers.id limit');
    if (fixed !== text) rewritten += 1;
    return fixed;
  };
  const timedSql = timeStatements(sql);
  const fixedSql: Sql = {
    ...timedSql.sql,
    query: (text, params) => timedSql.sql.query(rewrite(text), params),
    transaction: (work) =>
      timedSql.sql.transaction((tx) =>
        work({ query: (text, params) => tx.query(rewrite(text), params), exec: (t) => tx.exec(t) }),
      ),
  };
  const { kept: ours, ...probe } = await serverAlone({
    sql: fixedSql,
    take: () => timedSql.take(),
  });
  const checked = Math.min(ours.length, kept.length);
  let same = checked > 0;
  for (let i = 0; i < checked; i++)
    same &&= isDeepStrictEqual(normalized(ours[i]), normalized(kept[i]));
  return { ...probe, rewritten, checkedLines: checked, sameLines: same };
}

const PAGE = 1_000;

/** The snapshot's three queries per page as streamSnapshot runs them, jsonb sent as text. */
export async function queriesAsText(sql: Sql): Promise<QueryProbe> {
  const started = performance.now();
  let customers = 0;
  let bytes = 0;
  await sql.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    let cursor: string | null = null;
    for (let page = 0; page < 100_000; page++) {
      const rows = await tx.query(
        `select id::text as id, profile::text as profile from customers
         where $1::uuid is null or id > $1::uuid order by id limit $2`,
        [cursor, PAGE],
      );
      if (rows.length === 0) break;
      const ids = rows.map((row) => String(row['id']));
      const cards = await tx.query(
        'select customer_id::text as owner, record::text as record from cards where customer_id = any($1::uuid[])',
        [ids],
      );
      const entries = await tx.query(
        'select customer_id::text as owner, entry::text as entry from ledger_entries where customer_id = any($1::uuid[])',
        [ids],
      );
      for (const row of rows) bytes += String(row['profile']).length;
      for (const row of cards) bytes += String(row['record']).length;
      for (const row of entries) bytes += String(row['entry']).length;
      customers += rows.length;
      cursor = ids.at(-1) ?? cursor;
    }
  });
  return { ms: performance.now() - started, customers, bytes };
}

/**
 * What-if: each customer's line built by PostgreSQL as text (json_build_object and json_agg
 * over the same indexes), so that the server only passes text through: no jsonb decoding in
 * the driver, no grouping, no JSON.stringify. Checked against the server's own lines.
 */
export async function linesBuiltInSql(
  sql: Sql,
  kept: readonly unknown[],
): Promise<QueryProbe & { readonly checkedLines: number; readonly sameLines: boolean }> {
  const started = performance.now();
  let customers = 0;
  let bytes = 0;
  const first: string[] = [];
  await sql.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    let cursor: string | null = null;
    for (let page = 0; page < 100_000; page++) {
      const rows = await tx.query(
        `select c.id::text as id,
                json_build_object(
                  'kind', 'customer',
                  'customer', c.profile,
                  'cards', coalesce(
                    (select json_agg(k.record) from cards k where k.customer_id = c.id), '[]'::json),
                  'entries', coalesce(
                    (select json_agg(e.entry) from ledger_entries e where e.customer_id = c.id),
                    '[]'::json)
                )::text as line
         from customers c
         where $1::uuid is null or c.id > $1::uuid order by c.id limit $2`,
        [cursor, PAGE],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const line = String(row['line']);
        bytes += Buffer.byteLength(line) + 1;
        if (first.length < KEPT_LINES) first.push(line);
      }
      customers += rows.length;
      cursor = String(rows.at(-1)?.['id']);
    }
  });
  const ms = performance.now() - started;
  const theirs = kept.filter((line) => (line as { kind?: string }).kind === 'customer');
  const checked = Math.min(theirs.length, first.length);
  let same = true;
  for (let i = 0; i < checked; i++)
    same &&= isDeepStrictEqual(normalized(JSON.parse(first[i] ?? '')), normalized(theirs[i]));
  return { ms, customers, bytes, checkedLines: checked, sameLines: same };
}

/** A customer line with its cards and entries in a fixed order (neither query orders them). */
function normalized(line: unknown): unknown {
  const { cards, entries, ...rest } = line as {
    cards?: { number: string }[];
    entries?: { id: string }[];
  };
  if (!cards || !entries) return line;
  return {
    ...rest,
    cards: [...cards].sort((a, b) => a.number.localeCompare(b.number)),
    entries: [...entries].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Plain JavaScript for the client thread: fetch the snapshot, count bytes and lines, drop them. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const started = performance.now();
  const response = await fetch(workerData.url, {
    headers: { authorization: 'Bearer ' + workerData.credential },
  });
  if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
  let firstByteMs = -1, bytes = 0, lines = 0;
  for await (const chunk of response.body) {
    if (firstByteMs < 0) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  parentPort.postMessage({ ms: performance.now() - started, firstByteMs, bytes, lines });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/** GET /v1/snapshot from a Node client in a worker thread (so it does not share the server's loop). */
export async function httpClient(serverUrl: string, credential: string): Promise<HttpClientProbe> {
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { url: `${serverUrl}/v1/snapshot`, credential },
  });
  try {
    const answer = await new Promise<HttpClientProbe | { error: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => {
        reject(new Error(`the client thread exited (${String(code)})`));
      });
    });
    if ('error' in answer) throw new Error(`snapshot client: ${answer.error}`);
    return answer;
  } finally {
    await worker.terminate();
  }
}
