import { PrinterError } from './printer-transport';
import type { Timers } from '../timers';
import { STATUS_QUERIES, parseStatusReplies, statusRequest } from './printer-status';
import type { PrinterStatus } from './printer-status';

/**
 * Bytes the printer sent back, consumed one at a time by status requests. Invariants: at most
 * one reader waits at a time (status requests are serialised by `queryStatus`); at most
 * MAX_KEPT bytes are kept — a device that talks unasked (automatic status back, the wrong
 * device on the port) loses its oldest bytes, which a status request would discard anyway.
 */
const MAX_KEPT = 64;

export class ReplyBuffer {
  #bytes: number[] = [];
  #waiter: ((byte: number) => void) | undefined;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) this.#bytes.push(byte);
    if (this.#bytes.length > MAX_KEPT) this.#bytes = this.#bytes.slice(-MAX_KEPT);
    this.#wake();
  }

  /** Drops replies nobody waits for any more (e.g. late answers to a timed-out request). */
  clear(): void {
    this.#bytes = [];
  }

  /** The next byte, or a `timed-out` PrinterError after `timeoutMs`. */
  next(timers: Timers, timeoutMs: number, target: string, waitingFor: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const cancel = timers.setTimeout(() => {
        this.#waiter = undefined;
        reject(new PrinterError({ kind: 'timed-out', target, waitingFor }));
      }, timeoutMs);
      this.#waiter = (byte) => {
        cancel();
        resolve(byte);
      };
      this.#wake();
    });
  }

  #wake(): void {
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    const byte = this.#bytes.shift();
    if (byte === undefined) return;
    this.#waiter = undefined;
    waiter(byte);
  }
}

/** What `queryStatus` needs from a transport: send bytes, read one reply byte with a limit. */
export type StatusLink = {
  readonly write: (bytes: Uint8Array) => Promise<void>;
  readonly discardReplies: () => void | Promise<void>;
  readonly readReply: (waitingFor: string) => Promise<number>;
};

/**
 * Sends DLE EOT 1, 2, 3, 4 one after another, each waiting for its one-byte reply, and parses
 * the four bytes. Asking one at a time keeps each reply paired with its question.
 */
export async function queryStatus(link: StatusLink): Promise<PrinterStatus> {
  await link.discardReplies();
  const replies = new Uint8Array(STATUS_QUERIES.length);
  for (const n of STATUS_QUERIES) {
    await link.write(statusRequest(n));
    replies[n - 1] = await link.readReply(`status reply to DLE EOT ${n}`);
  }
  return parseStatusReplies(replies);
}
