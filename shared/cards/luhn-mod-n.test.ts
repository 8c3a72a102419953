import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from './crockford-base32';
import { hasValidLuhnModNCheck, luhnModNCheckValue } from './luhn-mod-n';

const base32 = (text: string): number[] =>
  text.split('').map((char) => CROCKFORD_ALPHABET.indexOf(char));
const decimal = (text: string): number[] => text.split('').map(Number);

/** Digit sum of a doubled value in base n: 62 → 1 + 30 in base 32. */
const doubled = (value: number, n: number): number =>
  Math.floor((2 * value) / n) + ((2 * value) % n);

describe('Luhn mod N', () => {
  // The worked-example table of luhn-mod-n.ts.
  it.each([
    [10, '7992739871', 67, 3, decimal],
    [32, '0000000001', 2, 30, base32],
    [32, '0010000001', 3, 29, base32],
    [32, 'ZZZZZZZZZZ', 310, 10, base32],
  ])('N = %i, %s: sum %i → check %i', (n, text, sum, check, values) => {
    expect((n - (sum % n)) % n, 'the arithmetic of the table').toBe(check);
    expect(luhnModNCheckValue(values(text), n), `(${n} − ${sum} mod ${n}) mod ${n}`).toBe(check);
    expect(hasValidLuhnModNCheck([...values(text), check], n)).toBe(true);
  });

  const values32 = fc.array(fc.nat(31), { minLength: 1, maxLength: 16 });

  it('accepts what it generates and refuses every single changed value (property)', () => {
    fc.assert(
      fc.property(values32, fc.nat(), fc.integer({ min: 1, max: 31 }), (values, at, shift) => {
        const full = [...values, luhnModNCheckValue(values, 32)];
        expect(hasValidLuhnModNCheck(full, 32)).toBe(true);
        const i = at % full.length;
        const changed = full.map((value, j) => (j === i ? (value + shift) % 32 : value));
        expect(hasValidLuhnModNCheck(changed, 32), `${full.join(',')} → ${changed.join(',')}`).toBe(
          false,
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    [32, [[0, 31]]],
    [10, [[0, 9]]],
  ])(
    'N = %i: the only swap of neighbours it misses is %j (tried for every pair and parity)',
    (n, missed) => {
      const found: number[][] = [];
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          // In [a, b, check] b is doubled; in [a, b, 0, check] a is. Swap a and b in each.
          const pairs = [
            [a, b],
            [a, b, 0],
          ].map((values) => {
            const full = [...values, luhnModNCheckValue(values, n)];
            return hasValidLuhnModNCheck([b, a, ...full.slice(2)], n);
          });
          expect(pairs[0], `${a}+dbl(${b}) vs ${b}+dbl(${a}), either parity`).toBe(pairs[1]);
          if (pairs[0]) found.push([a, b]);
        }
      }
      expect(found).toEqual(missed);
    },
  );

  it('misses twin errors aa ↔ bb for 11 of the 496 pairs when N = 32, as the comment says', () => {
    let missed = 0;
    for (let a = 0; a < 32; a++) {
      for (let b = a + 1; b < 32; b++) {
        if ((a + doubled(a, 32)) % 32 === (b + doubled(b, 32)) % 32) missed += 1;
      }
    }
    expect(missed).toBe(11);
    // `11` and `PP` (P = 22): 1 + 2 = 3 and 22 + (44 → 1 + 12) = 35 ≡ 3 (mod 32).
    expect(luhnModNCheckValue(base32('11'), 32)).toBe(luhnModNCheckValue(base32('PP'), 32));
  });

  it('refuses an odd N and values outside 0…N−1', () => {
    expect(() => luhnModNCheckValue([1, 2], 31)).toThrow(RangeError);
    expect(() => luhnModNCheckValue([1, 32], 32)).toThrow(
      'Luhn mod 32 takes values 0…31, got 32 at 1',
    );
    expect(() => luhnModNCheckValue([-1], 32)).toThrow(RangeError);
    expect(hasValidLuhnModNCheck([], 32)).toBe(false);
  });
});
