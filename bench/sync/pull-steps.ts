import type { Sql } from '../../server/db/sql';
import { pullChanges } from '../../server/sync/pull';
import { MAX_PULL_PAGE } from '../../shared/sync/protocol';

/**
 * One full pull page's cost on the server, without HTTP and without contention: the query
 * (PostgreSQL sends jsonb as text, the pg driver JSON.parses every payload), then the
 * answer's JSON.stringify; and the terminal's JSON.parse.
 */
export type PullSteps = {
  readonly pages: number;
  readonly changesPerPage: number;
  readonly bytesPerPage: number;
  readonly queryMs: number;
  readonly stringifyMs: number;
  readonly clientParseMs: number;
};

export async function measurePullSteps(sql: Sql, from: number, pages: number): Promise<PullSteps> {
  let cursor = from;
  const totals = { changes: 0, bytes: 0, query: 0, stringify: 0, parse: 0 };
  let done = 0;
  for (; done < pages; done++) {
    const t0 = performance.now();
    const page = await pullChanges(sql, cursor, MAX_PULL_PAGE);
    const t1 = performance.now();
    const text = JSON.stringify(page);
    const t2 = performance.now();
    JSON.parse(text);
    const t3 = performance.now();
    totals.changes += page.changes.length;
    totals.bytes += text.length;
    totals.query += t1 - t0;
    totals.stringify += t2 - t1;
    totals.parse += t3 - t2;
    cursor = page.cursor;
    if (!page.more) {
      done += 1;
      break;
    }
  }
  const per = (value: number): number => Math.round((10 * value) / Math.max(1, done)) / 10;
  return {
    pages: done,
    changesPerPage: per(totals.changes),
    bytesPerPage: Math.round(totals.bytes / Math.max(1, done)),
    queryMs: per(totals.query),
    stringifyMs: per(totals.stringify),
    clientParseMs: per(totals.parse),
  };
}
