import { money, points } from '../money/money';
import type { Money, Points } from '../money/money';
import { mulDiv } from '../money/rounding';
import type { Program } from '../program/program-schema';
import type { LedgerEntry, RefundReturnEntry, RefundReversalEntry } from '../ledger/ledger-entry';
import { DAY_MS } from '../time/zoned-time';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { entryOrigin } from '../ledger/operation-context';
import type { OperationContext } from '../ledger/operation-context';
import type { SaleRecord } from './sale-record';

/**
 * Refunds, full or partial, by basket line. A line's refund is an amount of its net price
 * (after discounts). Everything is computed CUMULATIVELY per line from the total refunded so
 * far, so any sequence of partial refunds adds up exactly to the full refund, and splitting a
 * refund into small ones never keeps or gains a point or a kopeck:
 *
 *   points returned (cumulative) = floor(points spent × refunded ÷ net)
 *   money back      (cumulative) = floor(money paid   × refunded ÷ net)
 *   points reversed (cumulative) = ceil (points earned × refunded ÷ net)
 *
 * Rounding favours the store on a partial refund by less than one point and one kopeck, and
 * the last refund of a line settles the difference exactly.
 *
 * Worked example (DOMAIN.md sale: Silver, 2 000,00 ₽, 300 points spent, 1 700,00 ₽ paid,
 * 119 points earned), refunded in two halves:
 *
 * | refund      | refunded so far | points returned | money back  | points reversed   |
 * |-------------|-----------------|-----------------|-------------|-------------------|
 * | 1 000,00 ₽  | 1 000,00 ₽      | 150             | 850,00 ₽    | 60 (59,5 up)      |
 * | 1 000,00 ₽  | 2 000,00 ₽      | 150             | 850,00 ₽    | 59                |
 * | total       |                 | 300             | 1 700,00 ₽  | 119               |
 *
 * Returned points form a new lot, available at once and expiring by the program's expiry from
 * the refund (the spent lots may have expired meanwhile). Reversed points are taken from the
 * sale's accrual lot; if they were spent already, from the rest of the balance, which may go
 * negative (shown and flagged, see fold-ledger.ts).
 */

export type RefundRequest = {
  readonly lines: readonly { readonly lineIndex: number; readonly amount: Money }[];
};

export type RefundError =
  | { readonly code: 'nothing-to-refund' }
  | { readonly code: 'unknown-line'; readonly lineIndex: number }
  | { readonly code: 'invalid-amount'; readonly lineIndex: number }
  | { readonly code: 'exceeds-remaining'; readonly lineIndex: number; readonly remaining: Money };

export type CompletedRefund = {
  readonly refundId: string;
  readonly saleId: string;
  readonly moneyBack: Money;
  readonly pointsReturned: Points;
  readonly pointsReversed: Points;
  /** Net amounts refunded so far per sale line, this refund included: store with the receipt. */
  readonly refundedByLine: readonly Money[];
  readonly entries: readonly LedgerEntry[];
};

export function refundSale(
  program: Program,
  sale: SaleRecord,
  refundedBefore: readonly Money[],
  request: RefundRequest,
  ctx: OperationContext,
): Result<CompletedRefund, RefundError> {
  const refunded: number[] = sale.lines.map((_, i) => refundedBefore[i] ?? 0);
  const after = [...refunded];
  for (const { lineIndex, amount } of request.lines) {
    const line = sale.lines[lineIndex];
    if (!line) return err({ code: 'unknown-line', lineIndex });
    if (!Number.isSafeInteger(amount) || amount < 0)
      return err({ code: 'invalid-amount', lineIndex });
    const remaining = line.net - (after[lineIndex] ?? 0);
    if (amount > remaining)
      return err({ code: 'exceeds-remaining', lineIndex, remaining: money(remaining) });
    after[lineIndex] = (after[lineIndex] ?? 0) + amount;
  }
  if (after.every((value, i) => value === refunded[i])) return err({ code: 'nothing-to-refund' });

  let moneyBack = 0;
  let returned = 0;
  let reversed = 0;
  sale.lines.forEach((line, i) => {
    const before = refunded[i] ?? 0;
    const now = after[i] ?? 0;
    if (line.net === 0 || before === now) return;
    const share = (value: number, refundedSoFar: number, rounding: 'down' | 'up'): number =>
      mulDiv(value, refundedSoFar, line.net, rounding);
    moneyBack += share(line.paid, now, 'down') - share(line.paid, before, 'down');
    returned += share(line.pointsSpent, now, 'down') - share(line.pointsSpent, before, 'down');
    reversed += share(line.pointsEarned, now, 'up') - share(line.pointsEarned, before, 'up');
  });

  const refundId = ctx.newId();
  const entries: LedgerEntry[] = [];
  if (reversed > 0 || moneyBack > 0) {
    const reversal: RefundReversalEntry = {
      ...entryOrigin(ctx, sale.customerId, program.version),
      kind: 'refund-reversal',
      points: points(-reversed),
      saleId: sale.saleId,
      refundId,
      accrualEntryId: sale.accrualEntryId,
      spendReturnedMinor: money(moneyBack),
    };
    entries.push(reversal);
  }
  if (returned > 0) {
    const giveBack: RefundReturnEntry = {
      ...entryOrigin(ctx, sale.customerId, program.version),
      kind: 'refund-return',
      points: points(returned),
      saleId: sale.saleId,
      refundId,
      availableAt: ctx.now,
      expiresAt: program.expiry ? ctx.now + program.expiry.days * DAY_MS : null,
    };
    entries.push(giveBack);
  }

  return ok({
    refundId,
    saleId: sale.saleId,
    moneyBack: money(moneyBack),
    pointsReturned: points(returned),
    pointsReversed: points(reversed),
    refundedByLine: after.map(money),
    entries,
  });
}
