import { describe, expect, it, vi } from 'vitest';
import type { DeviceStatus, TerminalBridge } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { BRIDGE_REQUEST_IPC } from '../ipc/ipc-channels';
import { createPreloadBridge } from './preload-bridge';
import type { IpcRendererLike } from './preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer: answers invoke with `answer`, and lets the test emit events. */
function fakeIpcRenderer(answer: (...args: unknown[]) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn((_channel: string, ...args: unknown[]) => answer(...args));
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc' }, payload);
  };
  return { ipc, invoke, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

const printer: DeviceStatus = {
  id: 'tcp:192.168.1.50:9100',
  kind: 'printer',
  transport: 'tcp',
  name: 'XPrinter XP-Q80',
  state: 'paper-out',
};

describe('preload bridge: the page sees the contract and nothing of Electron', () => {
  it('exposes exactly request and onScan', () => {
    const bridge: TerminalBridge = createPreloadBridge(
      fakeIpcRenderer(() => Promise.resolve()).ipc,
    );
    expect(Object.keys(bridge).sort()).toEqual(['onScan', 'request']);
  });

  it('sends a request on the bridge channel and returns the validated answer', async () => {
    const fake = fakeIpcRenderer(() => Promise.resolve({ ok: true, value: [printer] }));
    const bridge = createPreloadBridge(fake.ipc);
    await expect(bridge.request('devices.list', {})).resolves.toEqual({
      ok: true,
      value: [printer],
    });
    expect(fake.invoke).toHaveBeenCalledWith(BRIDGE_REQUEST_IPC, 'devices.list', {});
  });

  it('passes the main process’s refusal on unchanged', async () => {
    const refusal = { ok: false, error: 'bad devices.list request: Unrecognized key: "x"' };
    const bridge = createPreloadBridge(fakeIpcRenderer(() => Promise.resolve(refusal)).ipc);
    await expect(bridge.request('devices.list', {})).resolves.toEqual(refusal);
  });

  it.each([
    [undefined],
    [{ ok: true, value: [{ ...printer, state: 'on fire' }] }],
    [{ ok: true }],
    [{ ok: false, error: 42 }],
    ['yes'],
  ])('turns an answer outside the contract (%j) into an error', async (answer) => {
    const bridge = createPreloadBridge(fakeIpcRenderer(() => Promise.resolve(answer)).ipc);
    await expect(bridge.request('devices.list', {})).resolves.toEqual({
      ok: false,
      error: 'devices.list: the terminal shell answered outside the contract',
    });
  });

  it('turns a failed invoke into an error instead of a rejected promise', async () => {
    const bridge = createPreloadBridge(
      fakeIpcRenderer(() => Promise.reject(new Error('No handler registered'))).ipc,
    );
    await expect(bridge.request('devices.list', {})).resolves.toEqual({
      ok: false,
      error: 'devices.list: No handler registered',
    });
  });
});

describe('preload bridge: scans', () => {
  const scan: ScanEvent = { code: '2900010000022', source: 'serial', at: 1_764_000_000_000 };

  it('delivers each valid scan to the listener, without the IPC event', () => {
    const fake = fakeIpcRenderer(() => Promise.resolve());
    const bridge = createPreloadBridge(fake.ipc);
    const listener = vi.fn<(scan: ScanEvent) => void>();
    bridge.onScan(listener);
    fake.emit('terminal-bridge:event:scan', scan);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(scan);
  });

  it('drops a scan outside the contract', () => {
    const fake = fakeIpcRenderer(() => Promise.resolve());
    const listener = vi.fn<(scan: ScanEvent) => void>();
    createPreloadBridge(fake.ipc).onScan(listener);
    fake.emit('terminal-bridge:event:scan', { ...scan, code: '' });
    fake.emit('terminal-bridge:event:scan', 'x');
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribes', () => {
    const fake = fakeIpcRenderer(() => Promise.resolve());
    const listener = vi.fn<(scan: ScanEvent) => void>();
    const unsubscribe = createPreloadBridge(fake.ipc).onScan(listener);
    expect(fake.count('terminal-bridge:event:scan')).toBe(1);
    unsubscribe();
    expect(fake.count('terminal-bridge:event:scan')).toBe(0);
    fake.emit('terminal-bridge:event:scan', scan);
    expect(listener).not.toHaveBeenCalled();
  });
});
