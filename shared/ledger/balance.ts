import { points } from '../money/money';
import type { Money, Points } from '../money/money';
import type { Program } from '../program/program-schema';
import { DAY_MS } from '../time/zoned-time';
import { foldLedger, isAvailableAt } from './fold-ledger';
import type { LedgerAnomaly, LedgerFold, Lot, SaleTotals } from './fold-ledger';
import type { LedgerEntry } from './ledger-entry';
import { lifetimeSpend, tierStatus } from './tier';
import type { TierStatus } from './tier';

/**
 * What the cashier sees about a customer's points at a moment `now`, derived from the fold.
 *
 * - available: points in lots past their pending period and not expired, minus debt. It is
 *   negative when the customer owes points (refund after spending, offline overdraft).
 * - pending: points still in their pending period (they become available at `availableAt`).
 * - A lot past its expiry with points left is neither: it is `dueForExpiry` until an expiry
 *   entry records it (expiry.ts), so the balance is the same before and after that entry.
 *
 * Worked example (demo program, 1 point = 1,00 ₽, pending 14 days):
 *
 * | ledger                                         | day | available | pending |
 * |------------------------------------------------|-----|-----------|---------|
 * | welcome bonus 200 (at once, expires day 90)    | 0   | 200       | 0       |
 * | + sale 2 000 ₽ → accrual 100 (available day 15)| 1   | 200       | 100     |
 * | (day 15)                                       | 15  | 300       | 0       |
 * | (day 90: the welcome lot expires)              | 90  | 100       | 0       |
 */
export type CustomerBalance = {
  readonly available: Points;
  readonly pending: Points;
  readonly pendingLots: readonly { readonly points: Points; readonly availableAt: number }[];
  /** Available points that expire within the program's warning period, soonest first. */
  readonly expiringSoon: readonly { readonly points: Points; readonly expiresAt: number }[];
  /** Lots past expiry with points left and no expiry entry yet. */
  readonly dueForExpiry: readonly { readonly lotId: string; readonly points: Points }[];
  readonly lifetimeSpend: Money;
  /** Purchases recorded so far (a referral bonus is due on the first). */
  readonly purchaseCount: number;
  readonly tier: TierStatus | null;
  /** The next-purchase offer the customer can use now, if any. */
  readonly nextPurchaseOffer: { readonly until: number } | null;
  /** True when the customer owes points: shown to the cashier and flagged for the manager. */
  readonly negative: boolean;
  readonly anomalies: readonly LedgerAnomaly[];
};

export function balanceOf(
  entries: readonly LedgerEntry[],
  program: Program,
  now: number,
): CustomerBalance {
  return balanceFromFold(foldLedger(entries), program, now);
}

export function balanceFromFold(fold: LedgerFold, program: Program, now: number): CustomerBalance {
  const sales = Object.values(fold.sales);
  let available = -fold.debt;
  let pending = 0;
  const pendingLots: { points: Points; availableAt: number }[] = [];
  const expiring = new Map<number, number>();
  const dueForExpiry: { lotId: string; points: Points }[] = [];
  const warnUntil = program.expiry ? now + program.expiry.warnDays * DAY_MS : now;

  for (const lot of fold.lots) {
    if (lot.remaining <= 0) continue;
    if (isExpiredAt(lot, now)) {
      dueForExpiry.push({ lotId: lot.id, points: lot.remaining });
    } else if (isAvailableAt(lot, now)) {
      available += lot.remaining;
      if (lot.expiresAt !== null && lot.expiresAt <= warnUntil) {
        expiring.set(lot.expiresAt, (expiring.get(lot.expiresAt) ?? 0) + lot.remaining);
      }
    } else {
      pending += lot.remaining;
      pendingLots.push({ points: lot.remaining, availableAt: lot.availableAt });
    }
  }

  return {
    available: points(available),
    pending: points(pending),
    pendingLots: pendingLots.sort((a, b) => a.availableAt - b.availableAt),
    expiringSoon: [...expiring]
      .sort(([a], [b]) => a - b)
      .map(([expiresAt, count]) => ({ points: points(count), expiresAt })),
    dueForExpiry,
    lifetimeSpend: lifetimeSpend(sales),
    purchaseCount: sales.filter((sale) => sale.accrualEntryId !== null).length,
    tier: tierStatus(program, sales, now),
    nextPurchaseOffer: nextPurchaseOffer(program, sales, now),
    negative: available < 0,
    anomalies: fold.anomalies,
  };
}

export function isExpiredAt(lot: Pick<Lot, 'expiresAt'>, now: number): boolean {
  return lot.expiresAt !== null && lot.expiresAt <= now;
}

/**
 * The next-purchase offer: a purchase that did not itself use the offer (and was not refunded
 * in full) grants it until `days` after the purchase; the next purchase uses it up. Alternating
 * this way keeps the offer a reward for coming back rather than a permanent rate for regulars.
 */
export function nextPurchaseOffer(
  program: Program,
  sales: Iterable<SaleTotals>,
  now: number,
): { until: number } | null {
  const offer = program.nextPurchaseOffer;
  if (!offer) return null;
  let latest: SaleTotals | null = null;
  for (const sale of sales) {
    if (sale.accrualEntryId === null || sale.at > now) continue;
    if (!latest || sale.at > latest.at || (sale.at === latest.at && sale.saleId > latest.saleId))
      latest = sale;
  }
  if (!latest || latest.usedNextPurchaseOffer) return null;
  if (latest.spend > 0 && latest.spendReturned >= latest.spend) return null;
  const until = latest.at + offer.days * DAY_MS;
  return now < until ? { until } : null;
}
