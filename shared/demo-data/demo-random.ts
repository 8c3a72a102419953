/**
 * The demo data's only source of randomness: a small seeded generator (mulberry32), one
 * stream per customer, derived from (seed, customer index). Every customer's data depends
 * only on the seed and its own index, so the same seed gives the same rows however the work
 * is cut into chunks, and a chunk can be generated on its own.
 */
export type DemoRandom = {
  /** A 32-bit unsigned integer. */
  readonly uint32: () => number;
  /** An integer from `min` to `max`, both included. */
  readonly int: (min: number, max: number) => number;
  /** True with probability `p` (0–1). */
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(items: readonly T[]) => T;
  /** `length` bytes, for the UUIDv7 generator's random fields. */
  readonly bytes: (length: number) => Uint8Array;
};

/** The stream of customer `index` under `seed`. */
export function customerRandom(seed: number, index: number): DemoRandom {
  return demoRandom(mix32(mix32(seed >>> 0) ^ (index >>> 0)) ^ Math.floor(index / 2 ** 32));
}

export function demoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const uint32 = (): number => {
    // mulberry32 (Tommy Ettinger): full 2^32 period, good enough for demo data, not secret.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (min: number, max: number): number =>
    min + Math.floor((uint32() / 2 ** 32) * (max - min + 1));
  return {
    uint32,
    int,
    chance: (p) => uint32() / 2 ** 32 < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 4) {
        const word = uint32();
        for (let b = 0; b < 4 && i + b < length; b++) out[i + b] = (word >>> (8 * b)) & 0xff;
      }
      return out;
    },
  };
}

/** A 32-bit integer hash (the finaliser of MurmurHash3): nearby inputs give unrelated outputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
