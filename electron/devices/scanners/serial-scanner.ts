import { SerialPort } from 'serialport';
import { assertNever } from '../../../shared/util/assert-never';
import type { ScanEvent } from '../../../shared/devices/scan-event';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { Connector, SupervisedDevice } from './device-supervisor';
import { DEFAULT_RETRY, messageOf, superviseDevice } from './device-supervisor';
import { systemErrorKind } from '../system-error';
import type { SerialFramerOptions, SerialFramerState } from './serial-frames';
import {
  DEFAULT_SERIAL_FRAMER_OPTIONS,
  EMPTY_SERIAL_FRAMER,
  describeSerialFrameError,
  serialChunk,
} from './serial-frames';
import type { Timers } from '../timers';

/**
 * A serial (RS-232, or USB-CDC "virtual COM port") card scanner at a configured path.
 * One object lives as long as the app: it opens the port, turns each frame into a scan
 * (source `serial`), and reopens the port when it vanishes and returns (device-supervisor).
 * Modem lines (DTR/RTS) are left alone: scanners do not need them and ptys refuse them.
 */
export type SerialScannerConfig = {
  readonly id: string;
  readonly name: string;
  /** e.g. /dev/ttyACM0, /dev/serial/by-id/usb-…, COM3. A by-id path survives re-plugging. */
  readonly path: string;
  readonly baudRate: number;
  readonly framer?: SerialFramerOptions;
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
};

export type ScannerCallbacks = {
  readonly onScan: (scan: ScanEvent) => void;
  readonly onStatus: (status: DeviceStatus) => void;
  /** Something the device sent that is not a scan (noise, a cut-off code): for the log. */
  readonly onProblem: (deviceId: string, detail: string) => void;
};

export function createSerialScanner(
  config: SerialScannerConfig,
  timers: Timers,
  callbacks: ScannerCallbacks,
): SupervisedDevice {
  const framerOptions = config.framer ?? DEFAULT_SERIAL_FRAMER_OPTIONS;
  const connect: Connector = async (lost) => {
    const port = new SerialPort({ path: config.path, baudRate: config.baudRate, autoOpen: false });
    const opened = await new Promise<Error | undefined>((resolve) => {
      port.open((e) => resolve(e ?? undefined));
    });
    if (opened !== undefined) {
      return { ok: false, error: classifyOpenError(config.path, opened) };
    }
    // A partial frame from before an unplug must not be glued to the first frame after it:
    // the framer starts empty on every open.
    let framer: SerialFramerState = EMPTY_SERIAL_FRAMER;
    port.on('data', (chunk: Buffer) => {
      const step = serialChunk(framerOptions, framer, chunk);
      framer = step.state;
      for (const output of step.outputs) {
        if (output.kind === 'frame') {
          const scan: ScanEvent =
            output.symbology === undefined
              ? { code: output.code, source: 'serial', at: timers.now() }
              : {
                  code: output.code,
                  symbology: output.symbology,
                  source: 'serial',
                  at: timers.now(),
                };
          callbacks.onScan(scan);
        } else {
          callbacks.onProblem(config.id, describeSerialFrameError(output.error));
        }
      }
    });
    port.on('close', (e: Error | null) => {
      lost(e === null ? `${config.path} was closed` : `${config.path} disconnected (${e.message})`);
    });
    port.on('error', (e: Error) => lost(`${config.path}: ${e.message}`));
    return {
      ok: true,
      value: {
        close: () =>
          new Promise<void>((resolve) => {
            port.removeAllListeners('data');
            if (!port.isOpen) {
              resolve();
              return;
            }
            port.close(() => resolve());
          }),
      },
    };
  };
  return superviseDevice(connect, {
    identity: { id: config.id, kind: 'scanner', transport: 'serial', name: config.name },
    timers,
    retryMinMs: config.retryMinMs ?? DEFAULT_RETRY.retryMinMs,
    retryMaxMs: config.retryMaxMs ?? DEFAULT_RETRY.retryMaxMs,
    onStatus: callbacks.onStatus,
  });
}

/** Absent is `disconnected` (plug it in); present but refused is `error` (fix something). */
function classifyOpenError(
  path: string,
  e: Error,
): { readonly state: 'disconnected' | 'error'; readonly detail: string } {
  const kind = systemErrorKind(e);
  switch (kind) {
    case 'not-found':
    case 'disconnected':
      return { state: 'disconnected', detail: `${path} is not connected` };
    case 'permission-denied':
      return {
        state: 'error',
        detail: `no permission to open ${path} (on Linux add the user to the dialout group)`,
      };
    case 'busy':
      return { state: 'error', detail: `${path} is in use by another program` };
    case 'connection-refused':
    case 'unreachable':
    case 'timed-out':
    case undefined:
      return { state: 'error', detail: `cannot open ${path}: ${messageOf(e)}` };
    default:
      return assertNever(kind, 'system error kind');
  }
}
