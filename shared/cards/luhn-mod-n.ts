/**
 * The Luhn mod N algorithm: Luhn's credit-card check generalised to an alphabet of N
 * characters, here applied to the values 0…N−1 of those characters.
 *
 * From the rightmost value leftwards, every other value is doubled, starting with the
 * rightmost one when computing a check (it will sit left of the check value), and a doubled
 * value d becomes ⌊d / N⌋ + d mod N (its two base-N digits added). The check value makes the
 * total ≡ 0 (mod N): check = (N − sum mod N) mod N. Validation sums the values with the check
 * the same way, starting undoubled at the check, and wants 0 (mod N).
 *
 * | N  | values (as text) | sum, doubled values as d→digit sum                                | check  |
 * |----|------------------|-------------------------------------------------------------------|--------|
 * | 10 | `7992739871`     | 7 + 18→9 + 9 + 4 + 7 + 6 + 9 + 16→7 + 7 + 2 = 67; 67 mod 10 = 7  | 3      |
 * | 32 | `0000000001`     | 2 = 2                                                             | 30 `Y` |
 * | 32 | `0010000001`     | 1 + 2 = 3                                                         | 29 `X` |
 * | 32 | `ZZZZZZZZZZ`     | 5 × 31 + 5 × (62→1+30) = 310; 310 mod 32 = 22                     | 10 `A` |
 *
 * What it detects, for even N (here 32):
 * - every single wrong character: doubling x ↦ ⌊2x/N⌋ + 2x mod N maps 0…N/2−1 to the even
 *   and N/2…N−1 to the odd values, a permutation, so one changed value always changes the sum;
 * - every swap of two neighbouring different characters a, b, except one pair: the swap is
 *   missed exactly when a + dbl(b) ≡ b + dbl(a) (mod N), and dbl(x) − x is x for x < N/2 and
 *   x + 1 − N for x ≥ N/2, which coincide only for {0, N−1}. For N = 10 that is Luhn's known
 *   blind spot 09 ↔ 90; for N = 32 it is `0Z` ↔ `Z0` in Crockford's alphabet.
 *
 * Not detected (stated so nobody relies on it): swaps across one character (abc ↔ cba, the
 * two weigh the same), twin errors aa ↔ bb for 11 of the 496 pairs when N = 32, and most
 * errors in two or more places.
 */

/** Check value (0…n−1) to append to `values` (each 0…n−1). */
export function luhnModNCheckValue(values: readonly number[], n: number): number {
  const sum = weightedSum(values, n, true);
  return (n - (sum % n)) % n;
}

/** True when the last value is the Luhn mod N check value of the ones before it. */
export function hasValidLuhnModNCheck(valuesWithCheck: readonly number[], n: number): boolean {
  return valuesWithCheck.length > 0 && weightedSum(valuesWithCheck, n, false) % n === 0;
}

/** Doubles every other value from the right, the rightmost one first if `doubleRightmost`. */
function weightedSum(values: readonly number[], n: number, doubleRightmost: boolean): number {
  if (!Number.isSafeInteger(n) || n < 2 || n % 2 !== 0) {
    throw new RangeError(`Luhn mod N needs an even N ≥ 2, got ${n}`);
  }
  let sum = 0;
  let double = doubleRightmost;
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i] ?? -1;
    if (!Number.isSafeInteger(value) || value < 0 || value >= n) {
      throw new RangeError(`Luhn mod ${n} takes values 0…${n - 1}, got ${value} at ${i}`);
    }
    const addend = double ? 2 * value : value;
    sum += Math.floor(addend / n) + (addend % n);
    double = !double;
  }
  return sum;
}
