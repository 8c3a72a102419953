import type { LedgerEntry } from '../ledger/ledger-entry';

/**
 * The figures of a day at one terminal (or store), from the ledger entries made there that
 * day: what the day-close slip shows. Sums over entries; entries repeated (the same id) count
 * once.
 *
 * | entries of the day                                   | figure                          |
 * |------------------------------------------------------|---------------------------------|
 * | accrual +119 (spend 1 700,00 ₽), redemption −300     | 1 sale, 1 700,00 ₽, +119, −300  |
 * | refund-reversal −50, refund-return +100 (one refund) | 1 refund, −50 reversed, +100    |
 * | bonus +200 (welcome)                                  | bonuses +200                    |
 * | adjustment −30                                        | 1 adjustment, −30               |
 */
export type DaySummary = {
  readonly sales: number;
  /** Money paid by customers in the day's sales (kopecks): what accrual counted. */
  readonly salesMinor: number;
  readonly pointsAccrued: number;
  readonly pointsSpent: number;
  readonly refunds: number;
  readonly moneyReturnedMinor: number;
  readonly pointsReversed: number;
  readonly pointsReturned: number;
  readonly bonusPoints: number;
  readonly adjustments: number;
  readonly adjustmentPoints: number;
  readonly expiredPoints: number;
};

export function summarizeDay(entries: readonly LedgerEntry[]): DaySummary {
  const seen = new Set<string>();
  const sales = new Set<string>();
  const refunds = new Set<string>();
  const summary = {
    sales: 0,
    salesMinor: 0,
    pointsAccrued: 0,
    pointsSpent: 0,
    refunds: 0,
    moneyReturnedMinor: 0,
    pointsReversed: 0,
    pointsReturned: 0,
    bonusPoints: 0,
    adjustments: 0,
    adjustmentPoints: 0,
    expiredPoints: 0,
  };
  for (const entry of entries) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    switch (entry.kind) {
      case 'accrual':
        sales.add(entry.saleId);
        summary.salesMinor += entry.spendMinor;
        summary.pointsAccrued += entry.points;
        break;
      case 'redemption':
        sales.add(entry.saleId);
        summary.pointsSpent -= entry.points;
        break;
      case 'refund-reversal':
        refunds.add(entry.refundId);
        summary.moneyReturnedMinor += entry.spendReturnedMinor;
        summary.pointsReversed -= entry.points;
        break;
      case 'refund-return':
        refunds.add(entry.refundId);
        summary.pointsReturned += entry.points;
        break;
      case 'bonus':
        summary.bonusPoints += entry.points;
        break;
      case 'adjustment':
        summary.adjustments += 1;
        summary.adjustmentPoints += entry.points;
        break;
      case 'expiry':
        summary.expiredPoints -= entry.points;
        break;
    }
  }
  return { ...summary, sales: sales.size, refunds: refunds.size };
}
