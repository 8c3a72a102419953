import { constants } from 'node:fs';
import { open as openFile, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { PrinterError, toPrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { queryStatus } from './reply-buffer';
import type { PrinterStatus } from './printer-status';
import { systemTimers } from '../timers';
import type { Timers } from '../timers';

export type UsbPrinterOptions = {
  /** The printer class device file, e.g. `/dev/usb/lp0` (Linux usblp driver). */
  readonly path: string;
  /** How long one status reply may take (default 1000 ms). */
  readonly replyTimeoutMs?: number;
  /** How long one write may take (default 30 s). */
  readonly writeTimeoutMs?: number;
  /** How often a non-blocking read or a full write is retried (default 10 ms). */
  readonly pollIntervalMs?: number;
  readonly timers?: Timers;
};

/** What the status of a sink that cannot answer (a FIFO or a plain file) is reported as. */
const ASSUMED_READY: PrinterStatus = {
  condition: 'ready',
  detail: 'This printer file does not report status; assuming the printer is ready.',
};

/**
 * A printer behind a device file, opened with node:fs. Character devices (usblp, a pty) are
 * opened read-write and non-blocking: usblp passes the printer's answers to DLE EOT back on
 * read, and non-blocking reads let a printer that never answers time out instead of holding a
 * libuv thread forever. A FIFO or regular file (print-to-file, tests) is opened write-only,
 * because reading it back would return our own bytes as "replies"; its status is assumed.
 */
export function createUsbPrinter(options: UsbPrinterOptions): PrinterTransport {
  const target = options.path;
  const timers = options.timers ?? systemTimers;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  const pollMs = options.pollIntervalMs ?? 10;
  let file: { readonly handle: FileHandle; readonly answers: boolean } | undefined;

  const pause = (): Promise<void> =>
    new Promise((resolve) => {
      timers.setTimeout(resolve, pollMs);
    });

  const open = async (): Promise<void> => {
    if (file !== undefined) return;
    try {
      const info = await stat(options.path);
      if (info.isDirectory()) {
        throw new PrinterError({
          kind: 'io-error',
          target,
          cause: 'this is a folder, not a printer device',
        });
      }
      const answers = info.isCharacterDevice();
      const flags = answers
        ? constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY
        : constants.O_WRONLY | constants.O_NONBLOCK | constants.O_APPEND;
      file = { handle: await openFile(options.path, flags), answers };
    } catch (error) {
      throw toPrinterError(error, target, 'opening the device file');
    }
  };

  const close = async (): Promise<void> => {
    const current = file;
    file = undefined;
    // Closing a descriptor of a device that is gone fails; the descriptor is released anyway.
    await current?.handle.close().catch(() => undefined);
  };

  const openFileOrThrow = (): { readonly handle: FileHandle; readonly answers: boolean } => {
    if (file === undefined) throw new PrinterError({ kind: 'not-open', target });
    return file;
  };

  /** Invariant: resolves only after every byte was accepted by the kernel. */
  const write = async (bytes: Uint8Array): Promise<void> => {
    const { handle } = openFileOrThrow();
    const deadline = timers.now() + writeTimeoutMs;
    let offset = 0;
    try {
      while (offset < bytes.length) {
        const written = await tryIo(() => handle.write(bytes, offset, bytes.length - offset));
        offset += written?.bytesWritten ?? 0;
        if (offset >= bytes.length) break;
        if (timers.now() >= deadline) {
          throw new PrinterError({ kind: 'timed-out', target, waitingFor: 'writing the slip' });
        }
        await pause();
      }
    } catch (error) {
      await close();
      throw toPrinterError(error, target, 'writing');
    }
  };

  const readReply = async (waitingFor: string): Promise<number> => {
    const { handle } = openFileOrThrow();
    const deadline = timers.now() + replyTimeoutMs;
    const one = new Uint8Array(1);
    for (;;) {
      const read = await tryIo(() => handle.read(one, 0, 1, null)).catch((error: unknown) => {
        throw toPrinterError(error, target, 'reading the status reply');
      });
      if (read !== undefined && read.bytesRead === 1) return one[0] ?? 0;
      if (timers.now() >= deadline)
        throw new PrinterError({ kind: 'timed-out', target, waitingFor });
      await pause();
    }
  };

  /** Reads away late answers to an earlier, timed-out request (bounded: a few bytes at most). */
  const discardReplies = async (): Promise<void> => {
    const { handle } = openFileOrThrow();
    const scratch = new Uint8Array(64);
    for (let round = 0; round < 16; round += 1) {
      const read = await tryIo(() => handle.read(scratch, 0, scratch.length, null)).catch(
        (error: unknown) => {
          throw toPrinterError(error, target, 'reading the status reply');
        },
      );
      if (read === undefined || read.bytesRead === 0) return;
    }
  };

  return {
    transport: 'usb-printer',
    target,
    isOpen: () => file !== undefined,
    open,
    close,
    write,
    requestStatus: async () => {
      if (!openFileOrThrow().answers) return ASSUMED_READY;
      return queryStatus({ write, discardReplies, readReply });
    },
  };
}

/** Runs a non-blocking I/O call; `undefined` when the kernel said "try again" (EAGAIN). */
async function tryIo<T>(io: () => Promise<T>): Promise<T | undefined> {
  try {
    return await io();
  } catch (error) {
    if (isAgain(error)) return undefined;
    throw error;
  }
}

function isAgain(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'EAGAIN' || error.code === 'EWOULDBLOCK')
  );
}
