import type { BrowserCommand } from 'vitest/node';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { startDeviceHost } from '../../electron/device-host/device-host';
import { unavailableHandlers } from '../../shared/bridge/bridge-dispatch';
import type { RunningDeviceHost } from '../../electron/device-host/device-host';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';

/**
 * Browser tests of the page's WebSocket bridge talk to a REAL device host (electron/device-
 * host/) started in the Node process by these commands, with one simulated serial scanner
 * whose scans the test triggers, and to a rogue host that answers with garbage.
 */
export const HOST_SCANNER: DeviceStatus = {
  id: 'serial:/dev/ttyTEST',
  kind: 'scanner',
  transport: 'serial',
  name: 'Test serial scanner',
  state: 'ready',
};

let host: RunningDeviceHost | null = null;
let rogue: WebSocketServer | null = null;
const scanListeners = new Set<(scan: ScanEvent) => void>();

const startTestDeviceHost: BrowserCommand<[origin: string]> = async (_context, origin) => {
  await host?.close();
  host = await startDeviceHost({
    handlers: {
      ...unavailableHandlers('not in this test'),
      'devices.list': () => ({ ok: true, value: [HOST_SCANNER] }),
    },
    allowedOrigins: [origin],
    onScan: (listener) => {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
  });
  return { url: host.url, token: host.token };
};

const emitHostScan: BrowserCommand<[code: string]> = (_context, code) => {
  for (const listener of scanListeners) listener({ code, source: 'serial', at: Date.now() });
  return Promise.resolve(scanListeners.size);
};

/** Stops the device host and the rogue host, so that nothing keeps Vitest's process alive. */
export async function stopTestDeviceHosts(): Promise<void> {
  await host?.close();
  host = null;
  const stopping = rogue;
  rogue = null;
  if (stopping) {
    for (const ws of stopping.clients) ws.terminate();
    await new Promise<void>((resolve) => stopping.close(() => resolve()));
  }
}

const stopTestDeviceHost: BrowserCommand = () => stopTestDeviceHosts();

/** A "host" that accepts anyone and answers every frame with `reply` (garbage on purpose). */
const startRogueHost: BrowserCommand<[reply: string]> = async (_context, reply) => {
  await stopTestDeviceHosts();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/bridge' });
  rogue = server;
  server.on('connection', (ws) => {
    ws.send(reply);
    ws.on('message', () => ws.send(reply));
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return { url: `ws://127.0.0.1:${String((server.address() as AddressInfo).port)}/bridge` };
};

export const deviceHostCommands = {
  startTestDeviceHost,
  emitHostScan,
  stopTestDeviceHost,
  startRogueHost,
};
