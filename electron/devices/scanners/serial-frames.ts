import { assertNever } from '../../../shared/util/assert-never';

/**
 * Splits the byte stream of a serial (RS-232 or USB-CDC) scanner into codes. Pure.
 *
 * Rules, each tested:
 * - A code ends at CR, LF or CRLF (scanners are set to one of these suffixes). Empty frames
 *   are skipped, so CRLF, LFCR or a doubled terminator never make an empty scan.
 * - A code split over several chunks (the OS delivers what arrived so far) is joined.
 * - Noise is dropped: NUL and other control bytes (below 0x20, and DEL) that line noise, a
 *   scanner's power-up or a BEL prefix put on the wire never reach a code. (GS1's FNC1 is a
 *   control byte too; our cards are digits, so dropping it loses nothing we read.)
 * - A frame growing past `maxFrameBytes` with no terminator (a stuck line, a wrong baud rate
 *   making garbage) is discarded with one error, and everything up to the next terminator
 *   is skipped, so its tail is never taken for a code.
 * - With `aimPrefix`, a frame starting with `]` and two printable characters (the scanner
 *   set to send AIM identifiers) has them split off into `symbology`; a frame that is only
 *   the identifier is an error.
 *
 * Worked example (aimPrefix on), the same table is a test:
 *
 * | chunks                                  | outputs                                     |
 * |-----------------------------------------|---------------------------------------------|
 * | `4607001234565\r\n`                     | frame `4607001234565`                       |
 * | `46070012`, `34565\r`                   | frame `4607001234565`                       |
 * | `\0\x074607001234565\n`                 | frame `4607001234565` (NUL, BEL dropped)    |
 * | `]E04607001234565\r`                    | frame `4607001234565`, symbology `]E0`      |
 * | `A\rB\nC\r\n`                           | frames `A`, `B`, `C`                        |
 * | 300 × `9` (max 256), then `123\r`       | error too-long; nothing else                |
 */
export type SerialFramerOptions = {
  readonly maxFrameBytes: number;
  readonly aimPrefix: boolean;
};

export const DEFAULT_SERIAL_FRAMER_OPTIONS: SerialFramerOptions = {
  maxFrameBytes: 4_096,
  aimPrefix: true,
};

export type SerialFramerState =
  | { readonly kind: 'collecting'; readonly bytes: readonly number[] }
  /** Skipping the rest of an over-long frame, up to its terminator. */
  | { readonly kind: 'discarding' };

export const EMPTY_SERIAL_FRAMER: SerialFramerState = { kind: 'collecting', bytes: [] };

export type SerialFrameOutput =
  | { readonly kind: 'frame'; readonly code: string; readonly symbology: string | undefined }
  | { readonly kind: 'error'; readonly error: SerialFrameError };

export type SerialFrameError =
  | { readonly kind: 'too-long'; readonly maxFrameBytes: number }
  | { readonly kind: 'symbology-only'; readonly symbology: string };

export type SerialFramerStep = {
  readonly state: SerialFramerState;
  readonly outputs: readonly SerialFrameOutput[];
};

const CR = 0x0d;
const LF = 0x0a;

export function serialChunk(
  options: SerialFramerOptions,
  state: SerialFramerState,
  chunk: Uint8Array,
): SerialFramerStep {
  const outputs: SerialFrameOutput[] = [];
  let discarding = state.kind === 'discarding';
  let bytes: number[] = state.kind === 'collecting' ? [...state.bytes] : [];
  for (const byte of chunk) {
    if (byte === CR || byte === LF) {
      if (!discarding && bytes.length > 0) outputs.push(frameOf(options, bytes));
      discarding = false;
      bytes = [];
      continue;
    }
    if (discarding || byte < 0x20 || byte === 0x7f) continue;
    if (bytes.length >= options.maxFrameBytes) {
      outputs.push({
        kind: 'error',
        error: { kind: 'too-long', maxFrameBytes: options.maxFrameBytes },
      });
      discarding = true;
      bytes = [];
      continue;
    }
    bytes.push(byte);
  }
  return {
    state: discarding ? { kind: 'discarding' } : { kind: 'collecting', bytes },
    outputs,
  };
}

function frameOf(options: SerialFramerOptions, bytes: readonly number[]): SerialFrameOutput {
  const text = new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  if (options.aimPrefix && /^\][!-~]{2}/.test(text)) {
    const symbology = text.slice(0, 3);
    const code = text.slice(3);
    if (code.length === 0) return { kind: 'error', error: { kind: 'symbology-only', symbology } };
    return { kind: 'frame', code, symbology };
  }
  return { kind: 'frame', code: text, symbology: undefined };
}

export function describeSerialFrameError(error: SerialFrameError): string {
  switch (error.kind) {
    case 'too-long':
      return `the scanner sent more than ${error.maxFrameBytes} bytes without an end of line; check its baud rate and suffix (CR or LF)`;
    case 'symbology-only':
      return `the scanner sent a symbology identifier (${error.symbology}) with no code`;
    default:
      return assertNever(error, 'serial frame error');
  }
}
