import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import {
  CHROMIUM_BROWSER_ARGS,
  CHROMIUM_PATH,
  HEAP_ARGS,
  profileBackends,
} from '../scripts/chromium';
import { serveFolder } from '../scripts/serve-folder';
import { checkTargets, formatStorageReport } from './storage/storage-report';
import { openDiskFlushProbe } from './disk-flush-probe';
import { terminalCspPlugin } from './terminal-csp';
import type { DiskFlushProbe } from './disk-flush-probe';
import {
  AMOUNT_ENTRY_MS,
  DISK_FLUSH_FUNCTION,
  RUN_FUNCTION,
  SAVE_PROGRESS_FUNCTION,
} from './storage/storage-bench-result';
import type {
  LoadProgress,
  StorageBenchOptions,
  StorageBenchOutcome,
  StorageBenchResult,
} from './storage/storage-bench-result';
import { readLoadProgress, saveLoadProgress, shapeMismatch } from './load-progress-file';
import { BENCH_DEMO_NOW, KEPT_PROFILE_PORTS, wholeNumber } from './bench-options';
import { machine, saveBenchResult } from './bench-results';
import { backendSwitches, checkProfileBackend, parseIdbBackend } from './idb-backend';

/**
 * The terminal's local store at scale, in Chromium: loading the demo data, card lookups,
 * searches and sale commits through the terminal's code (Dexie), each next to the same work
 * done with raw IndexedDB calls. Prints a table and saves JSON in bench/results/.
 *
 *   npm run bench:storage                          # 1 000 000 customers
 *   npm run bench:storage -- --customers 20000     # a quick run
 *   npm run bench:storage -- --profile .data/storage-1m --load-minutes 60
 *
 * Both stores are loaded, so a run writes every row twice; the rate falls as the stores grow.
 * Progress and an estimate of the time left are printed as it goes, and the report gives the
 * load's seconds: on a small machine, loading 1 000 000 is a matter of hours, so keep it
 * (--profile) and spread it over runs (--load-minutes).
 *
 * --profile DIR keeps the browser profile and the load's progress in DIR: a run stopped by
 * --load-minutes (or by anything else) leaves what it loaded, the same command goes on from
 * there, and once the load is complete each run measures without loading. The load's
 * figures then sum the chunks of every run (the JSON says how many runs).
 *
 * Other options: --chunk (customers per transaction, 5000), --seed, --lookups (2000),
 * --searches (1000 of each kind), --sales (2000; StorageBenchOptions says why), --settle
 * (seconds between loading and the lookups, 10), --warmup-reads (unmeasured random reads of
 * the terminal's store before the figures, 4000; see StorageBenchOptions), --gap-ms (an
 * idle pause before each timed lookup and search, 0; see StorageBenchOptions), --idb-backend
 * (sqlite, the terminal's, or leveldb: Chromium's IndexedDB engine, see bench/idb-backend.ts;
 * a kept profile is only ever opened with its own), --timeout-minutes.
 *
 * The page (bench/storage/) is built with Vite and served from 127.0.0.1 with cross-origin
 * isolation (a 5 µs timer instead of 100 µs). Chromium runs with a profile on disk: a
 * Playwright incognito context would keep IndexedDB in memory and measure no disk at all.
 */

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    lookups: { type: 'string', default: '2000' },
    searches: { type: 'string', default: '1000' },
    sales: { type: 'string', default: '2000' },
    settle: { type: 'string', default: '10' },
    'warmup-reads': { type: 'string', default: '4000' },
    'gap-ms': { type: 'string', default: '0' },
    'idb-backend': { type: 'string', default: 'sqlite' },
    profile: { type: 'string' },
    'load-minutes': { type: 'string' },
    'timeout-minutes': { type: 'string' },
  },
});

const keptDir = args.profile === undefined ? null : path.resolve(args.profile);
const customers = wholeNumber('customers', args.customers, 100);
const chunkSize = wholeNumber('chunk', args.chunk, 1);
const seed = wholeNumber('seed', args.seed, 0);
const resume = keptDir === null ? null : keptLoad(keptDir);
const options: StorageBenchOptions = {
  customers,
  chunkSize,
  seed,
  now: BENCH_DEMO_NOW,
  lookups: wholeNumber('lookups', args.lookups, 1),
  searches: wholeNumber('searches', args.searches, 1),
  sales: wholeNumber('sales', args.sales, 1),
  settleMs: wholeNumber('settle', args.settle, 0) * 1000,
  warmupReads: wholeNumber('warmup-reads', args['warmup-reads'], 0),
  gapMs: wholeNumber('gap-ms', args['gap-ms'], 0),
  idbBackend: parseIdbBackend(args['idb-backend']),
  resume,
  loadBudgetMs:
    args['load-minutes'] === undefined
      ? null
      : wholeNumber('load-minutes', args['load-minutes'], 1) * 60_000,
};
// A kept profile is opened only with the engine that wrote it; a new one holds no store.
if (keptDir !== null) checkProfileBackend(path.join(keptDir, 'chromium'), options.idbBackend);
if (options.loadBudgetMs !== null && keptDir === null)
  throw new Error('--load-minutes needs --profile DIR: without it, a partial load is lost');
/**
 * The run is stopped after this long. Default: 10 minutes plus 1 per 6 000 customers still
 * to load (about twice what loading 250 000 took on a 2-CPU machine; larger loads go slower
 * per customer), or --load-minutes plus 20 when that is shorter; plus the settling pause,
 * the idle gaps (two per round: the lookups, two floors, two searches) and the sales' pauses
 * for the amount (two per sale: the terminal's and its twin's).
 * A kept load survives it.
 */
const toLoad = customers - (resume?.loadedCustomers ?? 0);
const defaultTimeoutMinutes =
  Math.min(
    10 + Math.ceil(toLoad / 6_000),
    options.loadBudgetMs === null ? Infinity : options.loadBudgetMs / 60_000 + 20,
  ) +
  Math.ceil(options.settleMs / 60_000) +
  Math.ceil((options.gapMs * 2 * (3 * options.lookups + 2 * options.searches)) / 60_000) +
  Math.ceil((2 * AMOUNT_ENTRY_MS * options.sales) / 60_000);
const timeoutMs =
  wholeNumber('timeout-minutes', args['timeout-minutes'] ?? String(defaultTimeoutMinutes), 1) *
  60_000;

const work = mkdtempSync(path.join(os.tmpdir(), 'storage-bench-'));
const pageDir = path.join(work, 'page');
/** Where the browser profile lives, with the load's progress (if kept) and the disk probe. */
const dataDir = keptDir ?? work;
const profileDir = path.join(dataDir, 'chromium');

/** The load kept in `dir` if it can go on under this run's options; null for a new one. */
function keptLoad(dir: string): LoadProgress | null {
  mkdirSync(dir, { recursive: true });
  const kept = readLoadProgress(dir);
  if (kept === null) {
    if (existsSync(path.join(dir, 'chromium')))
      throw new Error(`${dir} holds a browser profile but no load progress: delete it first`);
    return null;
  }
  const mismatch = shapeMismatch(kept.shape, { customers, chunkSize, seed, now: BENCH_DEMO_NOW });
  if (mismatch !== null)
    throw new Error(`${dir}: ${mismatch}; run with its options, or delete it to load afresh`);
  return kept;
}

/** What the page puts on `window` (storage-bench-page.ts). */
type BenchPage = Record<
  typeof RUN_FUNCTION,
  (options: StorageBenchOptions) => Promise<StorageBenchOutcome>
>;

async function main(): Promise<void> {
  console.log(`building the benchmark page (${pageDir})`);
  await build({
    root: path.resolve(import.meta.dirname, 'storage'),
    configFile: false,
    plugins: [terminalCspPlugin()],
    logLevel: 'warn',
    build: { outDir: pageDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const server = await serveFolder(pageDir, {
    crossOriginIsolated: true,
    port: keptDir === null ? 0 : KEPT_PROFILE_PORTS.storage,
  });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_BROWSER_ARGS, ...HEAP_ARGS, ...backendSwitches(options.idbBackend)],
  });
  // Closing the browser makes the pending evaluate fail, so the run ends through `finally`.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void context.close();
  }, timeoutMs);
  let diskFlush: DiskFlushProbe | null = null;
  try {
    // Next to the profile: the same file system as IndexedDB's files.
    const probe = openDiskFlushProbe(dataDir);
    diskFlush = probe;
    await context.exposeFunction(DISK_FLUSH_FUNCTION, () => probe.flush());
    if (keptDir !== null)
      await context.exposeFunction(SAVE_PROGRESS_FUNCTION, (progress: LoadProgress) =>
        saveLoadProgress(keptDir, progress),
      );
    if (keptDir === null && toLoad > 250_000)
      console.log(
        `loading ${String(toLoad)} customers takes long and is lost if the run stops: ` +
          '--profile DIR keeps it, --load-minutes N spreads it over runs',
      );
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().startsWith('[storage-bench]')) console.log(message.text());
    });
    page.on('pageerror', (error) => {
      console.error(`page error: ${error.message}`);
    });
    await page.goto(server.url);
    await page.waitForFunction((name) => name in globalThis, RUN_FUNCTION);
    const outcome = await page
      .evaluate(({ name, opts }) => (globalThis as unknown as BenchPage)[name](opts), {
        name: RUN_FUNCTION,
        opts: options,
      })
      .catch((error: unknown) => {
        if (timedOut)
          throw new Error(
            `no result after ${String(timeoutMs / 60_000)} min: stopped` +
              (keptDir === null ? '' : `; what was loaded is kept in ${keptDir}`),
          );
        throw error;
      });
    if (!outcome.done) {
      const { loadedCustomers, runs } = outcome.progress;
      console.log(
        `\nloaded ${String(loadedCustomers)} of ${String(customers)} customers into ` +
          `${String(keptDir)} over ${String(runs)} run(s); run the same command again to go on`,
      );
      return;
    }
    // Chromium ignores a feature it does not know: the figures must be the asked engine's.
    const stored = profileBackends(profileDir);
    if (stored.length !== 1 || stored[0] !== options.idbBackend)
      throw new Error(
        `asked for IndexedDB on ${options.idbBackend}, but the profile holds stores of ` +
          `${stored.join(' and ') || 'no engine'}: Chromium did not take the switch; nothing saved`,
      );
    console.log(`\n${formatStorageReport(outcome.result).join('\n')}`);
    save(outcome.result);
  } finally {
    clearTimeout(timer);
    await context.close();
    await server.close();
    diskFlush?.close();
  }
}

function save(result: StorageBenchResult): void {
  saveBenchResult('storage', {
    machine: { ...machine(), browser: result.environment.userAgent },
    targets: checkTargets(result),
    result,
  });
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
