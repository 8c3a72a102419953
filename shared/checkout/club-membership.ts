import { money } from '../money/money';
import type { Money } from '../money/money';
import type { Program } from '../program/program-schema';
import { DAY_MS } from '../time/zoned-time';

/**
 * Paid club: a membership bought for a fee gives its discount and accrual multiplier while it
 * lasts. Buying or renewing adds one period to the later of now and the current end, so an
 * early renewal loses no paid day.
 *
 * | member until | bought at | period | new end          |
 * |--------------|-----------|--------|------------------|
 * | none         | day 0     | 30     | day 30           |
 * | day 20       | day 10    | 30     | day 50 (renewal) |
 * | day 5        | day 10    | 30     | day 40 (lapsed)  |
 */
export function clubMembershipPurchase(
  program: Program,
  memberUntil: number | null,
  now: number,
): { readonly fee: Money; readonly memberUntil: number } | null {
  const club = program.club;
  if (!club) return null;
  const from = memberUntil !== null && memberUntil > now ? memberUntil : now;
  return { fee: money(club.feeMinor), memberUntil: from + club.periodDays * DAY_MS };
}
