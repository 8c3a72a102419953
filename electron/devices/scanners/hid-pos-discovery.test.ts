import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../shared/devices/scan-event';
import { scanEventSchema } from '../../../shared/devices/scan-event';
import { deviceStatusSchema } from '../../../shared/bridge/terminal-bridge';
import type { HidDeviceInfo } from './hid-pos-discovery';
import { discoverHidPosScanners, hidPosKey } from './hid-pos-discovery';
import {
  ACCESS_IS_LSR118_BOARDING_PASS,
  HONEYWELL_LAYOUT_EAN13,
  hexToBytes,
} from './hid-pos-fixtures';
import type { HidBackend, HidHandle } from './hid-pos-scanner';
import type { HidPosWatcher } from './hid-pos-watcher';
import { watchHidPosScanners } from './hid-pos-watcher';
import { createManualTimers } from '../timers';

// Device lists as hidapi 0.14 reports them on Linux: one entry per top-level collection.
const voyagerHidPos: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b8f,
  path: '/dev/hidraw3',
  serialNumber: '15232B1F0C',
  manufacturer: 'Honeywell Imaging & Mobility',
  product: 'Voyager 1400g',
  usagePage: 0x8c,
  usage: 0x02,
  interface: 0,
};
const zebraKeyboard: HidDeviceInfo = {
  vendorId: 0x05e0,
  productId: 0x1200,
  path: '/dev/hidraw1',
  manufacturer: 'Symbol Technologies, Inc, 2008',
  product: 'Symbol Bar Code Scanner',
  usagePage: 0x01,
  usage: 0x06,
  interface: 0,
};
const keyboard: HidDeviceInfo = {
  vendorId: 0x046d,
  productId: 0xc31c,
  path: '/dev/hidraw0',
  product: 'USB Keyboard',
  usagePage: 0x01,
  usage: 0x06,
  interface: 0,
};
const unknownMakerHidPos: HidDeviceInfo = {
  vendorId: 0x1234,
  productId: 0x0001,
  path: '/dev/hidraw5',
  usagePage: 0x8c,
  usage: 0x02,
  interface: 1,
};

describe('HID POS discovery from the device list', () => {
  it.each([
    ['nothing attached', [], [], []],
    ['a keyboard only', [keyboard], [], []],
    [
      'a Honeywell in HID POS mode',
      [keyboard, voyagerHidPos],
      ['Honeywell Imaging & Mobility Voyager 1400g'],
      [],
    ],
    ['a Zebra still in keyboard mode', [zebraKeyboard], [], ['Zebra (Symbol)']],
    ['an unknown maker on usage page 0x8C', [unknownMakerHidPos], ['vendor 1234 product 0001'], []],
    [
      'one device listed twice (two collections)',
      [voyagerHidPos, voyagerHidPos],
      ['Honeywell Imaging & Mobility Voyager 1400g'],
      [],
    ],
    [
      'a composite Honeywell (keyboard + HID POS) is not "needs HID POS mode"',
      [{ ...voyagerHidPos, usagePage: 0x01, usage: 0x06, path: '/dev/hidraw2' }, voyagerHidPos],
      ['Honeywell Imaging & Mobility Voyager 1400g'],
      [],
    ],
    ['an entry without a path', [{ ...voyagerHidPos, path: undefined }], [], []],
  ] as const)('%s', (_what, devices, scannerNames, makersToSwitch) => {
    const found = discoverHidPosScanners(devices);
    expect(found.scanners.map((s) => s.name)).toEqual(scannerNames);
    expect(found.needHidPosMode.map((s) => s.vendor.maker)).toEqual(makersToSwitch);
  });

  it('keys a scanner by vendor, product, serial and interface, not by its hidraw path', () => {
    expect(hidPosKey(voyagerHidPos)).toBe('hid:0c2e:0b8f:15232B1F0C:0');
    expect(hidPosKey({ ...voyagerHidPos, path: '/dev/hidraw9' })).toBe(hidPosKey(voyagerHidPos));
    expect(hidPosKey({ ...voyagerHidPos, serialNumber: undefined })).toBe('hid:0c2e:0b8f:-:0');
  });

  it('carries how to switch a Zebra into HID POS mode', () => {
    const [zebra] = discoverHidPosScanners([zebraKeyboard]).needHidPosMode;
    expect(zebra?.vendor.hidPosMode.instruction).toMatch(/USB HID POS/);
  });
});

/** A HID stack whose device list and open devices the test controls. */
function fakeBackend() {
  let list: HidDeviceInfo[] = [];
  const open = new Map<string, { data?: (r: Uint8Array) => void; error?: (e: Error) => void }>();
  const featureReports: number[][] = [];
  const backend: HidBackend = {
    devices: () => Promise.resolve(list),
    open: (path) => {
      if (!list.some((d) => d.path === path)) return Promise.reject(new Error('could not open'));
      const listeners: { data?: (r: Uint8Array) => void; error?: (e: Error) => void } = {};
      open.set(path, listeners);
      const handle: HidHandle = {
        onData: (l) => (listeners.data = l),
        onError: (l) => (listeners.error = l),
        sendFeatureReport: (bytes) => featureReports.push([...bytes]),
        close: () => open.delete(path),
      };
      return Promise.resolve(handle);
    },
  };
  return {
    backend,
    featureReports,
    plug: (devices: HidDeviceInfo[]) => (list = devices),
    /** The device goes: gone from the list, and its open handle fails like node-hid's. */
    unplug: (path: string) => {
      list = list.filter((d) => d.path !== path);
      open.get(path)?.error?.(new Error('could not read from HID device'));
    },
    send: (path: string, hex: string) => open.get(path)?.data?.(hexToBytes(hex)),
    isOpen: (path: string) => open.has(path),
  };
}

/** Lets the scanners' pending promise callbacks run (bounded). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('HID POS scanners found, read and re-found', () => {
  let watcher: HidPosWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
  });

  it('opens a plugged scanner, reads its reports, and reopens it after unplugging', async () => {
    const hid = fakeBackend();
    const timers = createManualTimers();
    const scans: ScanEvent[] = [];
    const problems: string[] = [];
    watcher = watchHidPosScanners(
      hid.backend,
      timers,
      {
        onScan: (s) => scans.push(scanEventSchema.parse(s)),
        onStatus: (s) => void deviceStatusSchema.parse(s),
        onProblem: (_id, detail) => problems.push(detail),
      },
      { pollMs: 500, retryMinMs: 100, retryMaxMs: 400 },
    );
    await settle();
    expect(watcher.statuses()).toEqual([]);

    hid.plug([keyboard, voyagerHidPos]);
    timers.advance(500);
    await settle();
    expect(watcher.statuses()).toEqual([
      expect.objectContaining({ state: 'ready', transport: 'hid', id: hidPosKey(voyagerHidPos) }),
    ]);
    // Honeywell: "Redirect Output" to the HID POS interface, sent once on open.
    expect(hid.featureReports).toEqual([[0xfe, 0x01]]);

    for (const report of ACCESS_IS_LSR118_BOARDING_PASS.reports) hid.send('/dev/hidraw3', report);
    expect(scans.map((s) => [s.code, s.symbology, s.source])).toEqual([
      [ACCESS_IS_LSR118_BOARDING_PASS.scans[0]!.code, ']Q0', 'hid'],
    ]);

    hid.unplug('/dev/hidraw3');
    await settle();
    expect(watcher.statuses()[0]).toMatchObject({ state: 'disconnected' });
    timers.advance(100);
    await settle();
    expect(watcher.statuses()[0]).toMatchObject({ state: 'disconnected', detail: /not connected/ });

    // Back on another hidraw path: the same scanner, reopened by its own supervisor.
    hid.plug([keyboard, { ...voyagerHidPos, path: '/dev/hidraw7' }]);
    timers.advance(400);
    await settle();
    expect(watcher.statuses()).toEqual([expect.objectContaining({ state: 'ready' })]);
    hid.send('/dev/hidraw7', HONEYWELL_LAYOUT_EAN13.reports[0]!);
    expect(scans.map((s) => s.code)).toEqual([
      ACCESS_IS_LSR118_BOARDING_PASS.scans[0]!.code,
      '4607001234565',
    ]);
    expect(problems).toEqual([]);
  });

  it('drops a code whose continuation never comes, on the clock', async () => {
    const hid = fakeBackend();
    hid.plug([voyagerHidPos]);
    const timers = createManualTimers();
    const scans: ScanEvent[] = [];
    const problems: string[] = [];
    watcher = watchHidPosScanners(hid.backend, timers, {
      onScan: (s) => scans.push(s),
      onStatus: () => undefined,
      onProblem: (_id, detail) => problems.push(detail),
    });
    await settle();
    hid.send('/dev/hidraw3', ACCESS_IS_LSR118_BOARDING_PASS.reports[0]!);
    timers.advance(1_000);
    expect(scans).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/never arrived/)]);
  });
});
