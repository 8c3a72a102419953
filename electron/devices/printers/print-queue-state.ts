import { assertNever } from '../../../shared/util/assert-never';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { SetAsideFile } from './print-job-store';
import { toDeviceState } from './printer-status';
import type { PrinterCondition, PrinterStatus } from './printer-status';
import type { PrinterError, PrinterTransport } from './printer-transport';

/** What the UI shows of the print queue and its printer. */

export type QueuedJob = { readonly id: string; readonly label: string; readonly createdAt: number };

export type PrinterView = {
  readonly state: DeviceStatus['state'];
  /** The last condition the printer reported; undefined when it could not be asked. */
  readonly condition: PrinterCondition | undefined;
  readonly detail: string;
};

export type PrintQueueState = {
  readonly pending: number;
  readonly jobs: readonly QueuedJob[];
  readonly printer: PrinterView;
  /** The last thing that stopped printing, in words for the cashier; undefined after a success. */
  readonly lastError: string | undefined;
  readonly lastPrinted: (QueuedJob & { readonly printedAt: number }) | undefined;
  /** Files found damaged in the queue directory and renamed to *.bad at start. */
  readonly setAside: readonly SetAsideFile[];
  /** When the next automatic retry happens (clock of the queue's timers), if one is scheduled. */
  readonly retryAt: number | undefined;
};

export function viewOfStatus(status: PrinterStatus): PrinterView {
  return {
    state: toDeviceState(status.condition),
    condition: status.condition,
    detail: status.detail,
  };
}

/** A printer that cannot be reached shows as disconnected; one that refuses us, as an error. */
export function viewOfError(error: PrinterError): PrinterView {
  const { problem } = error;
  const base = { condition: undefined, detail: error.message };
  switch (problem.kind) {
    case 'not-found':
    case 'connection-refused':
    case 'unreachable':
    case 'timed-out':
    case 'disconnected':
    case 'not-open':
      return { ...base, state: 'disconnected' };
    case 'permission-denied':
    case 'busy':
    case 'io-error':
      return { ...base, state: 'error' };
    default:
      return assertNever(problem, 'printer problem');
  }
}

/** The printer's row for the bridge's `devices.list`. */
export function printerDeviceStatus(
  queue: PrintQueueState,
  device: {
    readonly id: string;
    readonly name: string;
    readonly transport: PrinterTransport['transport'];
  },
): DeviceStatus {
  const waiting = queue.pending > 0 ? ` ${queue.pending} slip(s) waiting to print.` : '';
  return {
    id: device.id,
    kind: 'printer',
    transport: device.transport,
    name: device.name,
    state: queue.printer.state,
    detail: `${queue.printer.detail}${waiting}`.slice(0, 500),
  };
}
