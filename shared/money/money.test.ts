import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  basisPoints,
  money,
  NotAnIntegerError,
  points,
  subPoints,
  sumMoney,
  sumPoints,
} from './money';

describe('money and points are integers or nothing', () => {
  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])(
    'refuses %s',
    (value) => {
      expect(() => money(value)).toThrow(NotAnIntegerError);
      expect(() => points(value)).toThrow(NotAnIntegerError);
      expect(() => basisPoints(value)).toThrow(NotAnIntegerError);
    },
  );

  it('normalises −0 to 0', () => {
    expect(Object.is(money(-0), 0)).toBe(true);
  });

  it('arithmetic on integers stays integer (property)', () => {
    const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (values) => {
        const total = sumMoney(values.map(money));
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBe(values.reduce((a, b) => a + b, 0));
        expect(Number.isSafeInteger(sumPoints(values.map(points)))).toBe(true);
      }),
    );
  });

  it('an overflow past the safe range throws instead of losing kopecks', () => {
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER), money(1))).toThrow(NotAnIntegerError);
    expect(() => subPoints(points(Number.MIN_SAFE_INTEGER), points(1))).toThrow(NotAnIntegerError);
  });
});
