import { money, points, ZERO_POINTS } from '../money/money';
import type { Money, Points } from '../money/money';
import { allocateProportionally, pointsToMoney } from '../money/rounding';
import type { Program } from '../program/program-schema';
import type { CustomerBalance } from '../ledger/balance';
import type { TierStatus } from '../ledger/tier';
import { DAY_MS } from '../time/zoned-time';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { accruePoints } from './accrual';
import { cascadeDiscounts } from './discounts';
import type { AppliedDiscount } from './discounts';
import {
  campaignMultipliers,
  categoryMultiplier,
  combineMultipliers,
  NO_MULTIPLIER,
} from './multipliers';
import type { CampaignMultiplier } from './multipliers';
import { checkRedemption, redemptionRange } from './redemption-limit';
import type { RedemptionRange, RedemptionRefusal } from './redemption-limit';

/**
 * Quoting a checkout: from the basket, the customer and the program, everything the cashier's
 * screen and the slip show — discounts, how many points may be spent, what is left to pay,
 * how many points the purchase earns and which rules fired. Pure: the same inputs give the
 * same quote on the terminal and on the server that re-checks it.
 *
 * Order of calculation: subtotal → discounts (cascade) → bill → points spent (capped) →
 * money to pay → accrual on the money paid.
 *
 * Worked example (DOMAIN.md; no campaign active): a Silver customer buys for 2 000,00 ₽ and
 * spends 300 points (cap 30 % = 600, balance 300). To pay: 1 700,00 ₽. Accrual 7 % → 119
 * points, pending for 14 days. Balance: available −300, pending +119.
 */

export type BasketLine = { readonly amount: Money; readonly category?: string | undefined };

export type CheckoutRequest = {
  readonly lines: readonly BasketLine[];
  readonly pointsToSpend: Points;
};

/** What the checkout needs to know about the customer, taken at the moment of the checkout. */
export type CheckoutCustomer = {
  readonly customerId: string;
  readonly balance: CustomerBalance;
  readonly clubMemberUntil: number | null;
  readonly referrerId: string | null;
};

export type QuoteLine = {
  readonly amount: Money;
  readonly category: string | null;
  readonly discount: Money;
  /** After discounts: the line's share of the bill. */
  readonly net: Money;
  readonly pointsSpent: Points;
  readonly pointsValue: Money;
  /** Money paid for the line: net − points value. */
  readonly paid: Money;
  readonly multiplierPercent: number;
  readonly pointsEarned: Points;
};

export type AccrualRuleFired =
  | {
      readonly rule: 'base';
      readonly rateBp: number;
      readonly tierId: string | null;
      readonly points: Points;
    }
  | { readonly rule: CampaignMultiplier['rule']; readonly multiplierPercent: number }
  | {
      readonly rule: 'category';
      readonly category: string;
      readonly multiplierPercent: number;
      readonly lineIndexes: readonly number[];
    };

export type Quote = {
  readonly programVersion: number;
  readonly at: number;
  readonly lines: readonly QuoteLine[];
  readonly subtotal: Money;
  readonly discounts: readonly AppliedDiscount[];
  /** The bill after discounts. */
  readonly total: Money;
  readonly redemption: RedemptionRange & { readonly spent: Points; readonly value: Money };
  readonly toPay: Money;
  readonly accrual: {
    readonly points: Points;
    readonly basePoints: Points;
    readonly bonusPoints: Points;
    readonly rules: readonly AccrualRuleFired[];
    readonly availableAt: number;
    readonly expiresAt: number | null;
  };
  readonly tier: TierStatus | null;
  readonly usesNextPurchaseOffer: boolean;
  readonly balanceAfter: { readonly available: Points; readonly pending: Points };
};

export type QuoteError =
  | { readonly code: 'empty-basket' }
  | { readonly code: 'negative-amount'; readonly lineIndex: number }
  | { readonly code: 'zero-total' }
  | { readonly code: 'negative-points' }
  | RedemptionRefusal;

export function quoteCheckout(
  program: Program,
  customer: CheckoutCustomer,
  request: CheckoutRequest,
  at: { readonly now: number; readonly timeZone: string },
): Result<Quote, QuoteError> {
  if (request.lines.length === 0) return err({ code: 'empty-basket' });
  const negative = request.lines.findIndex((line) => line.amount < 0);
  if (negative >= 0) return err({ code: 'negative-amount', lineIndex: negative });
  if (request.pointsToSpend < 0) return err({ code: 'negative-points' });
  const subtotal = money(request.lines.reduce((sum, line) => sum + line.amount, 0));
  if (subtotal === 0) return err({ code: 'zero-total' });

  const { balance } = customer;
  const clubMember = customer.clubMemberUntil !== null && customer.clubMemberUntil > at.now;
  const usesNextPurchaseOffer =
    balance.nextPurchaseOffer !== null && program.nextPurchaseOffer !== undefined;
  const facts = { tier: balance.tier, clubMember, nextPurchaseOffer: usesNextPurchaseOffer };

  const discounts = cascadeDiscounts(program, subtotal, facts);
  const discountTotal = discounts.reduce((sum, d) => sum + d.amount, 0);
  const total = money(subtotal - discountTotal);
  const amounts = request.lines.map((line) => line.amount);
  const lineDiscounts = allocateProportionally(discountTotal, amounts);
  const nets = amounts.map((amount, i) => amount - (lineDiscounts[i] ?? 0));

  const range = redemptionRange(program, total, balance.available);
  const refusal = checkRedemption(range, request.pointsToSpend);
  if (refusal) return err(refusal);
  const spent = request.pointsToSpend;
  const pointValue = money(program.pointValueMinor);
  const lineSpent = allocateProportionally(spent, nets);

  const campaigns = campaignMultipliers(program, {
    ...at,
    clubMember,
    nextPurchaseOffer: usesNextPurchaseOffer,
  });
  const lineMultipliers = request.lines.map((line) =>
    combineMultipliers(program.multiplierStacking, [
      ...campaigns.map((c) => c.multiplierPercent),
      categoryMultiplier(program, line.category),
    ]),
  );
  const paid = nets.map((net, i) => net - (lineSpent[i] ?? 0) * pointValue);
  const rateBp = balance.tier?.current.accrualRateBp ?? program.accrual?.rateBp ?? 0;
  const accrual = accruePoints(
    program,
    rateBp,
    paid.map((p, i) => ({
      paid: money(p),
      multiplierPercent: lineMultipliers[i] ?? NO_MULTIPLIER,
    })),
  );

  const lines: QuoteLine[] = request.lines.map((line, i) => ({
    amount: line.amount,
    category: line.category ?? null,
    discount: money(lineDiscounts[i] ?? 0),
    net: money(nets[i] ?? 0),
    pointsSpent: points(lineSpent[i] ?? 0),
    pointsValue: pointsToMoney(points(lineSpent[i] ?? 0), pointValue),
    paid: money(paid[i] ?? 0),
    multiplierPercent: lineMultipliers[i] ?? NO_MULTIPLIER,
    pointsEarned: accrual.perLine[i] ?? ZERO_POINTS,
  }));

  const availableAt = at.now + program.pendingDays * DAY_MS;
  const toPay = money(total - spent * pointValue);
  return ok({
    programVersion: program.version,
    at: at.now,
    lines,
    subtotal,
    discounts,
    total,
    redemption: { ...range, spent, value: pointsToMoney(spent, pointValue) },
    toPay,
    accrual: {
      points: accrual.totalPoints,
      basePoints: accrual.basePoints,
      bonusPoints: points(accrual.totalPoints - accrual.basePoints),
      rules: firedRules(
        program,
        rateBp,
        balance.tier,
        accrual.basePoints,
        campaigns,
        request.lines,
      ),
      availableAt,
      expiresAt: program.expiry ? availableAt + program.expiry.days * DAY_MS : null,
    },
    tier: balance.tier,
    usesNextPurchaseOffer,
    balanceAfter: {
      available: points(balance.available - spent),
      pending: points(balance.pending + accrual.totalPoints),
    },
  });
}

function firedRules(
  program: Program,
  rateBp: number,
  tier: TierStatus | null,
  basePoints: Points,
  campaigns: readonly CampaignMultiplier[],
  lines: readonly BasketLine[],
): AccrualRuleFired[] {
  const rules: AccrualRuleFired[] = [
    { rule: 'base', rateBp, tierId: tier?.current.id ?? null, points: basePoints },
  ];
  for (const campaign of campaigns)
    rules.push({ rule: campaign.rule, multiplierPercent: campaign.multiplierPercent });
  for (const { category, multiplierPercent } of program.categoryMultipliers) {
    const lineIndexes = lines.flatMap((line, i) => (line.category === category ? [i] : []));
    if (lineIndexes.length > 0)
      rules.push({ rule: 'category', category, multiplierPercent, lineIndexes });
  }
  return rules;
}
