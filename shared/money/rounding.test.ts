import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPoints, money, points } from './money';
import {
  allocateProportionally,
  divideBig,
  moneyToPoints,
  mulDiv,
  pointsToMoney,
  shareOf,
} from './rounding';

describe('rounding: worked examples of rounding.ts', () => {
  // Values as fractions n/d: 119/1, 119/2 = 59.5, 5949/100 = 59.49, −1/2.
  it.each([
    [119n, 1n, 119, 119, 119],
    [119n, 2n, 59, 60, 60],
    [5_949n, 100n, 59, 60, 59],
    [-1n, 2n, -1, 0, 0],
  ])('%i/%i → down %i, up %i, half-up %i', (n, d, down, up, halfUp) => {
    expect(divideBig(n, d, 'down')).toBe(down);
    expect(divideBig(n, d, 'up')).toBe(up);
    expect(divideBig(n, d, 'half-up')).toBe(halfUp);
  });

  it.each([
    [200_000, 3_000, 'down', 60_000],
    [99_999, 500, 'down', 4_999],
    [99_999, 500, 'half-up', 5_000],
  ] as const)('shareOf(%i kopecks, %i bp, %s) = %i', (amount, rate, rounding, expected) => {
    expect(shareOf(money(amount), basisPoints(rate), rounding)).toBe(expected);
  });

  it('converts between points and money at the point value', () => {
    expect(pointsToMoney(points(300), money(100)), '300 × 1,00 ₽').toBe(30_000);
    expect(moneyToPoints(money(60_050), money(100), 'down'), '600,50 ₽ → 600 points').toBe(600);
  });

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [300, [1_500, 500], [225, 75]],
    [0, [5, 7], [0, 0]],
  ])('allocateProportionally(%i, %j) = %j', (total, weights, parts) => {
    expect(allocateProportionally(total, weights)).toEqual(parts);
  });

  it('refuses what would be a silent mistake', () => {
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 10, 1, 'down')).toThrow(/not a safe integer/);
    expect(() => mulDiv(1.5, 1, 1, 'down')).toThrow(/safe integer/);
    expect(() => mulDiv(1, 1, 0, 'down')).toThrow(/zero/);
    expect(() => allocateProportionally(5, [0, 0])).toThrow(/zero weights/);
    expect(() => allocateProportionally(-1, [1])).toThrow(/non-negative/);
  });
});

describe('rounding properties', () => {
  const safe = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
  const positive = fc.integer({ min: 1, max: 1_000_000_000 });

  it('mulDiv is the exact quotient rounded as named, always an integer', () => {
    fc.assert(
      fc.property(
        safe,
        fc.integer({ min: 0, max: 100_000 }),
        positive,
        (value, numerator, denominator) => {
          const exact = BigInt(value) * BigInt(numerator);
          fc.pre(
            exact / BigInt(denominator) < BigInt(Number.MAX_SAFE_INTEGER) - 1n &&
              -exact / BigInt(denominator) < BigInt(Number.MAX_SAFE_INTEGER) - 1n,
          );
          const down = mulDiv(value, numerator, denominator, 'down');
          const up = mulDiv(value, numerator, denominator, 'up');
          const half = mulDiv(value, numerator, denominator, 'half-up');
          for (const r of [down, up, half]) expect(Number.isSafeInteger(r)).toBe(true);
          expect(BigInt(down) * BigInt(denominator) <= exact, 'down ≤ exact').toBe(true);
          expect(BigInt(down + 1) * BigInt(denominator) > exact, 'exact < down + 1').toBe(true);
          expect(up - down, 'up is down, or down + 1 when inexact').toBe(
            BigInt(down) * BigInt(denominator) === exact ? 0 : 1,
          );
          expect(half === down || half === up).toBe(true);
        },
      ),
    );
  });

  it('allocateProportionally adds up exactly and gives each part its share rounded either way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateProportionally(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(
            parts.reduce((a, b) => a + b, 0),
            `parts add up to ${total}`,
          ).toBe(total);
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            const floor = mulDiv(total, weights[i] ?? 0, sum, 'down');
            expect(
              part === floor || part === floor + 1,
              `part ${i}: ${part} vs exact ${total}×${weights[i]}/${sum}`,
            ).toBe(true);
          });
        },
      ),
    );
  });
});
