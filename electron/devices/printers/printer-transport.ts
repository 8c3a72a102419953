import { assertNever } from '../../../shared/util/assert-never';
import type { PrinterStatus } from './printer-status';
import { systemErrorKind } from '../system-error';

/**
 * One interface for every way a receipt printer is attached. Only the start-up code picks a
 * variant (`printer.serial.ts`, `printer.usb.ts`, `printer.tcp.ts`, `printer.simulated.ts`);
 * the print queue and the bridge see this type only.
 *
 * Every method either succeeds or throws a `PrinterError` whose `problem` says what a store
 * manager can do about it. No method swallows an error.
 */
export type PrinterTransport = {
  /** How the printer is attached, as the bridge's DeviceStatus `transport` field names it. */
  readonly transport: 'serial' | 'usb-printer' | 'tcp' | 'simulated';
  /** Where: a device path, `host:port`, or a simulated printer's name. Used in messages. */
  readonly target: string;
  readonly isOpen: () => boolean;
  /** Opens the link; a no-op when already open. */
  readonly open: () => Promise<void>;
  /** Closes the link; a no-op when already closed. Never throws for an already-gone device. */
  readonly close: () => Promise<void>;
  /** Resolves once every byte has been handed to the operating system (or the simulator). */
  readonly write: (bytes: Uint8Array) => Promise<void>;
  /** Asks the printer for its real-time status (DLE EOT 1–4), each reply bounded in time. */
  readonly requestStatus: () => Promise<PrinterStatus>;
};

/** What went wrong, phrased for the person who can fix it. */
export type PrinterProblem =
  | { readonly kind: 'not-found'; readonly target: string }
  | { readonly kind: 'permission-denied'; readonly target: string }
  | { readonly kind: 'connection-refused'; readonly target: string }
  | { readonly kind: 'unreachable'; readonly target: string }
  | { readonly kind: 'timed-out'; readonly target: string; readonly waitingFor: string }
  | { readonly kind: 'busy'; readonly target: string }
  | { readonly kind: 'disconnected'; readonly target: string }
  | { readonly kind: 'not-open'; readonly target: string }
  | { readonly kind: 'io-error'; readonly target: string; readonly cause: string };

export function describePrinterProblem(problem: PrinterProblem): string {
  switch (problem.kind) {
    case 'not-found':
      return `Printer not found at ${problem.target}: check the cable and the port setting.`;
    case 'permission-denied':
      return `No permission to use the printer at ${problem.target}: add the terminal's user to the printer's group (e.g. lp or dialout).`;
    case 'connection-refused':
      return `The printer at ${problem.target} refused the connection: check that it is on and that the address and port are right.`;
    case 'unreachable':
      return `The printer at ${problem.target} cannot be reached on the network: check the network cable and the address.`;
    case 'timed-out':
      return `The printer at ${problem.target} did not answer in time (${problem.waitingFor}): check that it is on and connected.`;
    case 'busy':
      return `The printer port ${problem.target} is in use by another program: close it or restart the terminal.`;
    case 'disconnected':
      return `The printer at ${problem.target} was disconnected or switched off.`;
    case 'not-open':
      return `The printer at ${problem.target} is not open.`;
    case 'io-error':
      return `The printer at ${problem.target} reported an error: ${problem.cause}`;
    default:
      return assertNever(problem, 'printer problem');
  }
}

/** The one exception type every transport throws; `problem` is the value to act on. */
export class PrinterError extends Error {
  readonly problem: PrinterProblem;
  constructor(problem: PrinterProblem, options?: { cause?: unknown }) {
    super(describePrinterProblem(problem), options);
    this.name = 'PrinterError';
    this.problem = problem;
  }
}

/** Turns whatever a Node API threw into a PrinterError (an existing one passes through). */
export function toPrinterError(error: unknown, target: string, doing: string): PrinterError {
  if (error instanceof PrinterError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PrinterError(problemOf(systemErrorKind(error), target, doing, message), {
    cause: error,
  });
}

function problemOf(
  kind: PrinterProblem['kind'] | undefined,
  target: string,
  doing: string,
  message: string,
): PrinterProblem {
  switch (kind) {
    case undefined:
    case 'io-error':
      return { kind: 'io-error', target, cause: `${doing}: ${message}` };
    case 'timed-out':
      return { kind, target, waitingFor: doing };
    case 'not-found':
    case 'permission-denied':
    case 'connection-refused':
    case 'unreachable':
    case 'busy':
    case 'disconnected':
    case 'not-open':
      return { kind, target };
    default:
      return assertNever(kind, 'printer problem kind');
  }
}
