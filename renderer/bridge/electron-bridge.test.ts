import { describe, expect, it, vi } from 'vitest';
import type { DeviceStatus, TerminalBridge } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { isTerminalBridge, withPageDevices } from './electron-bridge';

const hid: DeviceStatus = {
  id: 'hid:1',
  kind: 'scanner',
  transport: 'hid',
  name: 'HID scanner',
  state: 'ready',
};
const wedge: DeviceStatus = {
  id: 'keyboard-wedge',
  kind: 'scanner',
  transport: 'keyboard-wedge',
  name: 'Keyboard-wedge scanner',
  state: 'ready',
};

/** A bridge answering devices.list with `devices` (or `error`), whose scans a test emits. */
function fakeBridge(devices: DeviceStatus[], error?: string) {
  const listeners = new Set<(scan: ScanEvent) => void>();
  const bridge: TerminalBridge & { dispose: () => void } = {
    request: vi.fn(() =>
      Promise.resolve(error ? { ok: false, error } : { ok: true, value: devices }),
    ) as unknown as TerminalBridge['request'],
    onScan: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: vi.fn(),
  };
  const emit = (scan: ScanEvent): void => {
    for (const listener of listeners) listener(scan);
  };
  return { bridge, emit, listeners };
}

describe('the Electron bridge adds the keyboard wedge detected in the page', () => {
  it('recognises the preload’s bridge by its shape only', () => {
    expect(isTerminalBridge(fakeBridge([]).bridge)).toBe(true);
    expect(isTerminalBridge(undefined)).toBe(false);
    expect(isTerminalBridge({ request: () => undefined })).toBe(false);
    expect(isTerminalBridge({ request: 1, onScan: () => undefined })).toBe(false);
  });

  it('lists the shell’s devices and then the page’s', async () => {
    const bridge = withPageDevices(fakeBridge([hid]).bridge, fakeBridge([wedge]).bridge);
    await expect(bridge.request('devices.list', {})).resolves.toEqual({
      ok: true,
      value: [hid, wedge],
    });
  });

  it('passes a refusal of the shell on', async () => {
    const bridge = withPageDevices(fakeBridge([], 'refused').bridge, fakeBridge([wedge]).bridge);
    await expect(bridge.request('devices.list', {})).resolves.toEqual({
      ok: false,
      error: 'refused',
    });
  });

  it('delivers scans of both, and unsubscribes from both', () => {
    const shell = fakeBridge([]);
    const page = fakeBridge([]);
    const bridge = withPageDevices(shell.bridge, page.bridge);
    const seen: string[] = [];
    const off = bridge.onScan((scan) => seen.push(`${scan.source}:${scan.code}`));
    shell.emit({ code: '2900010000015', source: 'hid', at: 1 });
    page.emit({ code: '2900010000022', source: 'keyboard-wedge', at: 2 });
    expect(seen).toEqual(['hid:2900010000015', 'keyboard-wedge:2900010000022']);
    off();
    expect([shell.listeners.size, page.listeners.size]).toEqual([0, 0]);
  });
});
