import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_HEAP_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { serveFolder } from '../scripts/serve-folder';
import { formatBootstrapReport } from './bootstrap/bootstrap-report';
import type { BootstrapBenchOptions, BootstrapBenchResult } from './bootstrap/bootstrap-result';
import { startBootstrapServer } from './bootstrap/bootstrap-server';
import type { BootstrapServer, SnapshotServed } from './bootstrap/bootstrap-server';
import { PAGE_API } from './bootstrap/page/page-api';
import type { PageApi, SyncTarget } from './bootstrap/page/page-api';
import { cpuSampler } from './bootstrap/process-cpu';
import type { CpuUse } from './bootstrap/process-cpu';
import { seedChain } from './bootstrap/seed-chain';
import type { SeedMethod } from './bootstrap/seed-chain';
import {
  httpClient,
  linesBuiltInSql,
  queriesAsText,
  serverAlone,
  serverAloneOrderedByUuid,
} from './bootstrap/server-probes';
import type { StatementTimes } from './bootstrap/timed-statements';
import { serverCounts, spotCheckIds, verify } from './bootstrap/verify';
import { BENCH_DEMO_NOW, wholeNumber } from './bench-options';
import { machine, saveBenchResult } from './bench-results';

/**
 * Bootstrap of a fresh terminal from the central server: the chain's customers streamed by
 * GET /v1/snapshot (server/sync/snapshot.ts) from a durable PostgreSQL, and written into the
 * terminal's IndexedDB by the real code (renderer/sync/bootstrap.ts over httpSyncTransport,
 * in Chromium). Prints a table and saves JSON in bench/results/.
 *
 *   npx tsx bench/bootstrap.bench.ts                        # 100 000 customers, ~9 min here
 *   npx tsx bench/bootstrap.bench.ts --customers 1000000    # the figure (hours here)
 *
 * On this 2-CPU machine: seeding ~800–1 600 customers/s (slower as the tables grow and when the
 * machine is busy), the bootstrap ~400 customers/s at 100 000, ~300/s at 300 000 and 285/s
 * at 1 000 000 (IndexedDB slows as it grows): 1 000 000 took 20 min of seeding and 58 min of
 * bootstrap with --no-probes (each probe is another whole stream).
 *
 * Options: --chunk (customers per IndexedDB transaction, 2000 = bootstrap.ts's default),
 * --seed, --seeder bulk|demo (how the server is filled, see bootstrap/seed-chain.ts; not
 * measured in the figures), --seed-chunk, --seed-only (time the seeding, then stop),
 * --no-probes (only the bootstrap), --spot-checks
 * (random customers whose balance cache is checked, 20), --timeout-minutes.
 *
 * Besides the bootstrap, the stream is read alone, one layer at a time, so that the
 * differences say where the time goes: streamSnapshot in the server's process without HTTP
 * (and what-ifs: its page query ordered by the uuid column, its queries with jsonb as text,
 * the lines built by PostgreSQL);
 * over HTTP by a Node client that drops the bytes; in Chromium by fetch alone, + lines and
 * JSON.parse, + zod (the terminal's transport) with the chunks' toCustomerRow and foldLedger
 * timed apart. Each pass is a whole stream, so the probes take about as long as the
 * bootstrap's reading; --no-probes skips them. Then the terminal's counts, checkpoint and
 * cursor are compared with the server's, and some customers' balance caches with the fold of
 * the server's ledger.
 *
 * The page (bench/bootstrap/page/) is built with Vite and served from 127.0.0.1 with
 * cross-origin isolation (a 5 µs timer); the sync API allows any origin. Chromium runs with
 * a profile on disk: a Playwright incognito context would keep IndexedDB in memory.
 */

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    chunk: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    seeder: { type: 'string', default: 'bulk' },
    'seed-chunk': { type: 'string' },
    'no-probes': { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    'spot-checks': { type: 'string', default: '20' },
    'timeout-minutes': { type: 'string' },
  },
});

if (args.seeder !== 'bulk' && args.seeder !== 'demo')
  throw new Error(`--seeder must be bulk or demo, got ${JSON.stringify(args.seeder)}`);
const seedMethod: SeedMethod = args.seeder;
const options: BootstrapBenchOptions = {
  customers: wholeNumber('customers', args.customers, 1),
  chunkSize: wholeNumber('chunk', args.chunk, 1),
  seed: wholeNumber('seed', args.seed, 0),
  now: BENCH_DEMO_NOW,
  seedMethod,
  seedChunk: wholeNumber(
    'seed-chunk',
    args['seed-chunk'] ?? (seedMethod === 'bulk' ? '5000' : '2000'),
    1,
  ),
  probes: !args['no-probes'],
  spotChecks: wholeNumber('spot-checks', args['spot-checks'], 1),
};
/**
 * The run is stopped after this long. Default: 15 minutes plus 1 per 2 000 customers, about
 * twice what a run with the probes took on a 2-CPU machine.
 */
const timeoutMs =
  wholeNumber(
    'timeout-minutes',
    args['timeout-minutes'] ?? String(15 + Math.ceil(options.customers / 2_000)),
    1,
  ) * 60_000;

const work = mkdtempSync(path.join(os.tmpdir(), 'bootstrap-bench-'));
const pageDir = path.join(work, 'page');
const profileDir = path.join(work, 'profile');

const log = (line: string): void => {
  console.log(`[bootstrap-bench] ${line}`);
};

type Method = Exclude<keyof PageApi, 'environment'>;

/** Calls the page's API (bootstrap/page/bootstrap-page.ts). */
function callPage<M extends Method>(
  page: Page,
  method: M,
  ...params: Parameters<PageApi[M]>
): Promise<Awaited<ReturnType<PageApi[M]>>> {
  return page.evaluate(
    ({ name, method: m, params: p }) => {
      const api = (
        globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>
      )[name];
      const fn = api?.[m];
      if (!fn) throw new Error(`the page has no ${name}.${m}`);
      return fn(...p);
    },
    { name: PAGE_API, method, params },
  ) as Promise<Awaited<ReturnType<PageApi[M]>>>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();
  const warningCounts = new Map<string, number>();
  process.on('warning', (warning) => {
    const text = `${warning.name}: ${warning.message}`;
    warningCounts.set(text, (warningCounts.get(text) ?? 0) + 1);
  });

  log(`building the benchmark page (${pageDir})`);
  await build({
    root: path.resolve(import.meta.dirname, 'bootstrap/page'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: pageDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });

  log('starting a durable PostgreSQL cluster and the sync API');
  const server = await startBootstrapServer();
  let pageServer: Awaited<ReturnType<typeof serveFolder>> | null = null;
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | null = null;
  const stopped = { timedOut: false };
  const timer = setTimeout(() => {
    stopped.timedOut = true;
    log(`no result after ${String(timeoutMs / 60_000)} min: stopping`);
    void context?.close();
  }, timeoutMs);
  try {
    log(`seeding ${String(options.customers)} demo customers (${options.seedMethod})`);
    const seeding = await seedChain(server.sql, {
      method: options.seedMethod,
      customers: options.customers,
      seed: options.seed,
      now: options.now,
      chunkSize: options.seedChunk,
      log,
    });
    log(
      `seeded in ${(seeding.ms / 1000).toFixed(1)} s ` +
        `(${(options.customers / (seeding.ms / 1000)).toFixed(0)} customers/s): ` +
        JSON.stringify(seeding),
    );
    if (args['seed-only']) return;
    const counts = await serverCounts(server.sql);
    const target: SyncTarget = {
      serverUrl: server.url,
      credential: await server.registerTerminal('S1', 'S1-BOOT'),
    };

    pageServer = await serveFolder(pageDir, { crossOriginIsolated: true });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_HEAP_ARGS],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().startsWith('[bootstrap-bench]')) console.log(message.text());
    });
    page.on('pageerror', (error) => {
      console.error(`page error: ${error.message}`);
    });
    await page.goto(pageServer.url);
    await page.waitForFunction((name) => name in globalThis, PAGE_API);
    const environment = await page.evaluate(
      (name) => (globalThis as unknown as Record<string, PageApi>)[name]?.environment(),
      PAGE_API,
    );

    const cpu = cpuSampler(server.postmasterPid);
    const phases: { phase: string; use: CpuUse }[] = [];
    const measured = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
      log(`${phase}…`);
      const since = cpu.sample();
      const value = await run();
      const use = cpu.since(since);
      phases.push({ phase, use });
      log(`${phase}: ${use.wallSeconds.toFixed(1)} s`);
      return value;
    };
    const served = async <T>(
      phase: string,
      run: () => Promise<T>,
    ): Promise<T & { served: SnapshotServed | null; statements: StatementTimes }> => {
      const before = server.served.length;
      server.timed.take();
      const value = await measured(phase, run);
      return {
        ...value,
        served: server.served.length > before ? (server.served.at(-1) ?? null) : null,
        statements: server.timed.take(),
      };
    };

    const probes = options.probes
      ? await runProbes(server, page, target, measured, served)
      : {
          serverAlone: null,
          orderedByUuid: null,
          queriesAsText: null,
          linesBuiltInSql: null,
          httpClient: null,
          chromiumFetch: null,
          chromiumJson: null,
          chromiumTransport: null,
        };

    const boot = await served('bootstrap (Chromium, IndexedDB)', () =>
      callPage(page, 'bootstrap', target, options.chunkSize),
    );
    const rowsWritten = boot.customers * 2 + boot.cards + boot.entries;
    const ids = await spotCheckIds(server.sql, options.spotChecks);
    const verification = await verify(server.sql, await callPage(page, 'inspect', ids), counts);

    const result: BootstrapBenchResult = {
      options,
      seeding,
      database: { engine: 'postgres', version: server.serverVersion, settings: server.settings },
      bootstrap: {
        ...boot,
        rowsWritten,
        customersPerSecond: boot.customers / (boot.totalMs / 1000),
        rowsPerSecond: rowsWritten / (boot.totalMs / 1000),
        ratesByTenth: ratesByTenth(boot.progress, boot.customers),
      },
      probes,
      cpu: phases,
      verification,
      environment: {
        userAgent: environment?.userAgent ?? 'unknown',
        crossOriginIsolated: environment?.crossOriginIsolated ?? false,
        wallMs: performance.now() - started,
        loadAverageAtStart,
        warnings: [...warningCounts].map(([text, n]) => `${text} (×${String(n)})`),
      },
    };
    console.log(`\n${formatBootstrapReport(result).join('\n')}`);
    save(result);
    if (!verification.ok) process.exitCode = 1;
  } catch (error) {
    if (stopped.timedOut)
      throw new Error(`stopped after ${String(timeoutMs / 60_000)} min`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    await pageServer?.close();
    await server.stop();
  }
}

type Measured = <T>(phase: string, run: () => Promise<T>) => Promise<T>;
type Served = <T>(
  phase: string,
  run: () => Promise<T>,
) => Promise<T & { served: SnapshotServed | null; statements: StatementTimes }>;

/** The stream read alone, one layer more each time (see the comment at the top). */
async function runProbes(
  server: BootstrapServer,
  page: Page,
  target: SyncTarget,
  measured: Measured,
  served: Served,
): Promise<BootstrapBenchResult['probes']> {
  const { kept, ...alone } = await measured('server alone: streamSnapshot, lines dropped', () =>
    serverAlone(server.timed),
  );
  const ordered = await measured('server alone: page query ordered by uuid (what-if)', () =>
    serverAloneOrderedByUuid(server.sql, kept),
  );
  const asText = await measured('server alone: the queries with jsonb as text', () =>
    queriesAsText(server.sql),
  );
  const inSql = await measured('server alone: lines built in SQL (what-if)', () =>
    linesBuiltInSql(server.sql, kept),
  );
  const client = await served('HTTP to a Node client', () =>
    httpClient(target.serverUrl, target.credential),
  );
  const fetched = await served('Chromium: fetch only', () => callPage(page, 'fetchOnly', target));
  const json = await served('Chromium: lines + JSON.parse', () =>
    callPage(page, 'jsonOnly', target),
  );
  const transport = await served('Chromium: transport (zod) + chunk preparation', () =>
    callPage(page, 'transportOnly', target, options.chunkSize),
  );
  return {
    serverAlone: alone,
    orderedByUuid: ordered,
    queriesAsText: asText,
    linesBuiltInSql: inSql,
    httpClient: client,
    chromiumFetch: fetched,
    chromiumJson: json,
    chromiumTransport: transport,
  };
}

/** Customers/s over each tenth of the customers, from the commits' progress points. */
function ratesByTenth(
  progress: readonly { readonly atMs: number; readonly done: number }[],
  total: number,
): number[] {
  const rates: number[] = [];
  let from = { atMs: 0, done: 0 };
  for (let tenth = 1; tenth <= 10; tenth++) {
    const point = progress.find((p) => p.done >= (total * tenth) / 10);
    if (!point || point.atMs <= from.atMs) continue;
    rates.push(((point.done - from.done) * 1000) / (point.atMs - from.atMs));
    from = point;
  }
  return rates;
}

function save(result: BootstrapBenchResult): void {
  saveBenchResult('bootstrap', {
    machine: {
      ...machine(),
      engine: `PostgreSQL ${result.database.version}`,
      browser: result.environment.userAgent,
    },
    result,
  });
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
