import type { Money, Points } from '../money/money';
import type { Program } from '../program/program-schema';
import { accruePoints } from './accrual';
import { NO_MULTIPLIER, combineMultipliers } from './multipliers';

/**
 * The most points a purchase paying `spend` can earn under `program`: the highest accrual
 * rate of any tier, with every campaign and category multiplier the program has applied at
 * once. The central server checks each accrual a terminal sends against it: a terminal that
 * claims more is flagged, whatever its tier or time of day.
 *
 * | demo program (rates 5/7/10 %, happy hours ×2, next purchase ×2, stacking: highest) |
 * | spend 1 000,00 ₽ → at most 1 000 × 10 % × 2 = 200 points                            |
 */
export function maximumAccrual(program: Program, spend: Money): Points {
  const rates = [
    program.accrual?.rateBp ?? 0,
    ...(program.tiers?.levels.map((level) => level.accrualRateBp) ?? []),
  ];
  const multipliers = [
    ...program.happyHours.map((window) => window.multiplierPercent),
    ...(program.nextPurchaseOffer ? [program.nextPurchaseOffer.multiplierPercent] : []),
    ...(program.club ? [program.club.multiplierPercent] : []),
    ...program.categoryMultipliers.map((category) => category.multiplierPercent),
  ];
  // 'highest' uses one of them; 'multiply' may use all of them together.
  const multiplierPercent = combineMultipliers(program.multiplierStacking, multipliers);
  return accruePoints(program, Math.max(...rates), [
    { paid: spend, multiplierPercent: Math.max(multiplierPercent, NO_MULTIPLIER) },
  ]).totalPoints;
}
