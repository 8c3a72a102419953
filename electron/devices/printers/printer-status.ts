import { assertNever } from '../../../shared/util/assert-never';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';

/**
 * ESC/POS real-time status: `DLE EOT n` (hex 10 04 n) makes the printer answer one byte at
 * once, even while its print buffer is full or it is offline. We ask n = 1, 2, 3, 4 in turn.
 *
 * Bit layouts, as Epson documents them (checked against: Epson "ESC/POS Application
 * Programming Guide / Command Reference" for the TM-T88III, DLE EOT, Ver. 10.01 p. 304 and the
 * TM-L60II technical reference p. 1217, both as transcribed on manual sites; the Bixolon
 * SRP-350 and Citizen CT-S2000 manuals, which copy the same layout for clones; Epson's online
 * reference is download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html):
 *
 *   every reply: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0 (so `byte & 0x93 === 0x12`)
 *   n=1 printer status   bit 2 drawer pin 3 high · bit 3 OFFLINE · bit 5 waiting for online
 *                        recovery · bit 6 feed button pressed
 *   n=2 offline cause    bit 2 COVER OPEN · bit 3 paper fed by the feed button ·
 *                        bit 5 PRINTING STOPPED BY PAPER END · bit 6 ERROR
 *   n=3 error cause      bit 2 recoverable error (Epson; undefined on some clones) ·
 *                        bit 3 AUTOCUTTER error · bit 5 UNRECOVERABLE error ·
 *                        bit 6 AUTO-RECOVERABLE error (e.g. head too hot)
 *   n=4 roll paper       bits 2+3 (0x0C) NEAR END · bits 5+6 (0x60) PAPER END
 *
 * Worked examples (replies to n = 1, 2, 3, 4 in hex → condition), the same table is the
 * table-driven test in printer-status.test.ts:
 *
 *   | n=1 | n=2 | n=3 | n=4 | condition      | why                                           |
 *   |-----|-----|-----|-----|----------------|-----------------------------------------------|
 *   | 12  | 12  | 12  | 12  | ready          | only the fixed bits are set                   |
 *   | 16  | 12  | 12  | 12  | ready          | drawer pin 3 high does not matter to us       |
 *   | 12  | 12  | 12  | 1E  | paper-near-end | n=4 0x0C: still prints, roll is running out   |
 *   | 1A  | 32  | 12  | 7E  | paper-out      | n=2 0x20 paper-end stop, n=4 0x60 paper end   |
 *   | 12  | 12  | 12  | 72  | paper-out      | end sensor without a stop (ESC c 4 disabled)  |
 *   | 1A  | 16  | 12  | 12  | cover-open     | n=2 0x04                                      |
 *   | 1A  | 36  | 12  | 72  | cover-open     | cover open while changing the roll: cover first|
 *   | 1A  | 52  | 1A  | 12  | error          | n=2 0x40 error, n=3 0x08 autocutter           |
 *   | 1A  | 52  | 32  | 12  | error          | n=3 0x20 unrecoverable                        |
 *   | 1A  | 52  | 52  | 12  | error          | n=3 0x40 auto-recoverable (head overheat)     |
 *   | 1A  | 1A  | 12  | 12  | offline        | paper being fed with the feed button          |
 *   | 1A  | 12  | 12  | 12  | offline        | offline with no cause given                   |
 *   | 00  | 12  | 12  | 12  | error          | n=1 fixed bits wrong: not a status reply      |
 */

/** The request bytes for `DLE EOT n`. */
export function statusRequest(n: StatusQuery): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}
export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

export type PrinterCondition =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error';

export type PrinterStatus = {
  readonly condition: PrinterCondition;
  /** One sentence for the cashier or manager. */
  readonly detail: string;
};

const FIXED_MASK = 0x93;
const FIXED_VALUE = 0x12;

/** Pure: the four reply bytes (to n = 1, 2, 3, 4, in that order) → the printer's condition. */
export function parseStatusReplies(replies: Uint8Array): PrinterStatus {
  const [printer, offline, fault, paper] = replies;
  if (
    replies.length !== 4 ||
    printer === undefined ||
    offline === undefined ||
    fault === undefined ||
    paper === undefined
  ) {
    return error(`The printer sent ${replies.length} status bytes instead of 4.`);
  }
  const bad = replies.findIndex((b) => (b & FIXED_MASK) !== FIXED_VALUE);
  if (bad !== -1) {
    const hex = (replies[bad] ?? 0).toString(16).padStart(2, '0');
    return error(
      `The printer's answer to status request ${bad + 1} (0x${hex}) is not an ESC/POS status byte: check the printer model setting.`,
    );
  }
  if (offline & 0x04) {
    return { condition: 'cover-open', detail: 'The printer cover is open: close it.' };
  }
  if (offline & 0x20 || (paper & 0x60) === 0x60) {
    return { condition: 'paper-out', detail: 'The printer is out of paper: load a new roll.' };
  }
  const faults = [
    fault & 0x04 ? 'recoverable error' : undefined,
    fault & 0x08 ? 'autocutter error (paper jam?)' : undefined,
    fault & 0x20 ? 'unrecoverable error: service needed' : undefined,
    fault & 0x40 ? 'print head too hot or cover opened while printing' : undefined,
  ].filter((f) => f !== undefined);
  if (offline & 0x40 || faults.length > 0) {
    const what = faults.length > 0 ? faults.join(', ') : 'error';
    return error(`The printer reports: ${what}.`);
  }
  if (printer & 0x08) {
    const why = offline & 0x08 ? ' (paper is being fed with the feed button)' : '';
    return { condition: 'offline', detail: `The printer is offline${why}.` };
  }
  if ((paper & 0x0c) === 0x0c) {
    return { condition: 'paper-near-end', detail: 'The paper roll is nearly empty.' };
  }
  return { condition: 'ready', detail: 'Ready.' };
}

function error(detail: string): PrinterStatus {
  return { condition: 'error', detail };
}

/**
 * The replies a printer in `condition` would send (inverse of the parser for one typical byte
 * pattern each); used by the simulated printer and by tests that play a printer.
 */
export function encodeStatusReplies(condition: PrinterCondition): Uint8Array {
  switch (condition) {
    case 'ready':
      return Uint8Array.of(0x12, 0x12, 0x12, 0x12);
    case 'paper-near-end':
      return Uint8Array.of(0x12, 0x12, 0x12, 0x1e);
    case 'paper-out':
      return Uint8Array.of(0x1a, 0x32, 0x12, 0x7e);
    case 'cover-open':
      return Uint8Array.of(0x1a, 0x16, 0x12, 0x12);
    case 'offline':
      return Uint8Array.of(0x1a, 0x12, 0x12, 0x12);
    case 'error':
      return Uint8Array.of(0x1a, 0x52, 0x1a, 0x12);
    default:
      return assertNever(condition, 'printer condition');
  }
}

/** A slip may be sent: the printer prints in these conditions. */
export function canPrint(condition: PrinterCondition): boolean {
  switch (condition) {
    case 'ready':
    case 'paper-near-end':
      return true;
    case 'paper-out':
    case 'cover-open':
    case 'offline':
    case 'error':
      return false;
    default:
      return assertNever(condition, 'printer condition');
  }
}

/**
 * The bridge's DeviceStatus state. The bridge has no 'paper-near-end' nor 'offline' state
 * (yet): near-end still prints, so it is 'ready' with the warning in `detail`; offline without
 * a known cause is an 'error' the manager must look at.
 */
export function toDeviceState(condition: PrinterCondition): DeviceStatus['state'] {
  switch (condition) {
    case 'ready':
    case 'paper-near-end':
      return 'ready';
    case 'paper-out':
      return 'paper-out';
    case 'cover-open':
      return 'cover-open';
    case 'offline':
    case 'error':
      return 'error';
    default:
      return assertNever(condition, 'printer condition');
  }
}
