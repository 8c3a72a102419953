import { welcomeBonus } from '../bonuses/welcome-bonus';
import { checkout } from '../checkout/checkout';
import { quoteCheckout } from '../checkout/quote';
import type { BasketLine, CheckoutCustomer } from '../checkout/quote';
import { balanceFromFold } from '../ledger/balance';
import { EMPTY_FOLD, extendFold, foldLedger } from '../ledger/fold-ledger';
import type { LedgerFold } from '../ledger/fold-ledger';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { OperationContext } from '../ledger/operation-context';
import { money, points } from '../money/money';
import type { Program } from '../program/program-schema';
import type { DemoRandom } from './demo-random';

/** How many past purchases a demo customer made (index = count), in percent: 2.5 on average. */
const PURCHASE_COUNT_WEIGHTS: readonly number[] = [15, 20, 20, 15, 12, 10, 8];
/** Purchases happen within the last year (and after the enrolment). */
const HISTORY_DAYS = 365;
/** Of the purchases where the customer could spend points, the share where they do. */
const SPEND_SHARE = 0.4;

/** A customer's ledger and its fold, made by the real engine. */
export type DemoHistory = { readonly entries: LedgerEntry[]; readonly fold: LedgerFold };

/**
 * The welcome bonus at enrolment, then the customer's past purchases in time order, each
 * confirmed by checkout() against the balance folded from the entries so far, exactly as the
 * terminal does. Entries are therefore valid, spend only points that were available, and
 * their fold is the balance cache.
 */
export function demoHistory(
  program: Program,
  customerId: string,
  enrolment: OperationContext,
  purchases: readonly OperationContext[],
  random: DemoRandom,
): DemoHistory {
  const entries: LedgerEntry[] = [];
  let fold = EMPTY_FOLD;
  const append = (made: readonly LedgerEntry[]): void => {
    entries.push(...made);
    // Entries of one customer come from one sequence of increasing stamps, so the fold
    // extends; folding everything again is the fallback the cache rules prescribe.
    fold = extendFold(fold, made) ?? foldLedger(entries);
  };
  const bonus = welcomeBonus(program, customerId, enrolment);
  if (bonus) append([bonus]);

  for (const ctx of purchases) {
    const customer: CheckoutCustomer = {
      customerId,
      balance: balanceFromFold(fold, program, ctx.now),
      clubMemberUntil: null,
      referrerId: null,
    };
    const lines = demoBasket(random);
    const sale = checkout(
      program,
      customer,
      { lines, pointsToSpend: pointsToSpend(program, customer, lines, ctx, random) },
      ctx,
    );
    if (!sale.ok) throw new Error(`demo sale refused: ${JSON.stringify(sale.error)}`);
    append(sale.value.entries);
  }
  return { entries, fold };
}

/** How many past purchases, and on which days (days ago, oldest first, all distinct). */
export function demoPurchaseDays(enrolledDaysAgo: number, random: DemoRandom): number[] {
  // Purchases fall on days after the enrolment day and before today.
  const latest = Math.min(HISTORY_DAYS, enrolledDaysAgo - 1);
  const wanted = Math.min(weightedIndex(PURCHASE_COUNT_WEIGHTS, random), Math.max(0, latest));
  const days = new Set<number>();
  while (days.size < wanted) days.add(random.int(1, latest));
  return [...days].sort((a, b) => b - a);
}

/** 1–3 lines with shop-like prices (e.g. 349,90 ₽), 50–3 000 ₽ each. */
function demoBasket(random: DemoRandom): BasketLine[] {
  const count = random.int(1, 3);
  const lines: BasketLine[] = [];
  for (let i = 0; i < count; i++) {
    const roubles = random.int(50, 3_000);
    lines.push({ amount: money(roubles * 100 - random.pick([0, 0, 10, 100])) });
  }
  return lines;
}

/** Some customers spend points when they may: between the minimum and the cap, in tens. */
function pointsToSpend(
  program: Program,
  customer: CheckoutCustomer,
  lines: readonly BasketLine[],
  ctx: OperationContext,
  random: DemoRandom,
) {
  const minPoints = program.redemption?.minPoints;
  if (minPoints === undefined || customer.balance.available < minPoints) return points(0);
  if (!random.chance(SPEND_SHARE)) return points(0);
  const quote = quoteCheckout(program, customer, { lines, pointsToSpend: points(0) }, ctx);
  if (!quote.ok) return points(0);
  const { maxPoints, allowPartial } = quote.value.redemption;
  if (maxPoints < minPoints || maxPoints === 0) return points(0);
  if (!allowPartial) return maxPoints;
  const wanted = Math.floor(random.int(minPoints, maxPoints) / 10) * 10;
  return points(Math.max(minPoints, wanted));
}

function weightedIndex(weights: readonly number[], random: DemoRandom): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = random.int(0, total - 1);
  for (const [index, weight] of weights.entries()) {
    if (roll < weight) return index;
    roll -= weight;
  }
  return weights.length - 1;
}
