import { SerialPort } from 'serialport';
import { PrinterError, toPrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { ReplyBuffer, queryStatus } from './reply-buffer';
import { systemTimers } from '../timers';
import type { Timers } from '../timers';
import { assertNever } from '../../../shared/util/assert-never';

export type SerialFlowControl = 'none' | 'rts-cts' | 'xon-xoff';

export type SerialPrinterOptions = {
  /** e.g. `/dev/ttyUSB0`, `/dev/ttyS0`, `COM3`. */
  readonly path: string;
  /** Most receipt printers ship at 9600 or 19200 baud (DIP switches / self-test slip). */
  readonly baudRate: number;
  /** Default 'none'. Printers with a small buffer need the flow control set on their DIP switches. */
  readonly flowControl?: SerialFlowControl;
  /** How long one status reply may take (default 1000 ms). */
  readonly replyTimeoutMs?: number;
  /** How long one write may take until the OS has sent it (default 30 s: a slip at 9600 baud). */
  readonly writeTimeoutMs?: number;
  readonly timers?: Timers;
};

/** A receipt printer on a serial or USB-CDC port, through the `serialport` package. */
export function createSerialPrinter(options: SerialPrinterOptions): PrinterTransport {
  const target = options.path;
  const timers = options.timers ?? systemTimers;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  const replies = new ReplyBuffer();
  // The open port, or undefined. Replaced on every open so a port that vanished is reopened fresh.
  let port: SerialPort | undefined;
  // Why the last port stopped working, reported by the next write or status request.
  let failure: PrinterError | undefined;

  const open = async (): Promise<void> => {
    if (port?.isOpen === true) return;
    const next = new SerialPort({
      path: options.path,
      baudRate: options.baudRate,
      autoOpen: false,
      ...flowControlSettings(options.flowControl ?? 'none'),
    });
    await new Promise<void>((resolve, reject) => {
      next.open((error) => {
        if (error === null) resolve();
        else reject(toPrinterError(error, target, 'opening the port'));
      });
    });
    next.on('data', (chunk: Buffer) => replies.push(chunk));
    // An error after opening (the device vanished) closes the port; the next call reports it.
    next.on('error', (error) => {
      if (port !== next) return; // a port already replaced or closed by us
      failure = toPrinterError(error, target, 'using the port');
    });
    next.on('close', () => {
      if (port !== next) return; // closed by us
      port = undefined;
      failure ??= new PrinterError({ kind: 'disconnected', target });
    });
    replies.clear();
    failure = undefined;
    port = next;
  };

  const close = async (): Promise<void> => {
    const current = port;
    port = undefined;
    failure = undefined;
    if (current?.isOpen !== true) return;
    await new Promise<void>((resolve) => {
      // Closing a port whose device is gone fails; the port is unusable either way.
      current.close(() => resolve());
    });
  };

  const openPort = (): SerialPort => {
    if (port === undefined) throw failure ?? new PrinterError({ kind: 'not-open', target });
    // Opened and not closed by us, yet not open: serialport is closing it because the device
    // went away (it clears isOpen before its 'close' event).
    if (!port.isOpen) throw failure ?? new PrinterError({ kind: 'disconnected', target });
    return port;
  };

  const write = async (bytes: Uint8Array): Promise<void> => {
    const current = openPort();
    let cancel: () => void = () => undefined;
    const timeout = new Promise<never>((_, reject) => {
      cancel = timers.setTimeout(() => {
        reject(new PrinterError({ kind: 'timed-out', target, waitingFor: 'writing the slip' }));
      }, writeTimeoutMs);
    });
    const written = new Promise<void>((resolve, reject) => {
      current.write(Buffer.from(bytes), (error) => {
        if (error) {
          reject(toPrinterError(error, target, 'writing'));
          return;
        }
        // drain: resolves when the OS has transmitted the bytes, not just buffered them.
        current.drain((drainError) => {
          if (drainError === null) resolve();
          else reject(toPrinterError(drainError, target, 'writing'));
        });
      });
    });
    try {
      await Promise.race([written, timeout]);
    } catch (error) {
      // A write that timed out or failed leaves the port in an unknown state: start afresh.
      await close();
      throw error;
    } finally {
      cancel();
    }
  };

  return {
    transport: 'serial',
    target,
    isOpen: () => port?.isOpen === true,
    open,
    close,
    write,
    requestStatus: () =>
      queryStatus({
        write,
        discardReplies: () => replies.clear(),
        readReply: (waitingFor) => {
          openPort();
          return replies.next(timers, replyTimeoutMs, target, waitingFor);
        },
      }),
  };
}

function flowControlSettings(flow: SerialFlowControl): {
  rtscts: boolean;
  xon: boolean;
  xoff: boolean;
} {
  switch (flow) {
    case 'none':
      return { rtscts: false, xon: false, xoff: false };
    case 'rts-cts':
      return { rtscts: true, xon: false, xoff: false };
    case 'xon-xoff':
      return { rtscts: false, xon: true, xoff: true };
    default:
      return assertNever(flow, 'serial flow control');
  }
}
