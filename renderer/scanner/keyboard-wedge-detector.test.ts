import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_CODE_SETTINGS, parseCardCode } from '../../shared/cards/parse-card-code';
import {
  checkWedgeOptions,
  DEFAULT_WEDGE_OPTIONS,
  idleWedgeState,
  MAX_SCAN_LENGTH,
  wedgeDeadline,
  wedgeFlush,
  wedgeKeyDown,
  wedgeTick,
} from './keyboard-wedge-detector';
import type { WedgeKey, WedgeOptions, WedgeOutput, WedgeState } from './keyboard-wedge-detector';
import { usKeystrokeFor, wedgeCharacter } from './wedge-key-map';

/** A key press in a script: the key, and the ms since the previous press. */
type Press = Omit<WedgeKey, 'timeStamp'> & { readonly gap: number };
/** After the presses, the clock moves on this far with no key (a timer tick). */
type Script = { readonly presses: readonly Press[]; readonly tickAfter?: number };

const START = 10_000;

/** What a given-back key inserts: its character, or nothing (shown as `<Shift>`). */
const typedText = (key: WedgeKey) => (/^\P{Cc}$/u.test(key.key) ? key.key : `<${key.key}>`);

/** One US-layout key for a character, as a scanner set to "USA" presses it. */
function usKey(char: string, gap: number): Press {
  const stroke = usKeystrokeFor(char);
  if (stroke === undefined) throw new Error(`no US key for ${JSON.stringify(char)}`);
  return { ...stroke, key: char, gap };
}

function burst(text: string, gap: number): Press[] {
  return Array.from(text).map((char) => usKey(char, gap));
}

const enter = (gap: number): Press => ({ code: 'Enter', key: 'Enter', shiftKey: false, gap });
const tab = (gap: number): Press => ({ code: 'Tab', key: 'Tab', shiftKey: false, gap });
const shift = (gap: number): Press => ({ code: 'ShiftLeft', key: 'Shift', shiftKey: true, gap });

/**
 * Runs a script and writes what the page gets, in order: `scan <code>`, `typed <keys>` (the
 * layout's characters, as they would be inserted), `pass <code>` (a key left to act).
 */
function run(script: Script, options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): string[] {
  const log: string[] = [];
  const write = (outputs: readonly WedgeOutput[]) => {
    for (const o of outputs) {
      log.push(o.kind === 'scan' ? `scan ${o.code}` : `typed ${o.events.map(typedText).join('')}`);
    }
  };
  let state: WedgeState = idleWedgeState();
  let now = START;
  for (const { gap, ...press } of script.presses) {
    now += gap;
    const step = wedgeKeyDown(options, state, { ...press, timeStamp: now });
    state = step.state;
    write(step.outputs);
    if (step.disposition === 'pass') log.push(`pass ${press.code}`);
  }
  const tick = wedgeTick(options, state, now + (script.tickAfter ?? 10_000));
  write(tick.outputs);
  return log;
}

describe('the timing rule (the worked example in keyboard-wedge-detector.ts)', () => {
  const slow = Array.from('290001').map((char) => `typed ${char}`);
  it.each<[string, Script, string[], Partial<WedgeOptions>?]>([
    [
      '290001 at 5 ms, Enter at 5 ms',
      { presses: [...burst('290001', 5), enter(5)] },
      ['scan 290001'],
    ],
    [
      'gaps equal to the max are fast',
      { presses: [...burst('290001', 35), enter(35)] },
      ['scan 290001'],
    ],
    ['Tab ends a scan too', { presses: [...burst('290001', 5), tab(5)] }, ['scan 290001']],
    ['too short', { presses: [...burst('29000', 5), enter(5)] }, ['typed 29000', 'pass Enter']],
    ['120 ms apart', { presses: [...burst('290001', 120), enter(120)] }, [...slow, 'pass Enter']],
    [
      'Enter 36 ms after the last key',
      { presses: [...burst('290001', 5), enter(36)] },
      ['typed 290001', 'pass Enter'],
    ],
    [
      'a stall splits the burst: head typed, tail judged alone',
      { presses: [...burst('290', 5), usKey('0', 36), ...burst('012345', 5), enter(5)] },
      ['typed 290', 'scan 0012345'],
    ],
    [
      'no terminator, then silence',
      { presses: burst('290001', 5), tickAfter: 36 },
      ['typed 290001'],
    ],
    [
      'no terminator, then silence, endOnTimeout',
      { presses: burst('290001', 5), tickAfter: 36 },
      ['scan 290001'],
      { endOnTimeout: true },
    ],
    ['Enter alone', { presses: [enter(1000)] }, ['pass Enter']],
  ])('%s', (_, script, expected, options = {}) => {
    expect(run(script, { ...DEFAULT_WEDGE_OPTIONS, ...options })).toEqual(expected);
  });

  it('a silence of exactly the max keeps the burst open; a tick just after ends it', () => {
    let state: WedgeState = idleWedgeState();
    state = wedgeKeyDown(DEFAULT_WEDGE_OPTIONS, state, { ...usKey('2', 0), timeStamp: 100 }).state;
    expect(wedgeDeadline(DEFAULT_WEDGE_OPTIONS, state), '100 + 35').toBe(135);
    expect(wedgeTick(DEFAULT_WEDGE_OPTIONS, state, 135).outputs).toEqual([]);
    expect(wedgeTick(DEFAULT_WEDGE_OPTIONS, state, 135.1).outputs).toMatchObject([
      { kind: 'typed' },
    ]);
    expect(wedgeDeadline(DEFAULT_WEDGE_OPTIONS, idleWedgeState())).toBeUndefined();
  });
});

describe('wedgeKeyDown', () => {
  const ean = '2900010000015';

  it('13 digits at 5 ms and Enter: one scan at the Enter, every key swallowed', () => {
    let state: WedgeState = idleWedgeState();
    const outputs: WedgeOutput[] = [];
    const keys = [...burst(ean, 5), enter(5)];
    keys.forEach(({ gap: _, ...press }, i) => {
      const step = wedgeKeyDown(DEFAULT_WEDGE_OPTIONS, state, { ...press, timeStamp: i * 5 });
      expect(step.disposition, `key ${i} (${press.code})`).toBe('swallow');
      state = step.state;
      outputs.push(...step.outputs);
    });
    expect(outputs, 'Enter is key 13, at 13 × 5 ms').toMatchObject([
      { kind: 'scan', code: ean, at: 65 },
    ]);
    expect(outputs[0]?.events, 'the scan consumed all 14 keys').toHaveLength(14);
    expect(state).toEqual(idleWedgeState());
  });

  it('13 digits at 120 ms: each typed alone, no scan', () => {
    const log = run({ presses: [...burst(ean, 120), enter(120)] });
    expect(log).toEqual([...Array.from(ean).map((d) => `typed ${d}`), 'pass Enter']);
  });

  it('reads the physical key, not the layout: Russian ДЕ0010000001Ч scans as LT0010000001X', () => {
    const russian: Record<string, string> = { L: 'Д', T: 'Е', X: 'Ч' };
    const presses = burst('LT0010000001X', 4).map((p) => ({ ...p, key: russian[p.key] ?? p.key }));
    expect(run({ presses: [...presses, enter(4)] })).toEqual(['scan LT0010000001X']);
    expect(
      run({ presses: presses.map((p) => ({ ...p, gap: 150 })) }),
      'typed slowly, the person gets what their layout typed',
    ).toEqual(Array.from('ДЕ0010000001Ч').map((c) => `typed ${c}`));
  });

  it.each([
    ['KeyL', false, 'д', 'l'],
    ['KeyL', true, 'Д', 'L'],
    ['Digit2', false, 'é', '2'],
    ['Semicolon', true, 'Ж', ':'],
    ['BracketRight', false, 'ъ', ']'],
    ['Minus', false, '-', '-'],
    ['Numpad5', false, '5', '5'],
    ['NumpadDecimal', false, ',', '.'],
  ])('%s with Shift %s (layout types %j) scans as %j', (code, shiftKey, key, char) => {
    expect(wedgeCharacter(code, shiftKey)).toBe(char);
    const presses = [...burst('29000', 3), { code, key, shiftKey, gap: 3 }, enter(3)];
    expect(run({ presses })).toEqual([`scan 29000${char}`]);
  });

  it('Shift pressed alone between characters neither joins nor breaks a burst', () => {
    const presses = [shift(2), usKey('L', 2), shift(2), usKey('T', 2), ...burst('0010000001', 2)];
    expect(
      run({ presses: [...presses, shift(2), usKey('X', 2), enter(5)] }),
      'the first Shift came when nothing was held',
    ).toEqual(['pass ShiftLeft', 'scan LT0010000001X']);
    expect(
      run({ presses: [...presses, shift(20), usKey('X', 20), enter(5)] }),
      'the gap runs from the last character: 20 + 20 ms > 35 ms',
    ).toEqual(['pass ShiftLeft', 'typed L<Shift>T0010000001<Shift>', 'typed X', 'pass Enter']);
  });

  it('two scans back to back', () => {
    const presses = [...burst(ean, 3), enter(3), ...burst('LT0010000001X', 3), tab(3)];
    expect(run({ presses })).toEqual([`scan ${ean}`, 'scan LT0010000001X']);
  });

  it('keeps the AIM identifier ]E0 in the code; parseCardCode takes it off', () => {
    const log = run({ presses: [...burst(`]E0${ean}`, 3), enter(3)] });
    expect(log).toEqual([`scan ]E0${ean}`]);
    expect(parseCardCode(`]E0${ean}`, DEFAULT_CARD_CODE_SETTINGS)).toMatchObject({
      ok: true,
      value: { format: 'ean13', number: ean, symbology: { aimId: ']E0' } },
    });
  });

  it.each<[string, Press]>([
    ['Backspace', { code: 'Backspace', key: 'Backspace', shiftKey: false, gap: 5 }],
    ['Space', { code: 'Space', key: ' ', shiftKey: false, gap: 5 }],
    ['Ctrl+V', { code: 'KeyV', key: 'v', shiftKey: false, ctrlKey: true, gap: 5 }],
    ['a repeating held key', { code: 'Digit1', key: '1', shiftKey: false, repeat: true, gap: 5 }],
    ['a dead key', { code: 'BracketRight', key: 'Dead', shiftKey: false, gap: 5 }],
    ['an IME key', { code: 'KeyA', key: 'Process', shiftKey: false, isComposing: true, gap: 5 }],
    ['Numpad1 with Num Lock off', { code: 'Numpad1', key: 'End', shiftKey: false, gap: 5 }],
  ])('%s passes after the held keys are given back, and ends the burst', (_, press) => {
    const presses = [...burst('290', 5), press, ...burst('001', 5), enter(5)];
    expect(run({ presses })).toEqual([
      'typed 290',
      `pass ${press.code}`,
      'typed 001',
      'pass Enter',
    ]);
  });

  it('Tab is typing, not a terminator, when only Enter is configured', () => {
    const options = { ...DEFAULT_WEDGE_OPTIONS, terminators: ['Enter'] as const };
    expect(run({ presses: [...burst('290001', 5), tab(5)] }, options)).toEqual([
      'typed 290001',
      'pass Tab',
    ]);
    const numpadEnter: Press = { code: 'NumpadEnter', key: 'Enter', shiftKey: false, gap: 5 };
    expect(run({ presses: [...burst('290001', 5), numpadEnter] }, options)).toEqual([
      'scan 290001',
    ]);
  });

  it('a burst longer than ScanEvent allows is handed back, and the next key starts anew', () => {
    const long = 'x'.repeat(MAX_SCAN_LENGTH);
    const log = run({ presses: [...burst(long, 1), ...burst('290001', 1), enter(1)] });
    expect(log).toEqual([`typed ${long}`, 'scan 290001']);
  });

  it('wedgeFlush gives back whatever is held', () => {
    let state: WedgeState = idleWedgeState();
    for (const [i, { gap: _, ...press }] of burst('29', 5).entries()) {
      state = wedgeKeyDown(DEFAULT_WEDGE_OPTIONS, state, { ...press, timeStamp: i }).state;
    }
    const flushed = wedgeFlush(state);
    expect(flushed.outputs).toMatchObject([
      { kind: 'typed', events: [{ key: '2' }, { key: '9' }] },
    ]);
    expect(flushed.state).toEqual(idleWedgeState());
  });

  it.each<[string, Partial<WedgeOptions>]>([
    ['a zero gap', { maxGapMs: 0 }],
    ['an infinite gap', { maxGapMs: Infinity }],
    ['a zero minimum', { minLength: 0 }],
    ['a fractional minimum', { minLength: 5.5 }],
    ['no way to end a scan', { terminators: [], endOnTimeout: false }],
  ])('refuses options with %s', (_, options) => {
    expect(() => {
      checkWedgeOptions({ ...DEFAULT_WEDGE_OPTIONS, ...options });
    }).toThrow(RangeError);
  });
});

describe('wedgeKeyDown properties', () => {
  const alphabet = Array.from('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-:');
  const char = fc.constantFrom(...alphabet);
  const max = DEFAULT_WEDGE_OPTIONS.maxGapMs;
  const fastGap = fc.double({ min: 0, max, noNaN: true });
  const slowGap = fc.double({ min: max + 0.001, max: 5_000, noNaN: true });
  const otherKey = fc.constantFrom<Press>(
    enter(0),
    tab(0),
    shift(0),
    { code: 'Backspace', key: 'Backspace', shiftKey: false, gap: 0 },
    { code: 'Space', key: ' ', shiftKey: false, gap: 0 },
  );
  const anyKey = fc.oneof(
    { arbitrary: char.map((c) => usKey(c, 0)), weight: 4 },
    { arbitrary: otherKey, weight: 1 },
  );

  /** Feeds keys at the given gaps, then a late tick; returns what was delivered and scanned. */
  function feed(keys: readonly Press[], gaps: readonly number[]) {
    let state: WedgeState<WedgeKey & { readonly index: number }> = idleWedgeState();
    const delivered: number[] = [];
    const scans: string[] = [];
    const consumed: number[] = [];
    const take = (outputs: readonly WedgeOutput<WedgeKey & { readonly index: number }>[]) => {
      for (const o of outputs) {
        if (o.kind === 'scan') {
          scans.push(o.code);
          consumed.push(...o.events.map((e) => e.index));
        } else delivered.push(...o.events.map((e) => e.index));
      }
    };
    let now = START;
    keys.forEach(({ gap: _, ...press }, index) => {
      now += gaps[index] ?? 0;
      const step = wedgeKeyDown(DEFAULT_WEDGE_OPTIONS, state, { ...press, timeStamp: now, index });
      state = step.state;
      take(step.outputs);
      if (step.disposition === 'pass') delivered.push(index);
    });
    take(wedgeTick(DEFAULT_WEDGE_OPTIONS, state, now + max + 1).outputs);
    return { delivered, scans, consumed };
  }

  it('any 6–40 character code keyed at gaps ≤ max and ended by Enter scans as itself', () => {
    const scanned = fc
      .string({ unit: char, minLength: 6, maxLength: 40 })
      .chain((code) =>
        fc.tuple(
          fc.constant(code),
          fc.array(fastGap, { minLength: code.length + 1, maxLength: code.length + 1 }),
        ),
      );
    fc.assert(
      fc.property(scanned, ([code, gaps]) => {
        // A real scanner presses Shift before each upper-case letter and ':'.
        const keys = Array.from(code).flatMap((c) => {
          const key = usKey(c, 0);
          return key.shiftKey ? [shift(0), key] : [key];
        });
        const timed: number[] = [];
        let g = 0;
        for (const key of keys) timed.push(key.code === 'ShiftLeft' ? 0 : (gaps[g++] ?? 0));
        const result = feed([...keys, enter(0)], [...timed, gaps[code.length] ?? 0]);
        expect(result.scans).toEqual([code]);
        expect(
          result.delivered,
          'nothing reaches the page but a Shift pressed before the first character',
        ).toEqual(keys[0]?.code === 'ShiftLeft' ? [0] : []);
      }),
    );
  });

  it('keys all more than max apart: no scan, and every key is delivered once, in order', () => {
    const slow = fc
      .array(anyKey, { minLength: 1, maxLength: 60 })
      .chain((keys) =>
        fc.tuple(
          fc.constant(keys),
          fc.array(slowGap, { minLength: keys.length, maxLength: keys.length }),
        ),
      );
    fc.assert(
      fc.property(slow, ([keys, gaps]) => {
        const result = feed(keys, gaps);
        expect(result.scans).toEqual([]);
        expect(result.delivered).toEqual(keys.map((_, i) => i));
      }),
    );
  });

  it('at any timing, each key is delivered once in order or is part of a scan', () => {
    const mixed = fc
      .array(anyKey, { minLength: 1, maxLength: 80 })
      .chain((keys) =>
        fc.tuple(
          fc.constant(keys),
          fc.array(fc.oneof(fastGap, slowGap), { minLength: keys.length, maxLength: keys.length }),
        ),
      );
    fc.assert(
      fc.property(mixed, ([keys, gaps]) => {
        const { delivered, scans, consumed } = feed(keys, gaps);
        const inOrder = delivered.every((index, i) => i === 0 || index > (delivered[i - 1] ?? -1));
        expect(inOrder, `delivered ${delivered.join(',')}`).toBe(true);
        expect(
          [...delivered, ...consumed].sort((a, b) => a - b),
          `delivered ${delivered.join(',')} + consumed by scans ${consumed.join(',')}`,
        ).toEqual(keys.map((_, i) => i));
        for (const code of scans) expect(code.length).toBeGreaterThanOrEqual(6);
      }),
    );
  });
});
