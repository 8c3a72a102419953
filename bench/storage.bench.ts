import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_HEAP_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { serveFolder } from '../scripts/serve-folder';
import { checkTargets, formatStorageReport } from './storage/storage-report';
import { openDiskFlushProbe } from './disk-flush-probe';
import { DISK_FLUSH_FUNCTION, RUN_FUNCTION } from './storage/storage-bench-result';
import type { StorageBenchOptions, StorageBenchResult } from './storage/storage-bench-result';
import { BENCH_DEMO_NOW, wholeNumber } from './bench-options';
import { machine, saveBenchResult } from './bench-results';

/**
 * The terminal's local store at scale, in Chromium: loading the demo data, card lookups,
 * searches and sale commits through the terminal's code (Dexie), each next to the same work
 * done with raw IndexedDB calls. Prints a table and saves JSON in bench/results/.
 *
 *   npm run bench:storage                          # 1 000 000 customers
 *   npm run bench:storage -- --customers 20000     # a quick run
 *
 * Other options: --chunk (customers per transaction, 5000), --seed, --lookups (2000),
 * --searches (1000 of each kind), --sales (500), --settle (seconds between loading and the
 * lookups, 10), --warmup-reads (unmeasured random reads on both stores before the figures, 4000;
 * see StorageBenchOptions), --timeout-minutes. Both stores are loaded, so a run writes every row twice:
 * on a 2-CPU machine (~4 500 rows/s per engine) 20 000 customers take ~2 min, 100 000 ~6 min,
 * 1 000 000 about an hour. Progress and an estimate of the time left are printed as it goes.
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
    sales: { type: 'string', default: '500' },
    settle: { type: 'string', default: '10' },
    'warmup-reads': { type: 'string', default: '4000' },
    'timeout-minutes': { type: 'string' },
  },
});

const options: StorageBenchOptions = {
  customers: wholeNumber('customers', args.customers, 100),
  chunkSize: wholeNumber('chunk', args.chunk, 1),
  seed: wholeNumber('seed', args.seed, 0),
  now: BENCH_DEMO_NOW,
  lookups: wholeNumber('lookups', args.lookups, 1),
  searches: wholeNumber('searches', args.searches, 1),
  sales: wholeNumber('sales', args.sales, 1),
  settleMs: wholeNumber('settle', args.settle, 0) * 1000,
  warmupReads: wholeNumber('warmup-reads', args['warmup-reads'], 0),
};
/**
 * The run is stopped after this long. Default: 10 minutes plus 1 per 6 000 customers, about
 * twice what loading took on a 2-CPU machine (~4 000 rows/s per engine; ~3 h for 1 000 000).
 */
const timeoutMs =
  wholeNumber(
    'timeout-minutes',
    args['timeout-minutes'] ?? String(10 + Math.ceil(options.customers / 6_000)),
    1,
  ) * 60_000;

const work = mkdtempSync(path.join(os.tmpdir(), 'storage-bench-'));
const pageDir = path.join(work, 'page');
const profileDir = path.join(work, 'profile');

/** What the page puts on `window` (storage-bench-page.ts). */
type BenchPage = Record<
  typeof RUN_FUNCTION,
  (options: StorageBenchOptions) => Promise<StorageBenchResult>
>;

async function main(): Promise<void> {
  console.log(`building the benchmark page (${pageDir})`);
  await build({
    root: path.resolve(import.meta.dirname, 'storage'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: pageDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const server = await serveFolder(pageDir, { crossOriginIsolated: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_HEAP_ARGS],
  });
  // In the work folder, next to the profile: the same file system as IndexedDB's files.
  const diskFlush = openDiskFlushProbe(work);
  await context.exposeFunction(DISK_FLUSH_FUNCTION, () => diskFlush.flush());
  // Closing the browser makes the pending evaluate fail, so the run ends through `finally`.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void context.close();
  }, timeoutMs);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().startsWith('[storage-bench]')) console.log(message.text());
    });
    page.on('pageerror', (error) => {
      console.error(`page error: ${error.message}`);
    });
    await page.goto(server.url);
    await page.waitForFunction((name) => name in globalThis, RUN_FUNCTION);
    const result = await page
      .evaluate(({ name, opts }) => (globalThis as unknown as BenchPage)[name](opts), {
        name: RUN_FUNCTION,
        opts: options,
      })
      .catch((error: unknown) => {
        if (timedOut) throw new Error(`no result after ${timeoutMs / 60_000} min: stopped`);
        throw error;
      });
    console.log(`\n${formatStorageReport(result).join('\n')}`);
    save(result);
  } finally {
    clearTimeout(timer);
    await context.close();
    await server.close();
    diskFlush.close();
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
