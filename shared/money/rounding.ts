import { money, points, FULL_RATE } from './money';
import type { BasisPoints, Money, Points } from './money';

/**
 * How a fraction becomes an integer. Named, never implicit:
 * - `down`: towards minus infinity (floor). Accrual uses it: the customer never gets a
 *   fraction of a point that was not earned.
 * - `up`: towards plus infinity (ceiling). Reversals on refunds use it, so splitting a
 *   refund into many small ones can never keep a point.
 * - `half-up`: to the nearest integer, halves upwards (floor(x + 1/2)).
 *
 * | value       | down | up | half-up |
 * |-------------|------|----|---------|
 * | 119         | 119  | 119| 119     |
 * | 59.5        | 59   | 60 | 60      |
 * | 59.49       | 59   | 60 | 59      |
 * | −0.5        | −1   | 0  | 0       |
 */
export type Rounding = 'down' | 'up' | 'half-up';

/**
 * value × numerator ÷ denominator, rounded as asked, computed exactly with BigInt so that no
 * intermediate product loses precision. Throws if the result is not a safe integer.
 */
export function mulDiv(
  value: number,
  numerator: number,
  denominator: number,
  rounding: Rounding,
): number {
  for (const [name, n] of [
    ['value', value],
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isSafeInteger(n))
      throw new RangeError(`mulDiv: ${name} must be a safe integer, got ${n}`);
  }
  if (denominator === 0) throw new RangeError('mulDiv: denominator must not be zero');
  return divideBig(BigInt(value) * BigInt(numerator), BigInt(denominator), rounding);
}

/** Exact rounded division of big integers; the shared core of every rounding in the domain. */
export function divideBig(dividend: bigint, divisor: bigint, rounding: Rounding): number {
  if (divisor === 0n) throw new RangeError('divideBig: divisor must not be zero');
  if (divisor < 0n) {
    dividend = -dividend;
    divisor = -divisor;
  }
  const floor = floorDiv(dividend, divisor);
  let result: bigint;
  switch (rounding) {
    case 'down':
      result = floor;
      break;
    case 'up':
      result = floor * divisor === dividend ? floor : floor + 1n;
      break;
    case 'half-up':
      result = floorDiv(2n * dividend + divisor, 2n * divisor);
      break;
  }
  const n = Number(result);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`rounded result ${result} is not a safe integer`);
  return n === 0 ? 0 : n;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b; // truncates towards zero
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * A share of an amount: amount × rate ÷ 100 %.
 *
 * | amount      | rate   | rounding | result     |
 * |-------------|--------|----------|------------|
 * | 2 000,00 ₽  | 30 %   | down     | 600,00 ₽   |
 * | 999,99 ₽    | 5 %    | down     | 49,99 ₽    |
 * | 999,99 ₽    | 5 %    | half-up  | 50,00 ₽    |
 */
export function shareOf(amount: Money, rate: BasisPoints, rounding: Rounding): Money {
  return money(mulDiv(amount, rate, FULL_RATE, rounding));
}

/** The money value of points: 300 points at 1 point = 1,00 ₽ (100 kopecks) → 300,00 ₽. */
export function pointsToMoney(count: Points, pointValue: Money): Money {
  return money(count * pointValue);
}

/**
 * How many whole points an amount of money buys: 600,00 ₽ at 1 point = 1,00 ₽ → 600 points;
 * 600,50 ₽ → 600 points (down).
 */
export function moneyToPoints(amount: Money, pointValue: Money, rounding: Rounding): Points {
  return points(mulDiv(amount, 1, pointValue, rounding));
}

/**
 * Splits `total` into integer parts proportional to `weights` that add up to `total` exactly
 * (largest remainder method; ties go to the earlier index, so the split is deterministic).
 * Used to spread a discount or a redemption over basket lines.
 *
 * | total | weights      | parts       |
 * |-------|--------------|-------------|
 * | 100   | [1, 1, 1]    | [34, 33, 33]|
 * | 300   | [1500, 500]  | [225, 75]   |
 * | 0     | [5, 7]       | [0, 0]      |
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`allocate: total must be a non-negative safe integer, got ${total}`);
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('allocate: weights must be non-negative safe integers');
  }
  const weightSum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('allocate: cannot split a non-zero total over zero weights');
  }
  const big = BigInt(total);
  const parts = weights.map((w) => (big * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({ index, rest: (big * BigInt(w)) % weightSum }));
  let left = total - parts.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  const result = parts.map(Number);
  for (const { index } of remainders) {
    if (left === 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}
