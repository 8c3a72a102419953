import path from 'node:path';
import { serveFolder } from './serve-folder';

/**
 * `npm start` (after `npm run build:renderer`, which the npm script runs first): serves the
 * terminal in browser mode on 127.0.0.1. A first start in a browser fills the local store with
 * the demo program, two staff members and 10 000 demo customers. (The central server joins
 * with issue #4, the Electron shell and devices with issue #5.)
 */
const port = Number(process.env.PORT ?? 5180);
const root = path.resolve(import.meta.dirname, '..');
const server = await serveFolder(path.join(root, 'dist', 'renderer'), port);

console.log(`Loyalty Terminal, browser mode with demo data: ${server.url}`);
console.log(
  'Open it in Chrome or Chromium. Demo staff: cashier Анна (PIN 1111), manager Максим (PIN 9999).',
);
console.log(
  'Demo cards: 2900010000015, 2900010000022, … (any customer: F1, then search by name or the last 4 phone digits).',
);
console.log('Ctrl+C stops.');

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
