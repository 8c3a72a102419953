import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { SupervisedDevice } from './device-supervisor';
import { messageOf } from './device-supervisor';
import type { HidPosDiscovery } from './hid-pos-discovery';
import { discoverHidPosScanners } from './hid-pos-discovery';
import type { HidBackend, HidPosScannerOptions } from './hid-pos-scanner';
import { createHidPosScanner } from './hid-pos-scanner';
import type { ScannerCallbacks } from './serial-scanner';
import type { Timers } from '../timers';

/**
 * Finds HID POS scanners as they are plugged in: polls the HID device list every `pollMs`
 * and starts a supervised scanner for every new key. A scanner, once seen, stays in the
 * list for the life of the app (disconnected while unplugged) so the UI keeps showing it
 * and its own supervisor reopens it when it returns.
 */
export type HidPosWatcher = {
  readonly statuses: () => readonly DeviceStatus[];
  /** Scanners of known makers attached in keyboard (or another) mode, with how to switch. */
  readonly needHidPosMode: () => HidPosDiscovery['needHidPosMode'];
  /** Polls now (also done on a timer); resolves when the list has been read. */
  readonly poll: () => Promise<void>;
  readonly stop: () => Promise<void>;
};

export type HidPosWatcherOptions = HidPosScannerOptions & {
  readonly pollMs?: number;
  /** At most this many HID scanners are supervised; more are reported, not opened. */
  readonly maxScanners?: number;
};

export function watchHidPosScanners(
  backend: HidBackend,
  timers: Timers,
  callbacks: ScannerCallbacks,
  options: HidPosWatcherOptions = {},
): HidPosWatcher {
  const pollMs = options.pollMs ?? 1_000;
  const maxScanners = options.maxScanners ?? 8;
  const scanners = new Map<string, SupervisedDevice>();
  let needHidPosMode: HidPosDiscovery['needHidPosMode'] = [];
  let running = true;
  let cancelPoll: (() => void) | undefined;
  let polling: Promise<void> | undefined;

  const pollOnce = async () => {
    let discovery: HidPosDiscovery;
    try {
      discovery = discoverHidPosScanners(await backend.devices());
    } catch (e) {
      callbacks.onProblem('hid', `cannot list HID devices: ${messageOf(e)}`);
      return;
    }
    if (!running) return;
    needHidPosMode = discovery.needHidPosMode;
    for (const candidate of discovery.scanners) {
      if (scanners.has(candidate.key)) continue;
      if (scanners.size >= maxScanners) {
        callbacks.onProblem(candidate.key, `more than ${maxScanners} HID scanners; ignored`);
        continue;
      }
      const scanner = createHidPosScanner(candidate, backend, timers, callbacks, options);
      scanners.set(candidate.key, scanner);
      scanner.start();
    }
  };

  const poll = (): Promise<void> => {
    // One poll at a time: a slow device list never stacks polls up.
    polling ??= pollOnce().finally(() => {
      polling = undefined;
    });
    return polling;
  };

  const schedule = () => {
    cancelPoll = timers.setTimeout(() => {
      void poll().then(() => {
        if (running) schedule();
      });
    }, pollMs);
  };
  void poll().then(() => {
    if (running) schedule();
  });

  return {
    statuses: () => [...scanners.values()].map((s) => s.status()),
    needHidPosMode: () => needHidPosMode,
    poll,
    stop: async () => {
      running = false;
      cancelPoll?.();
      await polling;
      await Promise.all([...scanners.values()].map((s) => s.stop()));
    },
  };
}
