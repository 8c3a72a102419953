import { randomFillSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_UUIDV7_MILLIS,
  createIdGenerator,
  isUuidV7,
  uuidv7,
  uuidv7Floor,
  uuidv7Millis,
} from './uuidv7';
import type { RandomBytes } from './uuidv7';

const cryptoRandom: RandomBytes = (length) => randomFillSync(new Uint8Array(length));

/** Random bytes whose first two bytes (the counter seed) are `seed`, the rest `fill`. */
function fixedRandom(seed: number, fill = 0xa5): RandomBytes {
  return (length) => {
    const bytes = new Uint8Array(length).fill(fill);
    bytes[0] = seed >> 8;
    bytes[1] = seed & 0xff;
    return bytes;
  };
}

/** The 12-bit rand_a field, which createIdGenerator uses as its counter. */
function counterOf(id: string): number {
  return Number.parseInt(id.slice(15, 18), 16);
}

function expectStrictlyIncreasing(ids: readonly string[]): void {
  for (let i = 1; i < ids.length; i++) {
    const [before, after] = [ids[i - 1]!, ids[i]!];
    expect(before < after, `id #${i - 1} ${before} must sort before id #${i} ${after}`).toBe(true);
  }
}

describe('uuidv7', () => {
  it.each([
    [0, '00000000-0000-7'],
    [1, '00000000-0001-7'],
    [1_700_000_000_000, '018bcfe5-6800-7'],
    [MAX_UUIDV7_MILLIS, 'ffffffff-ffff-7'],
  ])('puts %i ms into the first 48 bits: %s…', (ms, prefix) => {
    const id = uuidv7(ms, cryptoRandom);
    expect(id.startsWith(prefix)).toBe(true);
    expect(isUuidV7(id)).toBe(true);
    expect(uuidv7Millis(id)).toBe(ms);
  });

  it.each([
    [0x00, '00000000-0000-7000-8000-000000000000'],
    [0xff, '00000000-0000-7fff-bfff-ffffffffffff'],
  ])('sets version 7 and variant 10 whatever the random bytes (all 0x%s)', (byte, expected) => {
    expect(uuidv7(0, () => new Uint8Array(10).fill(byte))).toBe(expected);
  });

  it('round-trips the timestamp and keeps 74 random bits for any time and bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_UUIDV7_MILLIS }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, bytes) => {
          const id = uuidv7(ms, () => bytes);
          expect(isUuidV7(id)).toBe(true);
          expect(uuidv7Millis(id)).toBe(ms);
          const hex = id.replaceAll('-', '');
          expect(Number.parseInt(hex.slice(12, 13), 16)).toBe(7);
          expect(Number.parseInt(hex.slice(16, 17), 16) >> 2).toBe(0b10);
          // rand_a = low 12 bits of bytes 0–1; rand_b = low 6 bits of byte 2, then bytes 3–9.
          expect(counterOf(id)).toBe(((bytes[0]! << 8) | bytes[1]!) & 0xfff);
          expect(Number.parseInt(hex.slice(16, 18), 16) & 0x3f).toBe(bytes[2]! & 0x3f);
          expect(hex.slice(18)).toBe(Buffer.from(bytes.subarray(3)).toString('hex'));
        },
      ),
    );
  });

  it.each([-1, 1.5, Number.NaN, MAX_UUIDV7_MILLIS + 1])('refuses the time %s', (ms) => {
    expect(() => uuidv7(ms, cryptoRandom)).toThrow(RangeError);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => uuidv7(0, () => new Uint8Array(4))).toThrow(/4 bytes, 10 were asked/);
  });
});

describe('createIdGenerator', () => {
  /** A generator whose last id was (lastMs, counter), next seed `nextSeed`. */
  function generatorAfter(lastMs: number, counter: number, clock: number, nextSeed: number) {
    let seed = Math.min(counter, 0x7ff);
    let now = lastMs;
    const next = createIdGenerator({
      now: () => now,
      randomBytes: (length) => fixedRandom(seed)(length),
    });
    let last = next();
    while (counterOf(last) < counter) last = next();
    expect([uuidv7Millis(last), counterOf(last)]).toEqual([lastMs, counter]);
    seed = nextSeed;
    now = clock;
    return next;
  }

  // The worked-example table of createIdGenerator; "random seed" is 0x2aa here.
  it.each([
    { last: [1000, 5], clock: 1001, next: [1001, 0x2aa] },
    { last: [1000, 5], clock: 1000, next: [1000, 6] },
    { last: [1000, 5], clock: 990, next: [1000, 6] },
    { last: [1000, 4095], clock: 1000, next: [1001, 0x2aa] },
  ])('after $last at clock $clock the next id is $next', ({ last, clock, next }) => {
    const generate = generatorAfter(last[0]!, last[1]!, clock, 0x2aa);
    const id = generate();
    expect([uuidv7Millis(id), counterOf(id)]).toEqual(next);
  });

  it('seeds a new millisecond with 11 random bits, leaving room for 2 048 increments', () => {
    const id = createIdGenerator({ now: () => 5, randomBytes: fixedRandom(0xffff) })();
    expect(counterOf(id)).toBe(0x7ff);
  });

  it('keeps 10 000 ids from a frozen clock in strict order, borrowing few milliseconds', () => {
    const frozen = 1_700_000_000_000;
    const next = createIdGenerator({ now: () => frozen, randomBytes: cryptoRandom });
    const ids = Array.from({ length: 10_000 }, next);
    expectStrictlyIncreasing(ids);
    expect(ids.every(isUuidV7)).toBe(true);
    // Each millisecond holds at least 2 048 ids, so 10 000 ids borrow at most 4 ms.
    const lastMs = uuidv7Millis(ids.at(-1)!);
    expect(lastMs - frozen).toBeGreaterThanOrEqual(0);
    expect(lastMs - frozen).toBeLessThanOrEqual(4);
  });

  it('keeps 10 000 ids in strict order when the clock steps back by an hour halfway', () => {
    const start = 1_700_000_000_000;
    let calls = 0;
    const now = () => {
      calls += 1;
      return calls <= 5_000 ? start + calls : start + calls - 3_600_000;
    };
    const ids = Array.from(
      { length: 10_000 },
      createIdGenerator({ now, randomBytes: cryptoRandom }),
    );
    expectStrictlyIncreasing(ids);
    // While the clock is behind, ids keep (about) the last millisecond seen before the step.
    expect(uuidv7Millis(ids.at(-1)!)).toBeGreaterThanOrEqual(start + 5_000);
    expect(uuidv7Millis(ids.at(-1)!)).toBeLessThan(start + 5_010);
  });

  it('keeps ids in strict order for any sequence of clock readings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 3_000 }),
        (readings) => {
          let i = 0;
          const next = createIdGenerator({
            now: () => 1_700_000_000_000 + readings[i++ % readings.length]!,
            randomBytes: cryptoRandom,
          });
          expectStrictlyIncreasing(Array.from({ length: readings.length }, next));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('never gives an id a time before the clock reading it was made at', () => {
    let clock = 1_000;
    const next = createIdGenerator({ now: () => clock, randomBytes: cryptoRandom });
    for (const step of [0, 1, 0, 7, -5, 0, 30]) {
      clock += step;
      expect(uuidv7Millis(next())).toBeGreaterThanOrEqual(clock);
    }
  });

  it('refuses a clock that returns a fraction', () => {
    const next = createIdGenerator({ now: () => 1.5, randomBytes: cryptoRandom });
    expect(next).toThrow(RangeError);
  });
});

describe('isUuidV7 and uuidv7Millis', () => {
  it.each([
    ['a v4 uuid', randomUUID()],
    ['a v4 uuid, fixed', '9b2f7c1e-3d4a-4f6b-8c9d-0e1f2a3b4c5d'],
    ['a v1 uuid', 'c232ab00-9414-11ec-b3c8-9f6bdeced846'],
    ['the nil uuid', '00000000-0000-0000-0000-000000000000'],
    ['the max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ['variant 110 (Microsoft)', '018bcfe5-6800-7000-c000-000000000000'],
    ['variant 0 (NCS)', '018bcfe5-6800-7000-0000-000000000000'],
    ['upper case', '018BCFE5-6800-7ABC-8000-000000000000'],
    ['no hyphens', '018bcfe568007abc8000000000000000'],
    ['braces', '{018bcfe5-6800-7abc-8000-000000000000}'],
    ['a trailing newline', '018bcfe5-6800-7abc-8000-000000000000\n'],
    ['too short', '018bcfe5-6800-7abc-8000-00000000000'],
    ['not hex', '018bcfe5-6800-7abc-8000-00000000000g'],
    ['empty', ''],
    ['garbage', 'not-a-uuid'],
  ])('rejects %s', (_what, text) => {
    expect(isUuidV7(text)).toBe(false);
    expect(() => uuidv7Millis(text)).toThrow(/Not a UUIDv7/);
  });

  it('accepts the RFC 9562 appendix A.6 example', () => {
    const example = '017f22e2-79b0-7cc3-98c4-dc0c0c07398f';
    expect(isUuidV7(example)).toBe(true);
    // Tuesday, February 22, 2022 2:22:22.00 PM GMT-05:00
    expect(uuidv7Millis(example)).toBe(Date.UTC(2022, 1, 22, 19, 22, 22));
  });
});

describe('uuidv7Floor', () => {
  it('sorts below every id made at that millisecond and above every id made before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 47 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, bytes) => {
          const id = uuidv7(ms, () => bytes);
          const earlier = uuidv7(ms - 1, () => bytes);
          expect(uuidv7Floor(ms) <= id).toBe(true);
          expect(earlier < uuidv7Floor(ms)).toBe(true);
        },
      ),
    );
  });
});
