import { mulDiv } from '../money/rounding';
import type { Program } from '../program/program-schema';
import { localParts, parseTimeOfDay } from '../time/zoned-time';

/** A campaign that multiplies accrual on the whole purchase. */
export type CampaignMultiplier = {
  readonly rule: 'happy-hours' | 'next-purchase' | 'club';
  readonly multiplierPercent: number;
};

/** The multiplier of 100 % (×1): no change. */
export const NO_MULTIPLIER = 100;

/** Happy hours active at `now` in the store's time zone: weekday listed and from <= time < to. */
export function activeHappyHour(program: Program, now: number, timeZone: string): number | null {
  if (program.happyHours.length === 0) return null;
  const local = localParts(now, timeZone);
  let best: number | null = null;
  for (const window of program.happyHours) {
    const from = parseTimeOfDay(window.from) ?? 0;
    const to = parseTimeOfDay(window.to) ?? 0;
    const inWindow =
      window.weekdays.includes(local.weekday) &&
      local.minuteOfDay >= from &&
      local.minuteOfDay < to;
    if (inWindow && (best === null || window.multiplierPercent > best))
      best = window.multiplierPercent;
  }
  return best;
}

/** The campaigns that multiply accrual at this checkout. */
export function campaignMultipliers(
  program: Program,
  facts: {
    readonly now: number;
    readonly timeZone: string;
    readonly clubMember: boolean;
    readonly nextPurchaseOffer: boolean;
  },
): CampaignMultiplier[] {
  const campaigns: CampaignMultiplier[] = [];
  const happyHour = activeHappyHour(program, facts.now, facts.timeZone);
  if (happyHour !== null) campaigns.push({ rule: 'happy-hours', multiplierPercent: happyHour });
  if (facts.nextPurchaseOffer && program.nextPurchaseOffer) {
    campaigns.push({
      rule: 'next-purchase',
      multiplierPercent: program.nextPurchaseOffer.multiplierPercent,
    });
  }
  if (facts.clubMember && program.club) {
    campaigns.push({ rule: 'club', multiplierPercent: program.club.multiplierPercent });
  }
  return campaigns;
}

export function categoryMultiplier(program: Program, category: string | undefined): number {
  if (category === undefined) return NO_MULTIPLIER;
  return (
    program.categoryMultipliers.find((c) => c.category === category)?.multiplierPercent ??
    NO_MULTIPLIER
  );
}

/**
 * Combines the multipliers that apply to one line, per the program's `multiplierStacking`:
 * `highest` takes the largest; `multiply` takes the product, rounded down to a whole percent.
 *
 * | multipliers   | highest | multiply |
 * |---------------|---------|----------|
 * | (none)        | 100     | 100      |
 * | 200, 200      | 200     | 400      |
 * | 200, 300      | 300     | 600      |
 * | 150, 150      | 150     | 225      |
 * | 133, 133      | 133     | 176 (176,89 down) |
 */
export function combineMultipliers(
  stacking: Program['multiplierStacking'],
  multipliers: readonly number[],
): number {
  switch (stacking) {
    case 'highest':
      return multipliers.reduce((a, b) => Math.max(a, b), NO_MULTIPLIER);
    case 'multiply':
      return multipliers.reduce((a, b) => mulDiv(a, b, NO_MULTIPLIER, 'down'), NO_MULTIPLIER);
  }
}
