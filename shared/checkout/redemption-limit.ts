import { money, points, ZERO_POINTS } from '../money/money';
import type { Money, Points } from '../money/money';
import { basisPoints } from '../money/money';
import { moneyToPoints, shareOf } from '../money/rounding';
import type { Program } from '../program/program-schema';

/** Why the customer cannot spend more points than `maxPoints` at this checkout. */
export type RedemptionLimit =
  | 'cap' // the program's share of the bill
  | 'balance' // the customer's available points
  | 'below-minimum' // the most they could spend is under the minimum per redemption
  | 'no-redemption'; // the program has no redemption (e.g. a pure discount card)

export type RedemptionRange = {
  readonly minPoints: Points;
  readonly maxPoints: Points;
  readonly limitedBy: RedemptionLimit;
  readonly allowPartial: boolean;
};

/**
 * How many points the customer may spend on a bill (after discounts): at most the cap share of
 * the bill converted to whole points (rounded down), at most the available balance, and
 * nothing at all if that is below the minimum per redemption.
 *
 * Worked examples (demo: cap 30 %, minimum 100 points, 1 point = 1,00 ₽):
 *
 * | bill        | available | cap in points       | max | limited by    |
 * |-------------|-----------|---------------------|-----|---------------|
 * | 2 000,00 ₽  | 300       | 600                 | 300 | balance       |
 * | 2 000,00 ₽  | 1 000     | 600                 | 600 | cap           |
 * | 333,33 ₽    | 1 000     | 99 (99,999 ₽ down)  | 0   | below-minimum |
 * | 1 000,00 ₽  | 80        | 300                 | 0   | below-minimum |
 * | 1 000,00 ₽  | −50       | 300                 | 0   | below-minimum |
 */
export function redemptionRange(program: Program, bill: Money, available: Points): RedemptionRange {
  const rules = program.redemption;
  if (!rules) {
    return {
      minPoints: ZERO_POINTS,
      maxPoints: ZERO_POINTS,
      limitedBy: 'no-redemption',
      allowPartial: false,
    };
  }
  const capMoney = shareOf(bill, basisPoints(rules.maxShareBp), 'down');
  const capPoints = moneyToPoints(capMoney, money(program.pointValueMinor), 'down');
  const spendable = Math.max(0, available);
  const max = Math.min(capPoints, spendable);
  const limitedBy: RedemptionLimit = capPoints <= spendable ? 'cap' : 'balance';
  const minPoints = points(rules.minPoints);
  if (max < minPoints) {
    return {
      minPoints,
      maxPoints: ZERO_POINTS,
      limitedBy: 'below-minimum',
      allowPartial: rules.allowPartial,
    };
  }
  return { minPoints, maxPoints: points(max), limitedBy, allowPartial: rules.allowPartial };
}

export type RedemptionRefusal =
  | { readonly code: 'below-minimum'; readonly requested: Points; readonly minPoints: Points }
  | {
      readonly code: 'above-maximum';
      readonly requested: Points;
      readonly maxPoints: Points;
      readonly limitedBy: RedemptionLimit;
    }
  | {
      readonly code: 'partial-not-allowed';
      readonly requested: Points;
      readonly maxPoints: Points;
    };

/** Checks a requested amount against the range: 0, or between the minimum and the maximum. */
export function checkRedemption(
  range: RedemptionRange,
  requested: Points,
): RedemptionRefusal | null {
  if (requested === 0) return null;
  if (requested > range.maxPoints) {
    return {
      code: 'above-maximum',
      requested,
      maxPoints: range.maxPoints,
      limitedBy: range.limitedBy,
    };
  }
  if (requested < range.minPoints)
    return { code: 'below-minimum', requested, minPoints: range.minPoints };
  if (!range.allowPartial && requested !== range.maxPoints) {
    return { code: 'partial-not-allowed', requested, maxPoints: range.maxPoints };
  }
  return null;
}
