import type { ScanEvent } from '../../../shared/devices/scan-event';
import type { Connector, SupervisedDevice } from './device-supervisor';
import { DEFAULT_RETRY, messageOf, superviseDevice } from './device-supervisor';
import { systemErrorKind } from '../system-error';
import type { HidPosAssembly } from './hid-pos-assembler';
import {
  DEFAULT_HID_POS_ASSEMBLER_OPTIONS,
  IDLE_HID_POS,
  describeHidPosAssemblyError,
  hidPosDeadline,
  hidPosReport,
  hidPosTick,
} from './hid-pos-assembler';
import type { HidPosStep } from './hid-pos-assembler';
import type { HidDeviceInfo } from './hid-pos-discovery';
import { discoverHidPosScanners } from './hid-pos-discovery';
import type { ScannerCallbacks } from './serial-scanner';
import type { Timers } from '../timers';

/** An open HID device, as much of node-hid's `HID` as the scanner uses. */
export type HidHandle = {
  readonly onData: (listener: (report: Uint8Array) => void) => void;
  /** node-hid reports an unplugged device as a read error. */
  readonly onError: (listener: (error: Error) => void) => void;
  readonly sendFeatureReport: (bytes: readonly number[]) => void;
  readonly close: () => void;
};

/** What the scanners need of the HID stack; node-hid in production, a fake in tests. */
export type HidBackend = {
  readonly devices: () => Promise<readonly HidDeviceInfo[]>;
  /** Rejects (never throws) when the device cannot be opened. */
  readonly open: (path: string) => Promise<HidHandle>;
};

/**
 * node-hid with the hidraw driver on Linux (the libusb one needs a library we lack and would
 * detach the kernel driver). Loaded on first use, so code that never touches HID never loads
 * the native module.
 */
export async function loadNodeHidBackend(): Promise<HidBackend> {
  const HID = await import('node-hid');
  if (process.platform === 'linux') HID.setDriverType('hidraw');
  return {
    devices: async () => (await HID.devicesAsync()).map((d) => ({ ...d })),
    open: (path) =>
      // The executor turns the constructor's synchronous throw (no such device, no
      // permission) into a rejection, as the HidBackend contract says.
      new Promise<HidHandle>((resolve) => {
        // The synchronous class: its 'data' events are the read loop we need.
        const device = new HID.HID(path);
        resolve({
          onData: (listener) => device.on('data', (data: Buffer) => listener(data)),
          onError: (listener) => device.on('error', (e: unknown) => listener(toError(e))),
          sendFeatureReport: (bytes) => void device.sendFeatureReport([...bytes]),
          close: () => device.close(),
        });
      }),
  };
}

export type HidPosScannerIdentity = { readonly key: string; readonly name: string };

export type HidPosScannerOptions = {
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
};

/**
 * One HID POS scanner, known by its stable key (hid-pos-discovery.ts): found in the device
 * list on every open, so a scanner that comes back on another hidraw path is still itself.
 */
export function createHidPosScanner(
  identity: HidPosScannerIdentity,
  backend: HidBackend,
  timers: Timers,
  callbacks: ScannerCallbacks,
  options: HidPosScannerOptions = {},
): SupervisedDevice {
  const assembler = DEFAULT_HID_POS_ASSEMBLER_OPTIONS;
  const connect: Connector = async (lost) => {
    const found = discoverHidPosScanners(await backend.devices()).scanners.find(
      (s) => s.key === identity.key,
    );
    if (found === undefined) return failure('disconnected', `${identity.name} is not connected`);
    let handle: HidHandle;
    try {
      handle = await backend.open(found.path);
    } catch (e) {
      return systemErrorKind(e) === 'permission-denied'
        ? failure(
            'error',
            `no permission to open ${found.path} (install the udev rule for the scanner)`,
          )
        : failure('error', `cannot open ${found.path}: ${messageOf(e)}`);
    }
    const featureReport = found.vendor?.hidPosMode.featureReportOnOpen;
    if (featureReport !== undefined) {
      try {
        handle.sendFeatureReport(featureReport);
      } catch (e) {
        // Documented as optional for devices that are not composite; note it and go on.
        callbacks.onProblem(identity.key, `the scanner refused its set-up report: ${messageOf(e)}`);
      }
    }
    let state: HidPosAssembly = IDLE_HID_POS;
    let cancelTick: (() => void) | undefined;
    const apply = (step: HidPosStep) => {
      state = step.state;
      for (const output of step.outputs) {
        if (output.kind === 'scan') {
          const scan: ScanEvent =
            output.symbology === undefined
              ? { code: output.code, source: 'hid', at: output.at }
              : { code: output.code, symbology: output.symbology, source: 'hid', at: output.at };
          callbacks.onScan(scan);
        } else {
          callbacks.onProblem(identity.key, describeHidPosAssemblyError(output.error));
        }
      }
      // A code waiting for its continuation is dropped if the rest never comes.
      cancelTick?.();
      cancelTick = undefined;
      const deadline = hidPosDeadline(assembler, state);
      if (deadline !== undefined) {
        cancelTick = timers.setTimeout(
          () => apply(hidPosTick(assembler, state, timers.now())),
          deadline - timers.now() + 1,
        );
      }
    };
    handle.onData((report) => apply(hidPosReport(assembler, state, report, timers.now())));
    handle.onError((e) => lost(`${identity.name} disconnected (${e.message})`));
    return {
      ok: true,
      value: {
        close: () => {
          cancelTick?.();
          try {
            handle.close();
          } catch {
            // Closing a device that is already gone fails; it is closed either way.
          }
          return Promise.resolve();
        },
      },
    };
  };
  return superviseDevice(connect, {
    identity: { id: identity.key, kind: 'scanner', transport: 'hid', name: identity.name },
    timers,
    retryMinMs: options.retryMinMs ?? DEFAULT_RETRY.retryMinMs,
    retryMaxMs: options.retryMaxMs ?? DEFAULT_RETRY.retryMaxMs,
    onStatus: callbacks.onStatus,
  });
}

function failure(state: 'disconnected' | 'error', detail: string) {
  return { ok: false, error: { state, detail } } as const;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
