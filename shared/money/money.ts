/**
 * Money and points are integers with brands, so a kopeck amount can never be passed where
 * points are expected, and no float can sneak in: every constructor checks for a safe integer.
 *
 * - `Money`: an amount in minor units of the program's currency (kopecks for RUB).
 * - `Points`: a whole number of loyalty points (may be negative for deltas and debts).
 * - `BasisPoints`: a rate in hundredths of a percent: 500 bp = 5 %, 10 000 bp = 100 %.
 */

declare const moneyBrand: unique symbol;
declare const pointsBrand: unique symbol;
declare const basisPointsBrand: unique symbol;

export type Money = number & { readonly [moneyBrand]: true };
export type Points = number & { readonly [pointsBrand]: true };
export type BasisPoints = number & { readonly [basisPointsBrand]: true };

/** 100 % in basis points. */
export const FULL_RATE = 10_000 as BasisPoints;

export class NotAnIntegerError extends RangeError {
  constructor(what: string, value: unknown) {
    super(`${what} must be a safe integer, got ${String(value)}`);
    this.name = 'NotAnIntegerError';
  }
}

function checkedInteger(what: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new NotAnIntegerError(what, value);
  // Normalise -0 so that formatting and equality never see it.
  return value === 0 ? 0 : value;
}

export function money(minorUnits: number): Money {
  return checkedInteger('Money (minor units)', minorUnits) as Money;
}

export function points(count: number): Points {
  return checkedInteger('Points', count) as Points;
}

export function basisPoints(rate: number): BasisPoints {
  return checkedInteger('Rate (basis points)', rate) as BasisPoints;
}

export const ZERO_MONEY = money(0);
export const ZERO_POINTS = points(0);

export function addMoney(a: Money, b: Money): Money {
  return money(a + b);
}

export function subMoney(a: Money, b: Money): Money {
  return money(a - b);
}

export function sumMoney(amounts: readonly Money[]): Money {
  return amounts.reduce(addMoney, ZERO_MONEY);
}

export function minMoney(a: Money, b: Money): Money {
  return a <= b ? a : b;
}

export function addPoints(a: Points, b: Points): Points {
  return points(a + b);
}

export function subPoints(a: Points, b: Points): Points {
  return points(a - b);
}

export function sumPoints(values: readonly Points[]): Points {
  return values.reduce(addPoints, ZERO_POINTS);
}

export function negatePoints(p: Points): Points {
  return points(0 - p);
}

export function minPoints(a: Points, b: Points): Points {
  return a <= b ? a : b;
}

export function maxPoints(a: Points, b: Points): Points {
  return a >= b ? a : b;
}
