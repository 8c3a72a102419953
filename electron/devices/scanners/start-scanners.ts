import type { DeviceSettings } from '../../../shared/bridge/device-settings';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../../shared/devices/scan-event';
import type { Timers } from '../timers';
import type { SupervisedDevice } from './device-supervisor';
import { loadNodeHidBackend } from './hid-pos-scanner';
import type { HidBackend } from './hid-pos-scanner';
import { watchHidPosScanners } from './hid-pos-watcher';
import type { HidPosWatcher } from './hid-pos-watcher';
import { createScanFunnel, DEFAULT_SCAN_FUNNEL_LIMITS, describeScanDrop } from './scan-funnel';
import { createSerialScanner } from './serial-scanner';

/** Where HID devices come from: node-hid by default, a recorded list in tests. */
export type ScannerSources = { readonly hidBackend?: () => Promise<HidBackend> };

export type RunningScanners = {
  readonly statuses: () => DeviceStatus[];
  readonly stop: () => Promise<void>;
};

/**
 * The scanners the settings name, opened and kept open (hot-plug: each reopens on its own),
 * all feeding one funnel, which drops a trigger's duplicate and hands scans on in order.
 * HID support failing to load (no hidraw access, a missing native module) is a status the
 * manager sees, not a crash: serial scanners and the keyboard wedge go on working.
 */
export function startScanners(
  settings: DeviceSettings,
  context: {
    readonly timers: Timers;
    readonly log: (message: string) => void;
    readonly onScan: (scan: ScanEvent) => void;
    readonly sources?: ScannerSources | undefined;
  },
): RunningScanners {
  const { timers, log } = context;
  const funnel = createScanFunnel({
    ...DEFAULT_SCAN_FUNNEL_LIMITS,
    timers,
    // The page handles scans one at a time itself; here the funnel orders and de-duplicates.
    handle: (scan) => {
      context.onScan(scan);
      return Promise.resolve();
    },
    onDropped: (reason) => log(`scan dropped: ${describeScanDrop(reason)}`),
    onHandlerProblem: (_scan, detail) => log(`scan handler: ${detail}`),
  });
  const callbacks = {
    onScan: (scan: ScanEvent) => void funnel.push(scan),
    onStatus: () => undefined,
    onProblem: (deviceId: string, detail: string) => log(`${deviceId}: ${detail}`),
  };

  const serial: SupervisedDevice[] = settings.serialScanners.map((port) =>
    createSerialScanner(
      {
        id: `serial:${port.path}`,
        name: `Serial scanner ${port.path}`,
        path: port.path,
        baudRate: port.baudRate,
      },
      timers,
      callbacks,
    ),
  );
  for (const device of serial) device.start();

  let hid: HidPosWatcher | null = null;
  let hidProblem: string | null = null;
  let stopped = false;
  if (settings.hidScanners) {
    (context.sources?.hidBackend ?? loadNodeHidBackend)().then(
      (backend) => {
        if (!stopped) hid = watchHidPosScanners(backend, timers, callbacks);
      },
      (error: unknown) => {
        hidProblem = `HID scanners are unavailable: ${error instanceof Error ? error.message : String(error)}`;
        log(hidProblem);
      },
    );
  }

  return {
    statuses: () => [
      ...serial.map((device) => device.status()),
      ...(hid?.statuses() ?? []),
      ...(hidProblem === null
        ? []
        : [
            {
              id: 'hid',
              kind: 'scanner' as const,
              transport: 'hid',
              name: 'HID POS scanners',
              state: 'error' as const,
              detail: hidProblem.slice(0, 500),
            },
          ]),
    ],
    stop: async () => {
      stopped = true;
      await Promise.all([...serial.map((device) => device.stop()), hid?.stop()]);
      await funnel.close();
    },
  };
}
