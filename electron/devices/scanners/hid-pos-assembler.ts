import { assertNever } from '../../../shared/util/assert-never';
import type { HidPosReportError } from './hid-pos-report';
import { describeHidPosReportError, parseHidPosReport } from './hid-pos-report';

/**
 * Joins HID POS scanned-data reports into whole codes. Pure: the same state and input give
 * the same step; the caller owns the clock (report time stamps and ticks).
 *
 * Rules, each tested:
 * - A report without the continued bit ends the code: the bytes so far plus its own are one
 *   scan, with the AIM identifier of the first report.
 * - A continued report with nothing after it for `continuationTimeoutMs` is a lost tail: the
 *   head is dropped with an error (a half code must never reach the cashier as a card).
 * - A report whose AIM identifier differs from the code's in progress means the tail of that
 *   code was lost: that code is dropped with an error and the new report starts afresh.
 * - More than `maxBytes` in one code (ScanEvent.code's limit): dropped with an error, and
 *   its remaining reports are skipped up to its last one, so the tail is not read as a scan.
 * - A malformed report (unknown id, short, length beyond the data field) is reported and
 *   changes nothing: the code in progress, if any, may still complete.
 */
export type HidPosAssemblerOptions = {
  readonly continuationTimeoutMs: number;
  readonly maxBytes: number;
};

export const DEFAULT_HID_POS_ASSEMBLER_OPTIONS: HidPosAssemblerOptions = {
  // Reports of one code follow each other within a few ms (full-speed USB, 1 ms interval).
  continuationTimeoutMs: 250,
  maxBytes: 4_096,
};

export type HidPosAssembly =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'collecting';
      readonly symbology: string | undefined;
      readonly chunks: readonly Uint8Array[];
      readonly bytes: number;
      readonly lastAt: number;
    }
  /** Skipping the rest of an over-long code. */
  | { readonly kind: 'discarding'; readonly lastAt: number };

export type HidPosAssemblyError =
  | { readonly kind: 'bad-report'; readonly error: HidPosReportError }
  | { readonly kind: 'empty-scan' }
  | { readonly kind: 'too-long'; readonly maxBytes: number }
  | { readonly kind: 'continuation-timeout'; readonly bytes: number }
  | { readonly kind: 'continuation-interrupted'; readonly bytes: number };

export type HidPosOutput =
  | {
      readonly kind: 'scan';
      readonly code: string;
      readonly symbology: string | undefined;
      readonly at: number;
    }
  | { readonly kind: 'error'; readonly error: HidPosAssemblyError };

export type HidPosStep = {
  readonly state: HidPosAssembly;
  readonly outputs: readonly HidPosOutput[];
};

export const IDLE_HID_POS: HidPosAssembly = { kind: 'idle' };

/** One input report (report id first, as node-hid delivers it) received at `at`. */
export function hidPosReport(
  options: HidPosAssemblerOptions,
  state: HidPosAssembly,
  bytes: Uint8Array,
  at: number,
): HidPosStep {
  const parsed = parseHidPosReport(bytes);
  if (!parsed.ok) return { state, outputs: [error({ kind: 'bad-report', error: parsed.error })] };
  const before = hidPosTick(options, state, at);
  const outputs: HidPosOutput[] = [...before.outputs];
  const current = before.state;
  const report = parsed.value;

  switch (current.kind) {
    case 'discarding':
      return {
        state: report.continued ? { kind: 'discarding', lastAt: at } : IDLE_HID_POS,
        outputs,
      };
    case 'collecting':
    case 'idle': {
      let head: readonly Uint8Array[] = [];
      let headBytes = 0;
      if (current.kind === 'collecting') {
        if (current.symbology === report.symbology) {
          head = current.chunks;
          headBytes = current.bytes;
        } else {
          outputs.push(error({ kind: 'continuation-interrupted', bytes: current.bytes }));
        }
      }
      const total = headBytes + report.data.length;
      if (total > options.maxBytes) {
        outputs.push(error({ kind: 'too-long', maxBytes: options.maxBytes }));
        return {
          state: report.continued ? { kind: 'discarding', lastAt: at } : IDLE_HID_POS,
          outputs,
        };
      }
      const chunks = [...head, report.data];
      if (report.continued) {
        return {
          state: {
            kind: 'collecting',
            symbology: report.symbology,
            chunks,
            bytes: total,
            lastAt: at,
          },
          outputs,
        };
      }
      if (total === 0) {
        outputs.push(error({ kind: 'empty-scan' }));
        return { state: IDLE_HID_POS, outputs };
      }
      const code = new TextDecoder('utf-8').decode(joinChunks(chunks, total));
      outputs.push({ kind: 'scan', code, symbology: report.symbology, at });
      return { state: IDLE_HID_POS, outputs };
    }
    default:
      return assertNever(current, 'HID POS assembly state');
  }
}

/** The clock moved to `now` with no report: a continuation that waited too long is dropped. */
export function hidPosTick(
  options: HidPosAssemblerOptions,
  state: HidPosAssembly,
  now: number,
): HidPosStep {
  const deadline = hidPosDeadline(options, state);
  if (deadline === undefined || now <= deadline) return { state, outputs: [] };
  switch (state.kind) {
    case 'collecting':
      return {
        state: IDLE_HID_POS,
        outputs: [error({ kind: 'continuation-timeout', bytes: state.bytes })],
      };
    case 'discarding':
    case 'idle':
      return { state: IDLE_HID_POS, outputs: [] };
    default:
      return assertNever(state, 'HID POS assembly state');
  }
}

/** When to tick next (strictly after this moment the wait is over); undefined when idle. */
export function hidPosDeadline(
  options: HidPosAssemblerOptions,
  state: HidPosAssembly,
): number | undefined {
  return state.kind === 'idle' ? undefined : state.lastAt + options.continuationTimeoutMs;
}

export function describeHidPosAssemblyError(e: HidPosAssemblyError): string {
  switch (e.kind) {
    case 'bad-report':
      return describeHidPosReportError(e.error);
    case 'empty-scan':
      return 'the scanner sent an empty code; scan the card again';
    case 'too-long':
      return `the scanned code is longer than ${e.maxBytes} bytes and was dropped`;
    case 'continuation-timeout':
      return `the end of a long code never arrived (${e.bytes} bytes dropped); scan the card again`;
    case 'continuation-interrupted':
      return `a long code was cut off by the next scan (${e.bytes} bytes dropped); scan the card again`;
    default:
      return assertNever(e, 'HID POS assembly error');
  }
}

function error(e: HidPosAssemblyError): HidPosOutput {
  return { kind: 'error', error: e };
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
