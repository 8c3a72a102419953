import path from 'node:path';
import demoProgramJson from '../resources/programs/demo-program.json';
import { parseProgramOrThrow } from '../shared/program/parse-program';
import { createTerminalCode } from '../server/auth/terminals';
import { openServerDatabase } from '../server/db/open-database';
import { seedDemoChain } from '../server/demo/seed-demo-chain';
import { listenSyncApi } from '../server/http/listen';
import {
  createProgramStore,
  latestProgram,
  publishProgram,
} from '../server/programs/program-store';
import { startBrowserModeDevices } from '../electron/device-host/browser-mode-devices';
import { diskProbe, electronPackageDir, findElectronBinary } from './electron-binary';
import { launchElectronTerminal } from './launch-electron';
import { serveFolder } from './serve-folder';

/**
 * `npm start` (after `npm run build:renderer`, which the npm script runs first): the demo.
 * Starts the central server on embedded PGlite (data in .data/demo-server) with the demo
 * chain — 4 stores, 10 000 customers with cards and two years of history — and serves the
 * terminal in browser mode on 127.0.0.1. The printed address registers the terminal with
 * the server on its first start (a fresh one-time code each run); the terminal then pulls the
 * chain's customers and keeps syncing. Everything listens on 127.0.0.1 only.
 * Where the Electron binary is installed, the terminal opens in the Electron shell instead
 * (TERMINAL_MODE=browser keeps browser mode); where it is missing, one line says so.
 */
const root = path.resolve(import.meta.dirname, '..');
const terminalPort = Number(process.env.PORT ?? 5180);
const serverPort = Number(process.env.SERVER_PORT ?? 5181);
const customers = Number(process.env.DEMO_CUSTOMERS ?? 10_000);

const sql = await openServerDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.LOYALTY_DATA_DIR ?? path.join(root, '.data', 'demo-server'),
});
if (!(await latestProgram(sql))) {
  const published = await publishProgram(sql, demoProgramJson);
  if (!published.ok) throw new Error(`demo program refused: ${JSON.stringify(published.error)}`);
}
const started = Date.now();
const seeded = await seedDemoChain(sql, {
  customers,
  seed: 1,
  now: started,
  program: parseProgramOrThrow(demoProgramJson),
  onProgress: (done) => process.stdout.write(`\rDemo chain: ${String(done)} customers`),
});
if (seeded.seeded) console.log(` (${String(Math.round((Date.now() - started) / 1000))} s)`);

const api = await listenSyncApi(
  { sql, programs: createProgramStore(), now: Date.now, log: (line) => console.error(line) },
  { port: serverPort },
);
const code = await createTerminalCode(sql, {
  storeId: 'S1',
  terminalId: process.env.TERMINAL_ID ?? 'S1-T9',
  now: Date.now(),
});
if (!code.ok) throw new Error(code.error);
const query = `server=${encodeURIComponent(api.url)}&code=${code.value.code}`;
const electron =
  process.env.TERMINAL_MODE === 'browser'
    ? null
    : findElectronBinary(electronPackageDir(), diskProbe);
if (electron && !electron.ok)
  console.log(`No Electron window: ${electron.reason}; starting browser mode.`);
// Browser mode's devices: the device host on 127.0.0.1 with the demo's simulated printer
// (the manager can pick real ones on the settings screen, F9; kept in .data/demo-devices).
const devices = electron?.ok
  ? null
  : await startBrowserModeDevices({
      dataDir: path.join(root, '.data', 'demo-devices'),
      allowedOrigins: [`http://127.0.0.1:${String(terminalPort)}`],
      log: (message) => console.error(`devices: ${message}`),
      firstSettings: {
        printer: { transport: 'simulated', model: 'epson-tm-t20iii' },
        serialScanners: [],
        hidScanners: true,
      },
    });
const terminal = electron?.ok
  ? await launchElectronTerminal(electron.path, root, query)
  : await serveFolder(path.join(root, 'dist', 'renderer'), { port: terminalPort });

console.log(`Central server (PGlite in .data/demo-server): ${api.url}`);
if ('exited' in terminal) {
  console.log('Loyalty Terminal: the Electron window (closing it stops the demo).');
} else {
  const deviceQuery = devices ? `&${devices.pageQuery}` : '';
  console.log(`Loyalty Terminal, browser mode: ${terminal.url}?${query}${deviceQuery}`);
  console.log('Open it in Chrome or Chromium. Its devices: the device host, a simulated printer.');
}
console.log('Demo staff: cashier Анна (PIN 1111), manager Максим (PIN 9999).');
console.log(
  'Demo cards: 2900010000015, 2900010000022, … (any customer: F1, then search by name or the last 4 phone digits).',
);
console.log('Admin CLI: npm run admin -- help   ·   Ctrl+C stops.');

const stop = (): void => {
  void Promise.all([terminal.close(), api.close(), devices?.stop()])
    .then(() => sql.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if ('exited' in terminal) void terminal.exited.then(stop);
