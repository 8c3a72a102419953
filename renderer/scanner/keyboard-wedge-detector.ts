import { assertNever } from '../../shared/util/assert-never';
import { isModifierCode, typesOneCharacter, wedgeCharacter } from './wedge-key-map';

/**
 * Tells a keyboard-wedge scanner's burst from a person typing, by timing alone.
 *
 * A wedge scanner "types" its code as a USB keyboard, a few milliseconds per key, and ends it
 * with Enter or Tab. People leave 80–300 ms between keys. So: character keys that follow each
 * other within `maxGapMs` form a burst; a burst of at least `minLength` characters that ends
 * in a terminator is a scan. Anything else was typed by a person.
 *
 * ## Typed-text handback: hold, then give back (the design choice)
 *
 * The detector cannot know at the first key whether a scan has begun. Two designs exist:
 * 1. Let every key through and, when a burst turns out to be a scan, delete what it typed.
 *    That edits the field behind the app's back (React state, input masks, undo history, a
 *    field that submitted on change) and fails when focus is on something that acted on the
 *    key already. A scan would leave traces.
 * 2. Hold every character key from the start (the DOM layer cancels its default action) until
 *    the burst is decided, then either report the scan or give the keys back in order, to be
 *    delivered as if just typed. The cost: what a person types reaches the field up to
 *    `maxGapMs` (35 ms) late, below what anyone notices; and default actions of character
 *    keys other than inserting text (type-ahead in a focused `<select>`) are not reproduced.
 *
 * We take 2: a scan never touches the focused field, and every held key is given back.
 * Invariants, each tested:
 * - Every key is delivered exactly once, in the order it was pressed, or is part of a scan
 *   (its characters, the Shift presses among them, and the terminator that ended it). A key
 *   that passes (`pass`) always comes after every held key before it has been given back
 *   (`typed` precedes `pass` in one step), so "ab" + Enter typed fast still fills the field
 *   before Enter submits the form.
 * - Only keys whose default action is plain text insertion start or extend a burst: a
 *   character key from the table in wedge-key-map.ts with a one-character `key`, no
 *   Ctrl/Alt/Meta, no auto-repeat, no IME composition. Any other key but a modifier
 *   (Backspace, arrows, Space, Ctrl+V, a dead key, a held-down key repeating) passes, after
 *   the held keys are given back, and ends the burst.
 * - Modifier keys pressed alone (Shift) neither join nor break a burst: scanners press Shift
 *   before upper-case letters. During a burst they are held with it, so they keep their place
 *   and a scan's Shift presses stay hidden from the app; when idle they pass.
 *
 * ## The timing rule
 *
 * The gap is the time from the previous *character* key of the burst. A gap above `maxGapMs`
 * ends the burst (whether noticed by the next key's time stamp or by a clock tick). Worked
 * example with the defaults (max gap 35 ms, min length 6, terminators Enter and Tab, end on
 * timeout off); the same table is a test:
 *
 * | keys (gap before each key)                      | outcome                                    |
 * |-------------------------------------------------|--------------------------------------------|
 * | `290001` at 5 ms, Enter at 5 ms                 | scan `290001`; nothing reaches the field   |
 * | `290001` at 35 ms, Enter at 35 ms               | scan `290001` (a gap equal to max is fast) |
 * | `290001` at 5 ms, Tab at 5 ms                   | scan `290001`                              |
 * | `29000` at 5 ms, Enter at 5 ms                  | typed `29000`, then Enter passes           |
 * | `290001` at 120 ms, Enter at 120 ms             | typed each key alone, then Enter passes    |
 * | `290001` at 5 ms, Enter at 36 ms                | typed `290001`, then Enter passes          |
 * | `290` at 5 ms, `0012345` after 36 ms, Enter     | typed `290`, then scan `0012345`           |
 * | `290001` at 5 ms, no terminator, clock +36 ms   | typed `290001`                             |
 * | the same with `endOnTimeout`                    | scan `290001`                              |
 * | Enter alone                                     | Enter passes, nothing else                 |
 *
 * Row 7 is the price of a rule by gaps: a scanner that stalls mid-code (USB hiccup) splits
 * its code; the head is handed back as typing and the tail is judged alone. A tail that is
 * reported as a scan fails the card's check digit in parseCardCode, so the cashier scans
 * again (and sees the head in the field, if one had focus). A looser rule would instead turn
 * fast human typing into scans, which is worse.
 */
export type WedgeOptions = {
  /** Largest gap between two keys of one burst, ms. Scanners send a key every 1–10 ms. */
  readonly maxGapMs: number;
  /** Fewest characters a scan has; shorter bursts are typing. Our card numbers have 13. */
  readonly minLength: number;
  /** Keys that end a scan; they are swallowed when they end one. */
  readonly terminators: readonly WedgeTerminator[];
  /** For scanners set up without a suffix: a long enough burst ends by silence alone. */
  readonly endOnTimeout: boolean;
};

export type WedgeTerminator = 'Enter' | 'Tab';

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxGapMs: 35,
  minLength: 6,
  terminators: ['Enter', 'Tab'],
  endOnTimeout: false,
};

/** ScanEvent.code's limit: a longer burst cannot be a scan and is handed back. */
export const MAX_SCAN_LENGTH = 4_096;

/**
 * What the detector needs of a key-down event; a DOM KeyboardEvent fits as it is. Time
 * stamps are ms on one monotonic clock (in the browser, `event.timeStamp`, which shares
 * `performance.now()`'s origin).
 */
export type WedgeKey = {
  /** Physical key (`KeyboardEvent.code`): decides the scanned character. */
  readonly code: string;
  /** What the layout typed (`KeyboardEvent.key`): what a typed-back key inserts. */
  readonly key: string;
  readonly shiftKey: boolean;
  readonly timeStamp: number;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  readonly repeat?: boolean;
  readonly isComposing?: boolean;
};

/**
 * The burst so far. Idle when `held` is empty; otherwise `held` starts with a character key
 * and holds every key swallowed since (characters and modifiers, in order).
 */
export type WedgeState<K extends WedgeKey = WedgeKey> = {
  readonly held: readonly K[];
  /** What the held character keys scan as (wedge-key-map.ts). */
  readonly text: string;
  /** Time stamp of the last held character key: the gap is measured from it. */
  readonly lastAt: number;
};

export type WedgeOutput<K extends WedgeKey = WedgeKey> =
  /**
   * A burst was a scan. `at` is on the keys' clock: the terminator's or last key's stamp.
   * `events` are the keys it consumed (characters, Shift presses, the terminator), for logs.
   */
  | {
      readonly kind: 'scan';
      readonly code: string;
      readonly at: number;
      readonly events: readonly K[];
    }
  /** Held keys were typing: deliver them, in order, before anything else. */
  | { readonly kind: 'typed'; readonly events: readonly K[] };

/**
 * What to do with the key just pressed: `swallow` it (cancel its default action and stop it
 * from reaching the app: it is held for a possible scan, or it ended one), or let it `pass`.
 */
export type WedgeDisposition = 'swallow' | 'pass';

export type WedgeKeyStep<K extends WedgeKey = WedgeKey> = {
  readonly state: WedgeState<K>;
  /** Act on these in order, then on `disposition`. */
  readonly outputs: readonly WedgeOutput<K>[];
  readonly disposition: WedgeDisposition;
};

export type WedgeTickStep<K extends WedgeKey = WedgeKey> = {
  readonly state: WedgeState<K>;
  readonly outputs: readonly WedgeOutput<K>[];
};

export function idleWedgeState<K extends WedgeKey = WedgeKey>(): WedgeState<K> {
  return { held: [], text: '', lastAt: 0 };
}

/** Throws a RangeError for options no scanner could satisfy: a programming error. */
export function checkWedgeOptions(options: WedgeOptions): void {
  if (!Number.isFinite(options.maxGapMs) || options.maxGapMs <= 0) {
    throw new RangeError(`maxGapMs must be a positive number of ms, got ${options.maxGapMs}`);
  }
  if (
    !Number.isInteger(options.minLength) ||
    options.minLength < 1 ||
    options.minLength > MAX_SCAN_LENGTH
  ) {
    throw new RangeError(
      `minLength must be an integer from 1 to ${MAX_SCAN_LENGTH}, got ${options.minLength}`,
    );
  }
  if (options.terminators.length === 0 && !options.endOnTimeout) {
    throw new RangeError('with no terminators, endOnTimeout must be on, or nothing is a scan');
  }
}

type KeyRole =
  | { readonly role: 'modifier' }
  | { readonly role: 'character'; readonly char: string }
  | { readonly role: 'terminator' }
  | { readonly role: 'other' };

function roleOf(options: WedgeOptions, key: WedgeKey): KeyRole {
  // Modifiers first: Shift's own key-down has shiftKey set, Control's has ctrlKey set.
  if (isModifierCode(key.code)) return { role: 'modifier' };
  if (key.ctrlKey === true || key.altKey === true || key.metaKey === true) return { role: 'other' };
  if (key.repeat === true || key.isComposing === true) return { role: 'other' };
  const terminator = terminatorOf(key.code);
  if (terminator !== undefined) {
    return options.terminators.includes(terminator) ? { role: 'terminator' } : { role: 'other' };
  }
  const char = wedgeCharacter(key.code, key.shiftKey);
  if (char === undefined || !typesOneCharacter(key.key)) return { role: 'other' };
  return { role: 'character', char };
}

function terminatorOf(code: string): WedgeTerminator | undefined {
  if (code === 'Enter' || code === 'NumpadEnter') return 'Enter';
  if (code === 'Tab') return 'Tab';
  return undefined;
}

/** One key-down. Pure: the same state and key always give the same step. */
export function wedgeKeyDown<K extends WedgeKey>(
  options: WedgeOptions,
  state: WedgeState<K>,
  key: K,
): WedgeKeyStep<K> {
  // A gap above the maximum ended the burst before this key, whether or not a tick saw it.
  const before = wedgeTick(options, state, key.timeStamp);
  const current = before.state;
  const outputs: WedgeOutput<K>[] = [...before.outputs];
  const role = roleOf(options, key);

  switch (role.role) {
    case 'modifier':
      // Held with the burst so that, given back, it keeps its place among the keys; pressed
      // when nothing is held it passes (Shift's key-down has no default action to delay).
      if (current.held.length === 0) return { state: current, outputs, disposition: 'pass' };
      return {
        state: { ...current, held: [...current.held, key] },
        outputs,
        disposition: 'swallow',
      };
    case 'character': {
      if (current.text.length >= MAX_SCAN_LENGTH) {
        outputs.push(...typed(current));
        return { state: startBurst(key, role.char), outputs, disposition: 'swallow' };
      }
      const state =
        current.held.length === 0
          ? startBurst(key, role.char)
          : { held: [...current.held, key], text: current.text + role.char, lastAt: key.timeStamp };
      return { state, outputs, disposition: 'swallow' };
    }
    case 'terminator':
      if (current.text.length >= options.minLength) {
        const events = [...current.held, key];
        outputs.push({ kind: 'scan', code: current.text, at: key.timeStamp, events });
        return { state: idleWedgeState(), outputs, disposition: 'swallow' };
      }
      outputs.push(...typed(current));
      return { state: idleWedgeState(), outputs, disposition: 'pass' };
    case 'other':
      outputs.push(...typed(current));
      return { state: idleWedgeState(), outputs, disposition: 'pass' };
    default:
      return assertNever(role, 'key role');
  }
}

function startBurst<K extends WedgeKey>(key: K, char: string): WedgeState<K> {
  return { held: [key], text: char, lastAt: key.timeStamp };
}

/**
 * The clock moved to `now` (same clock as the keys' stamps) with no key: a burst whose last
 * character key is more than `maxGapMs` old has ended. Call it at wedgeDeadline or later.
 */
export function wedgeTick<K extends WedgeKey>(
  options: WedgeOptions,
  state: WedgeState<K>,
  now: number,
): WedgeTickStep<K> {
  const deadline = wedgeDeadline(options, state);
  if (deadline === undefined || now <= deadline) return { state, outputs: [] };
  if (options.endOnTimeout && state.text.length >= options.minLength) {
    const scan = { kind: 'scan', code: state.text, at: state.lastAt, events: state.held } as const;
    return { state: idleWedgeState(), outputs: [scan] };
  }
  return { state: idleWedgeState(), outputs: typed(state) };
}

/**
 * The last moment the current burst can still go on, or undefined when idle. Strictly after
 * it, wedgeTick ends the burst: schedule a tick for just past this time.
 */
export function wedgeDeadline(options: WedgeOptions, state: WedgeState): number | undefined {
  return state.held.length === 0 ? undefined : state.lastAt + options.maxGapMs;
}

/** Give back everything held, e.g. when detaching: held keys must never be lost. */
export function wedgeFlush<K extends WedgeKey>(state: WedgeState<K>): WedgeTickStep<K> {
  return { state: idleWedgeState(), outputs: typed(state) };
}

function typed<K extends WedgeKey>(state: WedgeState<K>): WedgeOutput<K>[] {
  return state.held.length === 0 ? [] : [{ kind: 'typed', events: state.held }];
}
