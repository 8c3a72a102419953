import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { SerialPort } from 'serialport';
import { startBrowserModeDevices } from '../electron/device-host/browser-mode-devices';
import { renderReceipt } from '../electron/devices/printers/escpos/escpos-encoder';
import {
  PRINTER_MODEL_IDS,
  PRINTER_PROFILES,
} from '../electron/devices/printers/escpos/printer-profiles';
import { startSocatPair } from '../electron/devices/testing/socat-pair';
import { layoutReceipt } from '../shared/receipts/layout-receipt';
import { sampleSaleReceipt } from '../shared/receipts/sample-receipts';
import { demoCardNumber } from '../shared/demo-data/demo-customer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { serveFolder } from '../scripts/serve-folder';
import { seededRandom, summarize } from './sync/stats';
import type { LatencySummary } from './sync/stats';
import { figureTable, formatTable } from './sync/sync-report';
import { machine, saveBenchResult } from './bench-results';
import { KEPT_PROFILE_PORTS, wholeNumber } from './bench-options';

/**
 * From bytes at the scanner's port to the customer on screen, with the terminal's store full
 * of customers; and receipt rendering. Prints a table and saves JSON in bench/results/.
 *
 *   npm run bench:scan                               # 1 000 000 customers (loading: ~1 h here)
 *   npm run bench:scan -- --customers 20000          # a quick run
 *   npm run bench:scan -- --profile .data/scan-1m    # keep the filled store for later runs
 *
 * The real path: a socat pseudo-terminal pair plays a serial scanner; the device host (the
 * real serialport, framing, funnel, WebSocket) hands the scan to the built terminal in
 * Chromium (a profile on disk, so IndexedDB is on disk), which looks the card up in its
 * IndexedDB and shows the customer. The clock starts when the bytes are written to the pty and
 * stops when the page's MutationObserver sees the customer's name (both on this machine's
 * clock: performance.timeOrigin + performance.now()). The store is filled by the terminal's
 * own demo loader on its first start. Cards are drawn at random over the whole store; the
 * ~4 % of demo customers with a virtual card have no plastic number and answer "unknown card",
 * timed apart. Target: scan to screen p99 ≤ 50 ms.
 *
 * With --profile DIR the Chromium profile (and the store in it) is kept: the first run fills
 * it, later runs with the same --customers reuse it (the loader fills only an empty store)
 * and skip the hour of loading. A store holding another number of customers (a run stopped
 * while loading) is refused: delete the folder.
 *
 * Receipt rendering: layout and ESC/POS encoding of the demo receipt for each printer model,
 * in this Node process.
 */
const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    scans: { type: 'string', default: '300' },
    renders: { type: 'string', default: '2000' },
    'timeout-minutes': { type: 'string' },
    profile: { type: 'string' },
  },
});
const customers = wholeNumber('customers', args.customers, 10);
const scans = wholeNumber('scans', args.scans, 1);
const renders = wholeNumber('renders', args.renders, 1);
const timeoutMs =
  wholeNumber(
    'timeout-minutes',
    args['timeout-minutes'] ?? String(10 + Math.ceil(customers / 5_000)),
    1,
  ) * 60_000;
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'scan-bench-'));
const say = (line: string): void => console.log(`[scan-bench] ${line}`);

/** Runs in the page: the customers in the bench's store, counted with raw IndexedDB. */
const COUNT_CUSTOMERS_SCRIPT = `new Promise((resolve, reject) => {
  const open = indexedDB.open('scan-bench');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const count = open.result.transaction('customers').objectStore('customers').count();
    count.onsuccess = () => { open.result.close(); resolve(count.result); };
    count.onerror = () => reject(count.error);
  };
})`;

const nowMs = (): number => performance.timeOrigin + performance.now();

/**
 * Runs in the page (a script text: this project has no DOM types): `window.scanSeen` resolves
 * with the moment the customer's name, or an error notice, enters the page. The script itself
 * returns at once (page.evaluate would otherwise wait for the promise).
 */
const ARM_SCRIPT = `(() => { window.scanSeen = new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    const name = document.querySelector('[data-testid="customer-name"]');
    const notice = document.querySelector('.notice-error');
    if (!name && !notice) return;
    observer.disconnect();
    resolve({ at: performance.timeOrigin + performance.now(), kind: name ? 'customer' : 'notice' });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}); return true; })()`;

// 1. Receipt rendering (no browser needed).
const rendering: Record<string, { layout: LatencySummary; escpos: LatencySummary }> = {};
for (const id of PRINTER_MODEL_IDS) {
  const profile = PRINTER_PROFILES[id];
  const layout: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < renders; i++) {
    const receipt = sampleSaleReceipt();
    let started = performance.now();
    layoutReceipt(receipt, { columns: profile.columns, lang: 'ru' });
    layout.push(performance.now() - started);
    started = performance.now();
    const bytes = renderReceipt(receipt, { profile, lang: 'ru' });
    whole.push(performance.now() - started);
    if (!bytes.ok) throw bytes.error;
  }
  rendering[id] = { layout: summarize(layout), escpos: summarize(whole) };
}

// 2. Scan to screen.
/**
 * What the run started, stopped in reverse order on every way out (socat would outlive the
 * process); a --profile folder stays.
 */
const stops: (() => Promise<void> | void)[] = [
  () => {
    rmSync(work, { recursive: true, force: true });
  },
];
async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse())
    await Promise.resolve()
      .then(stop)
      .catch((error: unknown) => {
        say(`while stopping: ${String(error)}`);
      });
}

async function measureScans(): Promise<{
  loadSeconds: number;
  shown: number[];
  unknown: number[];
}> {
  const scanner = await startSocatPair();
  stops.push(() => scanner.close());
  const terminal = await serveFolder(path.join(root, 'dist', 'renderer'), {
    port: args.profile === undefined ? 0 : KEPT_PROFILE_PORTS.scan,
  });
  stops.push(() => terminal.close());
  const devices = await startBrowserModeDevices({
    dataDir: path.join(work, 'devices'),
    allowedOrigins: [new URL(terminal.url).origin],
    log: (line) => say(`devices: ${line}`),
    firstSettings: {
      printer: { transport: 'none' },
      serialScanners: [{ path: scanner.a, baudRate: 115_200 }],
      hidScanners: false,
    },
  });
  stops.push(() => devices.stop());
  const profileDir =
    args.profile === undefined ? path.join(work, 'profile') : path.resolve(args.profile);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'ru-RU',
    args: [...CHROMIUM_ARGS],
  });
  stops.push(() => context.close());
  // Closing the browser makes the pending step fail, so the run ends through `finally`.
  const deadline = setTimeout(() => {
    say(`stopped after ${String(timeoutMs / 60_000)} minutes (--timeout-minutes)`);
    void context.close();
  }, timeoutMs);
  stops.push(() => {
    clearTimeout(deadline);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') say(`page: ${message.text()}`);
  });
  const loadStarted = Date.now();
  await page.goto(`${terminal.url}?db=scan-bench&demo=${String(customers)}&${devices.pageQuery}`);
  say(`loading ${String(customers)} demo customers through the terminal's own loader`);
  const progress = setInterval(() => {
    void page
      .locator('.loading')
      .innerText({ timeout: 1_000 })
      .then(
        (text) => say(text),
        () => undefined,
      );
  }, 30_000);
  await page.getByText('Вход сотрудника').waitFor({ timeout: timeoutMs });
  clearInterval(progress);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  say(`loaded in ${String(Math.round(loadSeconds))} s`);
  const stored = await page.evaluate<number>(COUNT_CUSTOMERS_SCRIPT);
  if (stored !== customers) {
    throw new Error(
      `the store in ${profileDir} holds ${String(stored)} customers, not ${String(customers)}: ` +
        'a run stopped while loading, or another --customers; delete the folder',
    );
  }
  await page.getByRole('button', { name: /Анна/ }).click();
  await page.getByTestId('pin').fill('1111');
  await page.getByTestId('pin').press('Enter');
  await page.getByText('Отсканируйте карту покупателя').waitFor();

  const port = new SerialPort({ path: scanner.b, baudRate: 115_200 });
  await new Promise((resolve) => port.once('open', resolve));
  const random = seededRandom(7);
  const shown: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < scans; i++) {
    const card = demoCardNumber(Math.floor(random() * customers), 'plastic');
    // Armed before the bytes leave: resolves with the time the name (or a notice) appeared.
    await page.evaluate(ARM_SCRIPT);
    const written = nowMs();
    port.write(`${card}\r`);
    const seen = await page.evaluate<{ at: number; kind: string }>('window.scanSeen');
    (seen.kind === 'customer' ? shown : unknown).push(seen.at - written);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page
      .locator('[data-testid="customer-name"], .notice-error')
      .first()
      .waitFor({ state: 'detached' });
  }
  await new Promise((resolve) => port.close(resolve));
  return { loadSeconds, shown, unknown };
}
let measured: Awaited<ReturnType<typeof measureScans>>;
try {
  measured = await measureScans();
} finally {
  await stopAll();
}
const { loadSeconds, shown, unknown } = measured;

const toScreen = summarize(shown);
const result = {
  machine: machine(),
  options: { customers, scans, renders, keptProfile: args.profile !== undefined },
  loadSeconds,
  scanToScreen: toScreen,
  scanToUnknownCardNotice: summarize(unknown),
  rendering,
};
const figures = [
  {
    name: `scan to screen p99 (${String(customers)} customers)`,
    measured: `${String(toScreen.p99Ms)} ms`,
    target: '≤ 50 ms',
    met: toScreen.p99Ms <= 50,
  },
];
console.log(
  [
    '',
    ...formatTable(
      ['path', 'samples', 'p50 ms', 'p99 ms', 'max ms'],
      (
        [
          ['scan → customer on screen', toScreen],
          ['scan → "unknown card" notice', result.scanToUnknownCardNotice],
          ...Object.entries(rendering).flatMap(([id, r]) => [
            [`receipt layout, ${id}`, r.layout],
            [`receipt layout + ESC/POS, ${id}`, r.escpos],
          ]),
        ] as [string, LatencySummary][]
      ).map(([label, s]) => [
        label,
        String(s.samples),
        String(s.p50Ms),
        String(s.p99Ms),
        String(s.maxMs),
      ]),
    ),
    '',
    ...figureTable(figures),
  ].join('\n'),
);
saveBenchResult('scan', { ...result, figures });
