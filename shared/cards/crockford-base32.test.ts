import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  canonicalCrockfordChar,
  crockfordValue,
  decodeCrockford,
  encodeCrockford,
} from './crockford-base32';

describe('Crockford base 32', () => {
  it('has 32 characters: the digits and the letters without I, L, O and U', () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.replace(/[ILOU]/g, '');
    expect(CROCKFORD_ALPHABET).toBe(`0123456789${letters}`);
  });

  // The value table of crockford-base32.ts, spot-checked at its ends and around the gaps.
  it.each([
    ['0', 0],
    ['9', 9],
    ['A', 10],
    ['H', 17],
    ['J', 18],
    ['K', 19],
    ['M', 20],
    ['N', 21],
    ['P', 22],
    ['T', 26],
    ['V', 27],
    ['Z', 31],
  ])('%s is worth %i', (char, value) => {
    expect(crockfordValue(char)).toBe(value);
  });

  // The look-alike table of crockford-base32.ts.
  it.each([
    ['a', 'A'],
    ['z', 'Z'],
    ['o', '0'],
    ['O', '0'],
    ['i', '1'],
    ['I', '1'],
    ['l', '1'],
    ['L', '1'],
    ['7', '7'],
  ])('reads a typed %j as %s', (typed, canonical) => {
    expect(canonicalCrockfordChar(typed)).toBe(canonical);
  });

  it.each(['u', 'U', '-', ' ', '*', '', 'AB', 'О' /* Cyrillic */, 'ı' /* dotless i */, 'ß'])(
    'refuses %j',
    (typed) => {
      expect(canonicalCrockfordChar(typed)).toBeUndefined();
      expect(crockfordValue(typed)).toBeUndefined();
    },
  );

  // The encoding table of encodeCrockford, the arithmetic in the message.
  it.each([
    [1, 3, '001', 1],
    [9_999, 3, '9RF', 9 * 32 ** 2 + 24 * 32 + 15],
    [12_345, 7, '0000C1S', 12 * 32 ** 2 + 1 * 32 + 25],
    [32 ** 7 - 1, 7, 'ZZZZZZZ', 31 * (32 ** 6 + 32 ** 5 + 32 ** 4 + 32 ** 3 + 32 ** 2 + 32 + 1)],
  ])('%i in %i characters is %s', (value, width, text, arithmetic) => {
    expect(arithmetic, 'the arithmetic column of the table').toBe(value);
    expect(encodeCrockford(value, width)).toBe(text);
    expect(decodeCrockford(text)).toBe(value);
  });

  it('round-trips every value that fits, and keeps the width (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.nat(), (width, seed) => {
        const value = seed % 32 ** Math.min(width, 6);
        const text = encodeCrockford(value, width);
        expect(text).toHaveLength(width);
        expect(decodeCrockford(text)).toBe(value);
      }),
    );
  });

  it('refuses what does not fit instead of cutting it', () => {
    expect(() => encodeCrockford(32 ** 3, 3)).toThrow('32768 does not fit in 3 base-32 characters');
    expect(() => encodeCrockford(-1, 3)).toThrow(RangeError);
    expect(() => encodeCrockford(1.5, 3)).toThrow(RangeError);
    expect(() => decodeCrockford('0O')).toThrow(RangeError);
  });
});
