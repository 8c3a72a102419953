import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { demoProgram } from '../testing/demo-program';
import { accruePoints } from './accrual';

describe('accruePoints: worked examples of accrual.ts', () => {
  // | tier | paid (kopecks) | rate bp | multiplier % | points |
  it.each([
    ['Silver', 170_000, 700, 100, 119],
    ['Base', 99_999, 500, 100, 49],
    ['Base, happy hours ×2', 100_000, 500, 200, 100],
    ['Gold, next purchase ×2', 142_500, 1000, 200, 285],
    ['Base, under one point', 1_999, 500, 100, 0],
  ])('%s: %i kopecks × %i bp × %i %% → %i points', (_label, paid, rate, multiplier, expected) => {
    const split = accruePoints(demoProgram, rate, [
      { paid: money(paid), multiplierPercent: multiplier },
    ]);
    expect(
      split.totalPoints,
      `floor(${paid} × ${rate} × ${multiplier} ÷ (10000 × 100 × 100))`,
    ).toBe(expected);
  });

  it('rounds once for the whole basket, so splitting it into lines never loses a point', () => {
    // Three lines of 6,66 ₽ at 5 %: 0,333 points each, 0,999 together → 0 either way; but
    // 3 × 13,33 ₽ = 39,99 ₽ → 1,9995 → 1 point, where per-line rounding would give 0.
    const lines = [1_333, 1_333, 1_333].map((paid) => ({
      paid: money(paid),
      multiplierPercent: 100,
    }));
    const split = accruePoints(demoProgram, 500, lines);
    expect(split.totalPoints, 'floor(3 × 1333 × 500 ÷ 1 000 000) = floor(1.9995)').toBe(1);
    expect(
      split.perLine.reduce((a, b) => a + b, 0),
      'the per-line split adds up to the total',
    ).toBe(1);
  });

  it('reports base points and the extra from multipliers separately', () => {
    const split = accruePoints(demoProgram, 500, [
      { paid: money(100_000), multiplierPercent: 300 },
      { paid: money(100_000), multiplierPercent: 100 },
    ]);
    expect(split.basePoints, '2 000 ₽ × 5 % = 100').toBe(100);
    expect(split.totalPoints, '1 000 ₽ × 5 % × 3 + 1 000 ₽ × 5 % = 150 + 50').toBe(200);
    expect(split.perLine, 'weights 3 : 1').toEqual([150, 50]);
  });
});
