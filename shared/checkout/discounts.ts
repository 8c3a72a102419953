import { money } from '../money/money';
import type { BasisPoints, Money } from '../money/money';
import { basisPoints } from '../money/money';
import { shareOf } from '../money/rounding';
import type { Program } from '../program/program-schema';
import type { TierStatus } from '../ledger/tier';

export type DiscountRule = 'discount-card' | 'tier' | 'club' | 'next-purchase';

export type AppliedDiscount = {
  readonly rule: DiscountRule;
  readonly rate: BasisPoints;
  readonly amount: Money;
};

/** What the customer qualifies for at this checkout. */
export type DiscountFacts = {
  readonly tier: TierStatus | null;
  readonly clubMember: boolean;
  readonly nextPurchaseOffer: boolean;
};

/**
 * Discounts cascade in a fixed order — discount card, tier, club, next-purchase offer — each
 * taken from what is left after the previous ones and rounded down to the kopeck (the store
 * keeps the fraction of a kopeck).
 *
 * | subtotal    | discounts in order           | amounts                  | total       |
 * |-------------|------------------------------|--------------------------|-------------|
 * | 1 500,00 ₽  | next-purchase 5 %            | 75,00 ₽                  | 1 425,00 ₽  |
 * | 1 000,00 ₽  | card 3 %, next-purchase 5 %  | 30,00 ₽, 48,50 ₽         | 921,50 ₽    |
 * | 999,99 ₽    | card 3 %                     | 29,99 ₽ (29,9997 down)   | 970,00 ₽    |
 */
export function cascadeDiscounts(
  program: Program,
  subtotal: Money,
  facts: DiscountFacts,
): AppliedDiscount[] {
  const candidates: [DiscountRule, number][] = [
    ['discount-card', program.discount?.rateBp ?? 0],
    ['tier', facts.tier?.current.discountBp ?? 0],
    ['club', facts.clubMember ? (program.club?.discountBp ?? 0) : 0],
    ['next-purchase', facts.nextPurchaseOffer ? (program.nextPurchaseOffer?.discountBp ?? 0) : 0],
  ];
  const applied: AppliedDiscount[] = [];
  let remaining = subtotal;
  for (const [rule, rate] of candidates) {
    if (rate <= 0) continue;
    const amount = shareOf(remaining, basisPoints(rate), 'down');
    applied.push({ rule, rate: basisPoints(rate), amount });
    remaining = money(remaining - amount);
  }
  return applied;
}
