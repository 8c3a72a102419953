import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_HLC_COUNTER,
  MAX_HLC_PHYSICAL_MS,
  compareHlcStamps,
  createHybridClock,
  describeHlcError,
  formatHlcStamp,
  isHlcStamp,
  parseHlcStamp,
  toHlcStamp,
} from './hybrid-logical-clock';
import type { HlcParts, HlcStamp, HybridClock } from './hybrid-logical-clock';

const DAY_MS = 86_400_000;
const T = 1_700_000_000_000;

const stamp = (physicalMs: number, counter: number, node = 'R1'): HlcStamp =>
  formatHlcStamp({ physicalMs, counter, node });

function partsOf(text: HlcStamp): [number, number] {
  const parsed = parseHlcStamp(text);
  if (!parsed.ok) throw new Error(describeHlcError(parsed.error));
  return [parsed.value.physicalMs, parsed.value.counter];
}

function received(clock: HybridClock, remote: HlcStamp): HlcStamp {
  const result = clock.receive(remote);
  if (!result.ok) throw new Error(describeHlcError(result.error));
  return result.value;
}

function expectStrictlyIncreasing(stamps: readonly HlcStamp[]): void {
  for (let i = 1; i < stamps.length; i++) {
    const [before, after] = [stamps[i - 1]!, stamps[i]!];
    expect(before < after, `stamp #${i - 1} ${before} must sort before #${i} ${after}`).toBe(true);
  }
}

const nodeArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,36}$/);
const partsArb: fc.Arbitrary<HlcParts> = fc.record({
  physicalMs: fc.integer({ min: 0, max: MAX_HLC_PHYSICAL_MS }),
  counter: fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
  node: nodeArb,
});

describe('stamp text', () => {
  it.each([
    [{ physicalMs: T, counter: 0, node: 'T01' }, '001700000000000-00000-T01'],
    [{ physicalMs: 0, counter: 42, node: 'a' }, '000000000000000-00042-a'],
    [
      { physicalMs: MAX_HLC_PHYSICAL_MS, counter: MAX_HLC_COUNTER, node: 'store_7-till-2' },
      '999999999999999-99999-store_7-till-2',
    ],
  ])('formats %o as %s and parses it back', (parts, text) => {
    expect(formatHlcStamp(parts)).toBe(text);
    expect(parseHlcStamp(text)).toEqual({ ok: true, value: parts });
    expect(isHlcStamp(text)).toBe(true);
  });

  it('round-trips any parts', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const text = formatHlcStamp(parts);
        expect(parseHlcStamp(text)).toEqual({ ok: true, value: parts });
        expect(isHlcStamp(text)).toBe(true);
      }),
    );
  });

  // isHlcStamp is parseHlcStamp's quick yes or no: it must never say otherwise.
  it('answers as parseHlcStamp does for stamps with any one character changed, and any text', () => {
    const edited = fc
      .tuple(partsArb, fc.nat(), fc.string({ minLength: 0, maxLength: 2, unit: 'binary' }))
      .map(([parts, at, replacement]) => {
        const text = formatHlcStamp(parts);
        const i = at % (text.length + 1);
        return text.slice(0, i) + replacement + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(edited, fc.string({ unit: 'binary' })), (text) => {
        expect(isHlcStamp(text)).toBe(parseHlcStamp(text).ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts as text exactly as (physical, counter, node) compare', () => {
    const byParts = (a: HlcParts, b: HlcParts): number =>
      a.physicalMs !== b.physicalMs
        ? Math.sign(a.physicalMs - b.physicalMs)
        : a.counter !== b.counter
          ? Math.sign(a.counter - b.counter)
          : a.node < b.node
            ? -1
            : a.node > b.node
              ? 1
              : 0;
    // Near values collide often, so that equal physical times and counters are exercised.
    const nearParts = fc.record({
      physicalMs: fc.oneof(
        fc.integer({ min: T, max: T + 2 }),
        partsArb.map((p) => p.physicalMs),
      ),
      counter: fc.oneof(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
      ),
      node: fc.oneof(fc.constantFrom('T', 'T0', 'T-', 'T_', 't', 'T01'), nodeArb),
    });
    fc.assert(
      fc.property(nearParts, nearParts, (a, b) => {
        const [sa, sb] = [formatHlcStamp(a), formatHlcStamp(b)];
        expect(compareHlcStamps(sa, sb)).toBe(byParts(a, b));
        expect(sa < sb).toBe(byParts(a, b) < 0);
      }),
      { numRuns: 1_000 },
    );
  });

  it.each([
    ['', /expected 15 digits of epoch ms/],
    ['garbage', /expected 15 digits/],
    ['1700000000000-00000-T01', /expected 15 digits/],
    ['001700000000000-0000-T01', /expected 15 digits/],
    ['001700000000000-000000-T01', /5 digits of counter/],
    ['001700000000000_00000_T01', /expected 15 digits/],
    ['00170000000000a-00000-T01', /expected 15 digits/],
    ['٠٠١٧٠٠٠٠٠٠٠٠٠٠٠-00000-T01', /expected 15 digits/],
    ['001700000000000-00000-', /node "" must be 1–36/],
    ['001700000000000-00000-T 01', /node "T 01" must be/],
    ['001700000000000-00000-Касса1', /node "Касса1" must be/],
    ['001700000000000-00000-T01\n', /node "T01\\n" must be/],
    [`001700000000000-00000-${'x'.repeat(37)}`, /must be 1–36/],
  ])('refuses %j, saying why', (text, why) => {
    const parsed = parseHlcStamp(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ kind: 'malformed', text });
    expect(describeHlcError(parsed.error)).toMatch(/^Not a clock stamp: /);
    expect(describeHlcError(parsed.error)).toMatch(why);
    expect(toHlcStamp(text).ok).toBe(false);
    expect(isHlcStamp(text)).toBe(false);
  });

  it('brands checked text', () => {
    expect(toHlcStamp('001700000000000-00000-T01')).toEqual({
      ok: true,
      value: '001700000000000-00000-T01',
    });
  });

  it.each([
    { physicalMs: -1, counter: 0, node: 'T' },
    { physicalMs: MAX_HLC_PHYSICAL_MS + 1, counter: 0, node: 'T' },
    { physicalMs: 1.5, counter: 0, node: 'T' },
    { physicalMs: 0, counter: MAX_HLC_COUNTER + 1, node: 'T' },
    { physicalMs: 0, counter: 0, node: '' },
    { physicalMs: 0, counter: 0, node: 'a/b' },
  ])('refuses to format out-of-range parts %o', (parts) => {
    expect(() => formatHlcStamp(parts)).toThrow(RangeError);
  });
});

describe('createHybridClock', () => {
  /** A clock on node L whose state is (l, c) and whose wall clock reads `now`. */
  const clockAt = (l: number, c: number, now: number) =>
    createHybridClock({
      node: 'L',
      now: () => now,
      maxForwardDriftMs: DAY_MS,
      after: stamp(l, c, 'L'),
    });

  // The worked-example table of createHybridClock.
  it.each([
    { state: [1000, 3], now: 1005, remote: null, result: [1005, 0] },
    { state: [1000, 3], now: 1000, remote: null, result: [1000, 4] },
    { state: [1000, 3], now: 990, remote: null, result: [1000, 4] },
    { state: [1000, 99_999], now: 1000, remote: null, result: [1001, 0] },
    { state: [1000, 3], now: 1000, remote: [1000, 7], result: [1000, 8] },
    { state: [1000, 3], now: 1000, remote: [1200, 7], result: [1200, 8] },
    { state: [1000, 3], now: 1500, remote: [1200, 7], result: [1500, 0] },
    { state: [1000, 3], now: 990, remote: [999, 50], result: [1000, 4] },
  ])('state $state, clock $now, remote $remote → $result', ({ state, now, remote, result }) => {
    const clock = clockAt(state[0]!, state[1]!, now);
    const next = remote ? received(clock, stamp(remote[0]!, remote[1]!)) : clock.tick();
    expect(partsOf(next)).toEqual(result);
  });

  it('keeps 10 000 stamps in strict order under a frozen clock', () => {
    const clock = createHybridClock({ node: 'T01', now: () => T, maxForwardDriftMs: DAY_MS });
    const stamps = Array.from({ length: 10_000 }, clock.tick);
    expectStrictlyIncreasing(stamps);
    expect(partsOf(stamps.at(-1)!)).toEqual([T, 9_999]);
  });

  it('carries a counter overflow into the physical time and keeps order', () => {
    const clock = createHybridClock({ node: 'T01', now: () => T, maxForwardDriftMs: DAY_MS });
    const stamps = Array.from({ length: MAX_HLC_COUNTER + 3 }, clock.tick);
    expectStrictlyIncreasing(stamps);
    // Counter 0 … 99 999 at T, then the overflow moves on to (T + 1, 0), (T + 1, 1).
    expect(stamps.slice(-3).map(partsOf)).toEqual([
      [T, MAX_HLC_COUNTER],
      [T + 1, 0],
      [T + 1, 1],
    ]);
  });

  it('keeps stamps in strict order when the clock steps back by a day', () => {
    let wall = T;
    const clock = createHybridClock({ node: 'T01', now: () => wall, maxForwardDriftMs: DAY_MS });
    const stamps: HlcStamp[] = [];
    for (let i = 0; i < 10_000; i++) {
      wall += i === 5_000 ? -DAY_MS : 1;
      stamps.push(clock.tick());
    }
    expectStrictlyIncreasing(stamps);
    // After the step the physical part stays at the last time seen (T + 5 000) and the
    // counter counts the 5 000 ticks since.
    expect(partsOf(stamps.at(-1)!)).toEqual([T + 5_000, 5_000]);
  });

  it('continues after a stamp issued before a restart even if the clock was set back', () => {
    const before = stamp(T + 60_000, 12, 'T01');
    const clock = createHybridClock({
      node: 'T01',
      now: () => T,
      maxForwardDriftMs: DAY_MS,
      after: before,
    });
    expect(partsOf(clock.tick())).toEqual([T + 60_000, 13]);
  });

  it('orders a receipt after both the remote and the local stamps', () => {
    const local = createHybridClock({ node: 'A', now: () => T, maxForwardDriftMs: DAY_MS });
    const mine = local.tick();
    const remote = stamp(T + 10, 4, 'B');
    const merged = received(local, remote);
    expect(merged > mine && merged > remote, `${merged} > ${mine} and > ${remote}`).toBe(true);
    expect(local.tick() > merged).toBe(true);
  });

  it('refuses a stamp too far ahead of its own clock, with the numbers, and stays unchanged', () => {
    const clock = createHybridClock({ node: 'A', now: () => T, maxForwardDriftMs: 60_000 });
    const before = clock.tick();
    const fromTheFuture = stamp(T + 365 * DAY_MS, 0, 'B');
    expect(clock.receive(fromTheFuture)).toEqual({
      ok: false,
      error: {
        kind: 'too-far-in-future',
        remote: fromTheFuture,
        remotePhysicalMs: T + 365 * DAY_MS,
        localPhysicalMs: T,
        aheadByMs: 365 * DAY_MS,
        maxForwardDriftMs: 60_000,
      },
    });
    expect(partsOf(clock.tick())).toEqual([T, 1]);
    expect(before).toBe(stamp(T, 0, 'A'));
  });

  it('accepts a stamp exactly at the drift limit and refuses 1 ms more', () => {
    const clock = createHybridClock({ node: 'A', now: () => T, maxForwardDriftMs: 60_000 });
    expect(clock.receive(stamp(T + 60_000, 0)).ok).toBe(true);
    expect(clock.receive(stamp(T + 60_001, 0)).ok).toBe(false);
  });

  it('explains a refused stamp so that someone can fix the sending terminal', () => {
    const clock = createHybridClock({ node: 'A', now: () => T, maxForwardDriftMs: 60_000 });
    const result = clock.receive(stamp(T + 90_000, 0, 'B'));
    expect(result.ok ? '' : describeHlcError(result.error)).toBe(
      "Refused clock stamp 001700000090000-00000-B: it is 90000 ms ahead of this terminal's " +
        'clock (1700000000000), more than the allowed 60000 ms. ' +
        'Check the date and time of the terminal that sent it.',
    );
  });

  it('refuses a malformed remote stamp that slipped past the type', () => {
    const clock = createHybridClock({ node: 'A', now: () => T, maxForwardDriftMs: DAY_MS });
    const result = clock.receive('yesterday' as HlcStamp);
    expect(result.ok ? null : result.error.kind).toBe('malformed');
  });

  it.each(['', 'T 1', 'x'.repeat(37)])('refuses the node id %j', (node) => {
    expect(() => createHybridClock({ node, now: () => T, maxForwardDriftMs: DAY_MS })).toThrow(
      /must be 1–36 letters/,
    );
  });
});

describe('three terminals with skewed clocks', () => {
  type Command =
    | { readonly type: 'tick'; readonly at: number }
    | { readonly type: 'send'; readonly from: number; readonly to: number }
    | { readonly type: 'replay'; readonly to: number; readonly pick: number }
    | { readonly type: 'wall'; readonly at: number; readonly ms: number };

  const terminal = fc.integer({ min: 0, max: 2 });
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant('tick' as const), at: terminal }),
    fc.record({ type: fc.constant('send' as const), from: terminal, to: terminal }),
    // An old message delivered late or twice.
    fc.record({ type: fc.constant('replay' as const), to: terminal, pick: fc.nat() }),
    // The wall clock moves on, stands still or goes back.
    fc.record({
      type: fc.constant('wall' as const),
      at: terminal,
      ms: fc.integer({ min: -10_000, max: 10_000 }),
    }),
  );
  const commands = fc.array(command, { maxLength: 300, size: 'max' });
  const skews = fc.tuple(
    ...[0, 1, 2].map(() => fc.integer({ min: -DAY_MS, max: DAY_MS })),
  ) as fc.Arbitrary<[number, number, number]>;

  /**
   * Runs the commands; checks that each clock's stamps increase strictly and that a receipt
   * is later than the stamp received. Returns how many stamps were refused.
   */
  function run(skew: readonly number[], commands: readonly Command[], maxForwardDriftMs: number) {
    const walls = skew.map((s) => T + s);
    const clocks = walls.map((_, i) =>
      createHybridClock({ node: `T${i}`, now: () => walls[i]!, maxForwardDriftMs }),
    );
    const issued: HlcStamp[][] = clocks.map(() => []);
    const everything: HlcStamp[] = [];
    let refused = 0;
    const record = (i: number, s: HlcStamp) => {
      const previous = issued[i]!.at(-1);
      expect(previous === undefined || previous < s, `T${i}: ${previous} < ${s}`).toBe(true);
      issued[i]!.push(s);
      everything.push(s);
    };
    const deliver = (to: number, remote: HlcStamp) => {
      const result = clocks[to]!.receive(remote);
      const ahead = partsOf(remote)[0] - walls[to]!;
      if (!result.ok) {
        expect(result.error).toMatchObject({ kind: 'too-far-in-future', aheadByMs: ahead });
        expect(ahead).toBeGreaterThan(maxForwardDriftMs);
        refused += 1;
        return;
      }
      expect(ahead).toBeLessThanOrEqual(maxForwardDriftMs);
      expect(remote < result.value, `received ${remote} < receipt ${result.value}`).toBe(true);
      record(to, result.value);
    };
    for (const c of commands) {
      switch (c.type) {
        case 'tick':
          record(c.at, clocks[c.at]!.tick());
          break;
        case 'send': {
          const sent = clocks[c.from]!.tick();
          record(c.from, sent);
          deliver(c.to, sent);
          break;
        }
        case 'replay':
          if (everything.length > 0) deliver(c.to, everything[c.pick % everything.length]!);
          break;
        case 'wall':
          walls[c.at] = walls[c.at]! + c.ms;
          break;
      }
    }
    return refused;
  }

  it('keeps every clock increasing and every receipt after the message (all accepted)', () => {
    fc.assert(
      fc.property(skews, commands, (skew, list) => {
        // Skews differ by at most 2 days, walls drift ≤ 3 000 000 ms: nothing is refused.
        expect(run(skew, list, 3 * DAY_MS)).toBe(0);
      }),
    );
  });

  it('keeps the same guarantees when stamps from clocks far ahead are refused', () => {
    let refusedInAllRuns = 0;
    fc.assert(
      fc.property(skews, commands, (skew, list) => {
        refusedInAllRuns += run(skew, list, 60 * 60_000);
      }),
    );
    // With skews of up to ±1 day and a limit of 1 hour, refusals must have been exercised.
    expect(refusedInAllRuns).toBeGreaterThan(0);
  });
});
