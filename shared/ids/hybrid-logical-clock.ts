import { assertNever } from '../util/assert-never';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';

/**
 * Hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014): stamps
 * that stay close to wall-clock time yet never go backwards on one terminal and always order
 * an event after every event it could have seen (a received stamp).
 *
 * A stamp is text, so that IndexedDB, PostgreSQL and plain string comparison sort it:
 *
 *     PPPPPPPPPPPPPPP-CCCCC-node
 *     001700000000000-00000-T01
 *
 * - `P`: physical time, epoch ms, 15 decimal digits (up to year 33658). Decimal, so a person
 *   reading a log recognises the epoch milliseconds.
 * - `C`: logical counter, 5 decimal digits (0 … 99 999).
 * - `node`: the terminal id, 1–36 characters of `[A-Za-z0-9_-]`; it breaks ties between
 *   terminals, so two terminals never produce the same stamp.
 *
 * Invariant: because P and C are fixed-width digits at fixed positions, comparing two stamps
 * as strings (UTF-16 code units, `<`) gives the order of (physical, counter, node), the node
 * also compared by code units. Sort with `<` or compareHlcStamps, never localeCompare; in
 * PostgreSQL store stamps with `COLLATE "C"`.
 *
 * Clocks lie (ARCHITECTURE.md): stamps order events for display and last-writer-wins of profile
 * fields, never money. A remote stamp too far ahead of our own clock is refused, so one
 * terminal whose clock says 2031 cannot drag every other clock into 2031.
 */

declare const hlcStampBrand: unique symbol;

/** A well-formed stamp: made by a clock, formatHlcStamp or toHlcStamp. */
export type HlcStamp = string & { readonly [hlcStampBrand]: true };

export type HlcParts = {
  readonly physicalMs: number;
  readonly counter: number;
  readonly node: string;
};

export type HlcError =
  | { readonly kind: 'malformed'; readonly text: string; readonly reason: string }
  | {
      readonly kind: 'too-far-in-future';
      readonly remote: string;
      readonly remotePhysicalMs: number;
      readonly localPhysicalMs: number;
      readonly aheadByMs: number;
      readonly maxForwardDriftMs: number;
    };

export const MAX_HLC_PHYSICAL_MS = 999_999_999_999_999;
export const MAX_HLC_COUNTER = 99_999;

const PHYSICAL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const NODE_PATTERN = /^[A-Za-z0-9_-]{1,36}$/;
const STAMP_PATTERN = /^(\d{15})-(\d{5})-(.*)$/s;
/** STAMP_PATTERN and NODE_PATTERN in one test: the text parseHlcStamp accepts, and no other. */
const WHOLE_STAMP_PATTERN = new RegExp(
  `^\\d{${PHYSICAL_DIGITS}}-\\d{${COUNTER_DIGITS}}-${NODE_PATTERN.source.slice(1)}`,
);

export function isValidHlcNode(node: string): boolean {
  return NODE_PATTERN.test(node);
}

/** The stamp of the given parts. Throws RangeError for parts out of range (a bug, not data). */
export function formatHlcStamp(parts: HlcParts): HlcStamp {
  const { physicalMs, counter, node } = parts;
  checkRange('physical time', physicalMs, MAX_HLC_PHYSICAL_MS);
  checkRange('counter', counter, MAX_HLC_COUNTER);
  if (!isValidHlcNode(node)) throw new RangeError(`HLC node: ${describeNodeProblem(node)}`);
  const p = String(physicalMs).padStart(PHYSICAL_DIGITS, '0');
  const c = String(counter).padStart(COUNTER_DIGITS, '0');
  return `${p}-${c}-${node}` as HlcStamp;
}

/**
 * Whether parseHlcStamp would accept this text, without building its parts or a reason: the
 * check every stored and received row makes on each of its stamps (a customer row has up to
 * six), so it allocates nothing.
 */
export function isHlcStamp(text: string): text is HlcStamp {
  return WHOLE_STAMP_PATTERN.test(text);
}

/** Reads a stamp from outside (sync, stored rows), saying what is wrong with a bad one. */
export function parseHlcStamp(text: string): Result<HlcParts, HlcError> {
  const malformed = (reason: string) => err({ kind: 'malformed' as const, text, reason });
  const match = STAMP_PATTERN.exec(text);
  if (!match) {
    return malformed(
      `expected ${PHYSICAL_DIGITS} digits of epoch ms, "-", ${COUNTER_DIGITS} digits of ` +
        'counter, "-" and a node id, like 001700000000000-00000-T01',
    );
  }
  const [, p = '', c = '', node = ''] = match;
  if (!isValidHlcNode(node)) return malformed(`node ${describeNodeProblem(node)}`);
  return ok({ physicalMs: Number(p), counter: Number(c), node });
}

/** Checks text from outside and brands it. */
export function toHlcStamp(text: string): Result<HlcStamp, HlcError> {
  const parsed = parseHlcStamp(text);
  return parsed.ok ? ok(text as HlcStamp) : parsed;
}

/** Causal order: negative if `a` happened before `b` (string order, see the invariant). */
export function compareHlcStamps(a: HlcStamp, b: HlcStamp): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A message for logs and for the sync screen. */
export function describeHlcError(error: HlcError): string {
  switch (error.kind) {
    case 'malformed':
      return `Not a clock stamp: ${JSON.stringify(error.text)} (${error.reason})`;
    case 'too-far-in-future':
      return (
        `Refused clock stamp ${error.remote}: it is ${error.aheadByMs} ms ahead of this ` +
        `terminal's clock (${error.localPhysicalMs}), more than the allowed ` +
        `${error.maxForwardDriftMs} ms. Check the date and time of the terminal that sent it.`
      );
    default:
      return assertNever(error, 'HLC error');
  }
}

export type HybridClock = {
  /** A stamp for a local event (or a message to send): later than every stamp so far. */
  readonly tick: () => HlcStamp;
  /**
   * Merges a stamp received from elsewhere and returns the stamp of the receipt: later than
   * both the remote stamp and every stamp of this clock so far. A refused stamp (malformed,
   * too far in the future) leaves the clock unchanged.
   */
  readonly receive: (remote: HlcStamp) => Result<HlcStamp, HlcError>;
};

/**
 * One clock per terminal; the state (last physical time and counter) lives in the closure.
 *
 * - `now`: the terminal's wall clock, epoch ms (Date.now). May stand still or go backwards:
 *   the stamps keep increasing regardless, by the counter.
 * - `maxForwardDriftMs`: how far ahead of `now()` a remote stamp may be before it is refused.
 * - `after`: the latest stamp this terminal issued or received before a restart (read back
 *   from the local store), so stamps keep increasing across restarts even when the clock was
 *   set back while the terminal was off. Without it the clock starts from its wall clock.
 *
 * Counter overflow: the counter grows only while the physical part does not advance (a
 * frozen clock, or a clock behind the latest stamp seen). When it would pass 99 999, the
 * physical part is advanced by 1 ms beyond the wall clock and the counter restarts at 0, so
 * order is kept at the price of stamps running 1 ms ahead per 100 000 events.
 *
 * | state (l, c) | now  | event                | result (l, c) |
 * |--------------|------|----------------------|---------------|
 * | (1000, 3)    | 1005 | tick                 | (1005, 0)     |
 * | (1000, 3)    | 1000 | tick                 | (1000, 4)     |
 * | (1000, 3)    | 990  | tick                 | (1000, 4)     |
 * | (1000, 99999)| 1000 | tick                 | (1001, 0)     |
 * | (1000, 3)    | 1000 | receive (1000, 7)    | (1000, 8)     |
 * | (1000, 3)    | 1000 | receive (1200, 7)    | (1200, 8)     |
 * | (1000, 3)    | 1500 | receive (1200, 7)    | (1500, 0)     |
 * | (1000, 3)    | 990  | receive (999, 50)    | (1000, 4)     |
 */
export function createHybridClock(options: {
  readonly node: string;
  readonly now: () => number;
  readonly maxForwardDriftMs: number;
  readonly after?: HlcStamp;
}): HybridClock {
  const { node, now, maxForwardDriftMs, after } = options;
  if (!isValidHlcNode(node)) throw new RangeError(`HLC node: ${describeNodeProblem(node)}`);
  checkRange('maxForwardDriftMs', maxForwardDriftMs, MAX_HLC_PHYSICAL_MS);
  let last = 0;
  let counter = 0;
  if (after !== undefined) {
    const start = parseHlcStamp(after);
    if (!start.ok) throw new RangeError(describeHlcError(start.error));
    last = start.value.physicalMs;
    counter = start.value.counter;
  }

  const readClock = (): number => {
    const wall = now();
    checkRange('wall clock', wall, MAX_HLC_PHYSICAL_MS);
    return wall;
  };

  /** Moves the state to (physical, nextCounter), carrying an overflow into physical time. */
  const advance = (physical: number, nextCounter: number): HlcStamp => {
    if (nextCounter > MAX_HLC_COUNTER) {
      last = physical + 1;
      counter = 0;
    } else {
      last = physical;
      counter = nextCounter;
    }
    return formatHlcStamp({ physicalMs: last, counter, node });
  };

  return {
    tick: () => {
      const wall = readClock();
      return wall > last ? advance(wall, 0) : advance(last, counter + 1);
    },
    receive: (remote) => {
      const parsed = parseHlcStamp(remote);
      if (!parsed.ok) return parsed;
      const { physicalMs: remoteMs, counter: remoteCounter } = parsed.value;
      const wall = readClock();
      if (remoteMs - wall > maxForwardDriftMs) {
        return err({
          kind: 'too-far-in-future',
          remote,
          remotePhysicalMs: remoteMs,
          localPhysicalMs: wall,
          aheadByMs: remoteMs - wall,
          maxForwardDriftMs,
        });
      }
      const physical = Math.max(last, remoteMs, wall);
      if (physical === last && physical === remoteMs) {
        return ok(advance(physical, Math.max(counter, remoteCounter) + 1));
      }
      if (physical === last) return ok(advance(physical, counter + 1));
      if (physical === remoteMs) return ok(advance(physical, remoteCounter + 1));
      return ok(advance(physical, 0));
    },
  };
}

function checkRange(what: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`HLC ${what} must be an integer in 0 … ${max}, got ${value}`);
  }
}

function describeNodeProblem(node: string): string {
  return `${JSON.stringify(node)} must be 1–36 letters, digits, "_" or "-"`;
}
