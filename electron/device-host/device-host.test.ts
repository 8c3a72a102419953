import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { unavailableHandlers } from '../../shared/bridge/bridge-dispatch';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { startDeviceHost } from './device-host';
import type { RunningDeviceHost } from './device-host';

const ORIGIN = 'http://127.0.0.1:5180';
const printer: DeviceStatus = {
  id: 'printer-1',
  kind: 'printer',
  transport: 'serial',
  name: 'Printer',
  state: 'ready',
};

let host: RunningDeviceHost | undefined;
let scanListeners: ((scan: ScanEvent) => void)[] = [];
const calls: unknown[] = [];

async function start(): Promise<RunningDeviceHost> {
  const handlers: BridgeHandlers = {
    ...unavailableHandlers('not in this test'),
    'devices.list': (request) => {
      calls.push(request);
      return { ok: true, value: [printer] };
    },
  };
  host = await startDeviceHost({
    handlers,
    allowedOrigins: [ORIGIN],
    onScan: (listener) => {
      scanListeners.push(listener);
      return () => {
        scanListeners = scanListeners.filter((l) => l !== listener);
      };
    },
  });
  return host;
}

afterEach(async () => {
  await host?.close();
  host = undefined;
  calls.length = 0;
});

/** Opens a socket; resolves with it open, or with the HTTP status that refused it. */
function connect(url: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

async function open(running: RunningDeviceHost): Promise<WebSocket> {
  const ws = await connect(`${running.url}?token=${running.token}`, ORIGIN);
  if (typeof ws === 'number') throw new Error(`refused with ${String(ws)}`);
  return ws;
}

function nextFrame(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))));
  });
}

describe('the device host (browser mode)', () => {
  it('answers a request of the contract', async () => {
    const ws = await open(await start());
    ws.send(JSON.stringify({ type: 'request', id: 7, channel: 'devices.list', payload: {} }));
    expect(await nextFrame(ws)).toEqual({
      type: 'response',
      id: 7,
      result: { ok: true, value: [printer] },
    });
    ws.close();
  });

  it('refuses a connection without the token, with a wrong one, or from another origin', async () => {
    const running = await start();
    expect(await connect(running.url, ORIGIN)).toBe(401);
    expect(await connect(`${running.url}?token=${running.token}x`, ORIGIN)).toBe(401);
    expect(await connect(`${running.url}?token=${running.token}`, 'http://evil.example')).toBe(403);
    expect(await connect(running.url.replace('/bridge', '/other'), ORIGIN)).toBe(404);
    expect(running.connections()).toBe(0);
  });

  it('answers garbage with a clear refusal and calls no device', async () => {
    const ws = await open(await start());
    const cases: [string | Buffer, RegExp][] = [
      ['not json', /must be JSON/],
      [JSON.stringify({ type: 'request', id: -1, channel: 'devices.list', payload: {} }), /id/],
      [JSON.stringify({ type: 'hello' }), /bad bridge frame/],
      [Buffer.from([1, 2, 3]), /not binary/],
    ];
    for (const [frame, error] of cases) {
      ws.send(frame, { binary: Buffer.isBuffer(frame) });
      const answer = (await nextFrame(ws)) as { type: string; error: string };
      expect(answer.type, String(frame)).toBe('refused');
      expect(answer.error).toMatch(error);
    }
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'printer.melt', payload: {} }));
    expect(await nextFrame(ws)).toMatchObject({ id: 1, result: { ok: false } });
    ws.send(
      JSON.stringify({ type: 'request', id: 2, channel: 'devices.list', payload: { all: 1 } }),
    );
    const refused = (await nextFrame(ws)) as { id: number; result: { error?: string } };
    expect(refused.id).toBe(2);
    expect(refused.result.error).toMatch(/bad devices.list request/);
    expect(calls, 'no handler ran').toEqual([]);
    ws.close();
  });

  it('sends the devices’ scans to every connected page', async () => {
    const running = await start();
    const [a, b] = [await open(running), await open(running)];
    const frames = [nextFrame(a), nextFrame(b)];
    const scan: ScanEvent = { code: '2900000000018', source: 'serial', at: 1 };
    for (const listener of scanListeners) listener(scan);
    expect(await Promise.all(frames)).toEqual([
      { type: 'event', event: 'scan', data: scan },
      { type: 'event', event: 'scan', data: scan },
    ]);
    a.close();
    b.close();
  });

  it('closes a socket that sends a frame above the limit', async () => {
    const ws = await open(await start());
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(300 * 1024));
    expect(await closed).toBe(1009);
  });
});
