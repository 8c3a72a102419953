import { points } from '../money/money';
import type { Money, Points } from '../money/money';
import { allocateProportionally, divideBig } from '../money/rounding';
import type { Program } from '../program/program-schema';
import { FULL_RATE } from '../money/money';
import { NO_MULTIPLIER } from './multipliers';

/** One basket line as accrual sees it: money paid for it and its combined multiplier. */
export type AccrualLine = { readonly paid: Money; readonly multiplierPercent: number };

export type AccrualSplit = {
  /** Points at the base rate alone. */
  readonly basePoints: Points;
  /** All points, multipliers included: basePoints + the campaigns' extra. */
  readonly totalPoints: Points;
  /** totalPoints spread over the lines by their weight (refunds reverse per line). */
  readonly perLine: readonly Points[];
};

/**
 * Points for money paid (after discounts and points): Σ paid × rate × multiplier, converted to
 * points and rounded down ONCE for the whole purchase, so splitting a basket into lines never
 * loses the customer a point.
 *
 * points = floor( Σ paidᵢ × rateBp × multiplierᵢ % ÷ (10 000 × 100 × point value) )
 *
 * Worked examples (demo: 1 point = 1,00 ₽):
 *
 * | tier   | paid        | rate  | multiplier        | exact points | points |
 * |--------|-------------|-------|-------------------|--------------|--------|
 * | Silver | 1 700,00 ₽  | 7 %   | ×1                | 119          | 119    |
 * | Base   | 999,99 ₽    | 5 %   | ×1                | 49,9995      | 49     |
 * | Base   | 1 000,00 ₽  | 5 %   | ×2 happy hours    | 100          | 100    |
 * | Gold   | 1 425,00 ₽  | 10 %  | ×2 next purchase  | 285          | 285    |
 * | Base   | 19,99 ₽     | 5 %   | ×1                | 0,9995       | 0      |
 */
export function accruePoints(
  program: Program,
  rateBp: number,
  lines: readonly AccrualLine[],
): AccrualSplit {
  const denominator = BigInt(FULL_RATE) * BigInt(program.pointValueMinor);
  let base = 0n;
  let weighted = 0n;
  for (const line of lines) {
    base += BigInt(line.paid) * BigInt(rateBp);
    weighted += BigInt(line.paid) * BigInt(rateBp) * BigInt(line.multiplierPercent);
  }
  const basePoints = points(divideBig(base, denominator, 'down'));
  const totalPoints = points(divideBig(weighted, denominator * BigInt(NO_MULTIPLIER), 'down'));
  const weights = lines.map((line) => line.paid * line.multiplierPercent);
  const perLine = weights.some((w) => w > 0)
    ? allocateProportionally(totalPoints, weights).map(points)
    : lines.map(() => points(0));
  return { basePoints, totalPoints, perLine };
}
