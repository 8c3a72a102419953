import { Socket } from 'node:net';
import { PrinterError, toPrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { ReplyBuffer, queryStatus } from './reply-buffer';
import { systemTimers } from '../timers';
import type { Timers } from '../timers';

export type TcpPrinterOptions = {
  readonly host: string;
  /** Raw printing port; 9100 on nearly every network receipt printer. */
  readonly port?: number;
  /** How long connecting may take (default 3000 ms). */
  readonly connectTimeoutMs?: number;
  /** How long one status reply may take (default 1000 ms). */
  readonly replyTimeoutMs?: number;
  /** How long one write may take until the kernel has taken every byte (default 30 s). */
  readonly writeTimeoutMs?: number;
  readonly timers?: Timers;
};

/** A network receipt printer on its raw port (9100): bytes in, status bytes back. */
export function createTcpPrinter(options: TcpPrinterOptions): PrinterTransport {
  const port = options.port ?? 9100;
  const target = `${options.host}:${port}`;
  const timers = options.timers ?? systemTimers;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  const replies = new ReplyBuffer();
  let socket: Socket | undefined;
  // Why the connection ended, reported by the next write or status request.
  let failure: PrinterError | undefined;

  const open = async (): Promise<void> => {
    // A socket that broke but has not emitted 'close' yet is replaced, as after its close.
    if (socket !== undefined && !socket.destroyed) return;
    const next = new Socket();
    await new Promise<void>((resolve, reject) => {
      const cancel = timers.setTimeout(() => {
        next.destroy();
        reject(new PrinterError({ kind: 'timed-out', target, waitingFor: 'connecting' }));
      }, connectTimeoutMs);
      next.once('error', (error) => {
        cancel();
        reject(toPrinterError(error, target, 'connecting'));
      });
      next.connect(port, options.host, () => {
        cancel();
        resolve();
      });
    });
    next.removeAllListeners('error');
    next.setNoDelay(true);
    next.on('data', (chunk: Buffer) => replies.push(chunk));
    next.on('error', (error) => {
      if (socket !== next) return; // a socket already replaced or closed by us
      failure = toPrinterError(error, target, 'talking to the printer');
    });
    next.on('close', () => {
      if (socket !== next) return; // closed by us
      socket = undefined;
      failure ??= new PrinterError({ kind: 'disconnected', target });
    });
    replies.clear();
    failure = undefined;
    socket = next;
  };

  const close = async (): Promise<void> => {
    const current = socket;
    socket = undefined;
    failure = undefined;
    if (current === undefined || current.destroyed) return;
    await new Promise<void>((resolve) => {
      current.once('close', () => resolve());
      // end() lets the printer receive what was sent; destroy() bounds a peer that never closes.
      current.end();
      timers.setTimeout(() => current.destroy(), 1000);
    });
  };

  const openSocket = (): Socket => {
    if (socket === undefined) throw failure ?? new PrinterError({ kind: 'not-open', target });
    // Opened and not closed by us, yet destroyed: the connection broke, and its 'error' and
    // 'close' events are still to come.
    if (socket.destroyed) throw failure ?? new PrinterError({ kind: 'disconnected', target });
    return socket;
  };

  const write = async (bytes: Uint8Array): Promise<void> => {
    const current = openSocket();
    let cancel: () => void = () => undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        cancel = timers.setTimeout(() => {
          reject(new PrinterError({ kind: 'timed-out', target, waitingFor: 'writing the slip' }));
        }, writeTimeoutMs);
        // The callback runs once the kernel has taken every byte (or with the error).
        current.write(bytes, (error) => {
          if (error) reject(toPrinterError(error, target, 'writing'));
          else resolve();
        });
      });
    } catch (error) {
      await close();
      throw error;
    } finally {
      cancel();
    }
  };

  return {
    transport: 'tcp',
    target,
    isOpen: () => socket !== undefined && !socket.destroyed,
    open,
    close,
    write,
    requestStatus: () =>
      queryStatus({
        write,
        discardReplies: () => replies.clear(),
        readReply: (waitingFor) => {
          openSocket();
          return replies.next(timers, replyTimeoutMs, target, waitingFor);
        },
      }),
  };
}
