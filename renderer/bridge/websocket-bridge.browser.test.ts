import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { testDeviceHost } from '../testing/device-host';
import { websocketBridge } from './websocket-bridge';
import type { WebSocketBridge } from './websocket-bridge';

/** The page's bridge against a real device host (Node, ws) on 127.0.0.1, in real Chromium. */
let bridge: WebSocketBridge | undefined;
afterEach(async () => {
  bridge?.dispose();
  bridge = undefined;
  await testDeviceHost.stop();
});

function connectedBridge(options: Parameters<typeof websocketBridge>[0]): Promise<WebSocketBridge> {
  return new Promise((resolve) => {
    const made: WebSocketBridge = websocketBridge({
      ...options,
      onConnection: (up) => {
        if (up) resolve(made);
      },
    });
    bridge = made;
  });
}

describe('the WebSocket bridge (browser mode with a device host)', () => {
  it('lists the host’s devices and receives its scans', async () => {
    const host = await testDeviceHost.start();
    const b = await connectedBridge(host);
    expect(await b.request('devices.list', {})).toEqual({
      ok: true,
      value: [expect.objectContaining({ id: 'serial:/dev/ttyTEST', state: 'ready' })],
    });
    const scans: ScanEvent[] = [];
    b.onScan((scan) => scans.push(scan));
    expect(await testDeviceHost.scan('2900000000018')).toBe(1);
    await expect
      .poll(() => scans.map((s) => [s.code, s.source]))
      .toEqual([['2900000000018', 'serial']]);
  });

  it('answers at once, with an error, while no host is reachable', async () => {
    bridge = websocketBridge({ url: 'ws://127.0.0.1:9/bridge', token: 'none' });
    const started = performance.now();
    const answer = await bridge.request('devices.list', {});
    expect(answer.ok ? null : answer.error).toMatch(/not connected/);
    expect(performance.now() - started, 'the cashier does not wait').toBeLessThan(1_000);
  });

  it('is refused with a wrong token and never connects', async () => {
    const host = await testDeviceHost.start();
    const states: boolean[] = [];
    bridge = websocketBridge({ ...host, token: 'wrong', onConnection: (up) => states.push(up) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bridge.connected()).toBe(false);
    expect(states).toEqual([]);
  });

  it('answers open requests with an error when the host goes away', async () => {
    const host = await testDeviceHost.start();
    const b = await connectedBridge(host);
    await testDeviceHost.stop();
    await expect.poll(() => b.connected()).toBe(false);
    expect(await b.request('devices.list', {})).toMatchObject({ ok: false });
  });

  it('drops what a host sends outside the contract, and says so', async () => {
    const garbage = [
      'not json',
      JSON.stringify({ type: 'event', event: 'scan', data: { code: '' } }),
      JSON.stringify({ type: 'response', id: 999, result: { ok: true, value: 1 } }),
    ];
    for (const reply of garbage) {
      const rogue = await testDeviceHost.startRogue(reply);
      const problems: string[] = [];
      const scans: ScanEvent[] = [];
      const b = await connectedBridge({
        url: rogue.url,
        token: 't',
        timeoutMs: 300,
        onProblem: (p) => problems.push(p),
      });
      b.onScan((scan) => scans.push(scan));
      const answer = await b.request('devices.list', {});
      expect(answer, reply).toMatchObject({ ok: false });
      expect(problems.length, reply).toBeGreaterThan(0);
      expect(scans).toEqual([]);
      b.dispose();
    }
  });
});
