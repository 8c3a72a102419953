import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserModeDevices } from './browser-mode-devices';

/**
 * The device host on its own, for a terminal in a browser on this machine:
 *
 *   npx tsx electron/device-host/main.ts --origin http://127.0.0.1:5180 [--data-dir DIR] [--port N]
 *
 * Prints the query to add to the terminal's address (the device host's URL and this run's
 * token). Devices are picked on the terminal's settings screen (F9) and kept in DIR
 * (default .data/devices). Listens on 127.0.0.1 only; stops on Ctrl+C.
 */
const { values } = parseArgs({
  options: {
    origin: { type: 'string', multiple: true },
    'data-dir': { type: 'string' },
    port: { type: 'string' },
  },
});
const origins = values.origin ?? [];
if (origins.length === 0) {
  console.error(
    'device host: give the terminal page’s origin, e.g. --origin http://127.0.0.1:5180',
  );
  process.exit(2);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
  console.error(`device host: --port must be a port number, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}
const devices = await startBrowserModeDevices({
  dataDir: path.resolve(values['data-dir'] ?? path.join('.data', 'devices')),
  allowedOrigins: origins,
  log: (message) => console.error(`devices: ${message}`),
  ...(port === undefined ? {} : { port }),
});
console.log(`Device host: ${devices.host.url}`);
console.log(`Add to the terminal's address: &${devices.pageQuery}`);
const stop = (): void => {
  void devices.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
