import { encodeStatusReplies } from '../printers/printer-status';
import type { PrinterCondition } from '../printers/printer-status';

/**
 * Plays an ESC/POS receipt printer on the far end of a link (a socat pty end, a TCP socket):
 * answers `DLE EOT n` (10 04 n, n = 1..4) with the status bytes of its current condition and
 * keeps every other byte as "printed". For tests and the end-to-end harness.
 *
 * Limitation: the bytes 10 04 01..04 inside a raster image would be taken for a status
 * request; the receipts in our tests carry text, QR and cut commands only.
 */
export type PrinterPeer = {
  /** Every byte received that was not a status request, in order. */
  readonly printed: () => Uint8Array;
  /** How many status requests were answered (or, when silent, ignored). */
  readonly statusRequests: () => number;
  readonly setCondition: (condition: PrinterCondition) => void;
  /** A silent printer receives but never answers (a model without a back channel, or hung). */
  readonly setSilent: (silent: boolean) => void;
  /** Feed received bytes here (e.g. from a 'data' event). */
  readonly receive: (chunk: Uint8Array) => void;
};

export function createPrinterPeer(reply: (bytes: Uint8Array) => void): PrinterPeer {
  let condition: PrinterCondition = 'ready';
  let silent = false;
  let requests = 0;
  const printed: number[] = [];
  // Bytes of a possible status request split across chunks: [] or [0x10] or [0x10, 0x04].
  let partial: number[] = [];

  const receive = (chunk: Uint8Array): void => {
    for (const byte of chunk) {
      if (partial.length === 0) {
        if (byte === 0x10) partial = [byte];
        else printed.push(byte);
      } else if (partial.length === 1) {
        if (byte === 0x04) partial = [0x10, 0x04];
        else {
          printed.push(...partial, byte);
          partial = [];
        }
      } else if (byte >= 1 && byte <= 4) {
        partial = [];
        requests += 1;
        const answer = encodeStatusReplies(condition)[byte - 1];
        if (!silent && answer !== undefined) reply(Uint8Array.of(answer));
      } else {
        printed.push(...partial, byte);
        partial = [];
      }
    }
  };

  return {
    printed: () => Uint8Array.from(printed),
    statusRequests: () => requests,
    setCondition: (next) => {
      condition = next;
    },
    setSilent: (next) => {
      silent = next;
    },
    receive,
  };
}
