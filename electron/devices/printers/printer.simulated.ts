import { PrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { canPrint, encodeStatusReplies, parseStatusReplies } from './printer-status';
import type { PrinterCondition } from './printer-status';

/** One write the simulated printer received while it could print. */
export type SimulatedSlip = {
  readonly bytes: Uint8Array;
  /** False when the paper ran out or the cover opened while this write was printing. */
  readonly complete: boolean;
};

export type SimulatedPrinter = PrinterTransport & {
  /** Switches the printer off (open and write fail as `disconnected`) or back on. */
  readonly setPower: (on: boolean) => void;
  /** What the printer reports on the next status request (paper out, cover open, ...). */
  readonly setCondition: (condition: PrinterCondition) => void;
  /** Everything printed so far, one entry per write, oldest first. */
  readonly printed: () => readonly SimulatedSlip[];
  /**
   * Called on each write before it is recorded; a test (or the demo) may change the
   * condition here, e.g. to run out of paper in the middle of a slip.
   */
  readonly onWrite: (hook: ((bytes: Uint8Array) => void) | undefined) => void;
};

/**
 * An in-memory receipt printer for the demo, the browser-mode device host and tests. It answers
 * status requests with the same bytes a real printer would send (run through the real parser),
 * so the code above it cannot tell it from hardware.
 */
export function createSimulatedPrinter(name = 'simulated printer'): SimulatedPrinter {
  let powered = true;
  let opened = false;
  let condition: PrinterCondition = 'ready';
  let hook: ((bytes: Uint8Array) => void) | undefined;
  const slips: SimulatedSlip[] = [];

  const requireOpen = (): void => {
    if (!powered) {
      opened = false;
      throw new PrinterError({ kind: 'disconnected', target: name });
    }
    if (!opened) throw new PrinterError({ kind: 'not-open', target: name });
  };
  const printing = (): boolean => canPrint(condition);

  return {
    transport: 'simulated',
    target: name,
    isOpen: () => opened && powered,
    open: () => {
      if (!powered) return Promise.reject(new PrinterError({ kind: 'disconnected', target: name }));
      opened = true;
      return Promise.resolve();
    },
    close: () => {
      opened = false;
      return Promise.resolve();
    },
    write: (bytes) => {
      try {
        requireOpen();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      // A printer that cannot print keeps the bytes in its buffer; we model them as lost,
      // which is the worst case the queue must survive.
      if (!printing()) return Promise.resolve();
      hook?.(bytes);
      slips.push({ bytes: bytes.slice(), complete: printing() });
      return Promise.resolve();
    },
    requestStatus: () => {
      try {
        requireOpen();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return Promise.resolve(parseStatusReplies(encodeStatusReplies(condition)));
    },
    setPower: (on) => {
      powered = on;
      if (!on) opened = false;
    },
    setCondition: (next) => {
      condition = next;
    },
    printed: () => slips.slice(),
    onWrite: (next) => {
      hook = next;
    },
  };
}
