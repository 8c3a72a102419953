import { points } from '../money/money';
import type { Program } from '../program/program-schema';
import type {
  AccrualEntry,
  BonusEntry,
  LedgerEntry,
  RedemptionEntry,
} from '../ledger/ledger-entry';
import { DAY_MS } from '../time/zoned-time';
import type { Result } from '../util/result';
import { ok } from '../util/result';
import { entryOrigin } from '../ledger/operation-context';
import type { OperationContext } from '../ledger/operation-context';
import { quoteCheckout } from './quote';
import type { CheckoutCustomer, CheckoutRequest, Quote, QuoteError } from './quote';
import type { SaleRecord } from './sale-record';

/**
 * A confirmed checkout becomes ledger entries and a sale record. The quote is computed again
 * here, at the moment of confirmation, so the entries always follow the rules in force then.
 *
 * Entries, in stamp order: the redemption (if points were spent), the accrual (always, even
 * with 0 points: it records the money paid, which drives tiers and the next-purchase offer),
 * and the referral bonus for the referrer on the customer's first purchase. The caller writes
 * them, the receipt and the outbox message in ONE transaction.
 */

export type CompletedSale = {
  readonly quote: Quote;
  readonly record: SaleRecord;
  readonly entries: readonly LedgerEntry[];
};

export function checkout(
  program: Program,
  customer: CheckoutCustomer,
  request: CheckoutRequest,
  ctx: OperationContext,
): Result<CompletedSale, QuoteError> {
  const quoted = quoteCheckout(program, customer, request, ctx);
  if (!quoted.ok) return quoted;
  const quote = quoted.value;
  const saleId = ctx.newId();
  const entries: LedgerEntry[] = [];

  if (quote.redemption.spent > 0) {
    const redemption: RedemptionEntry = {
      ...entryOrigin(ctx, customer.customerId, program.version),
      kind: 'redemption',
      points: points(-quote.redemption.spent),
      saleId,
    };
    entries.push(redemption);
  }

  const accrual: AccrualEntry = {
    ...entryOrigin(ctx, customer.customerId, program.version),
    kind: 'accrual',
    points: quote.accrual.points,
    saleId,
    spendMinor: quote.toPay,
    availableAt: quote.accrual.availableAt,
    expiresAt: quote.accrual.expiresAt,
    usedNextPurchaseOffer: quote.usesNextPurchaseOffer,
  };
  entries.push(accrual);

  const referral = program.bonuses.referral;
  if (referral && customer.referrerId !== null && customer.balance.purchaseCount === 0) {
    const bonus: BonusEntry = {
      ...entryOrigin(ctx, customer.referrerId, program.version),
      kind: 'bonus',
      bonus: 'referral',
      points: points(referral.points),
      availableAt: ctx.now,
      expiresAt:
        referral.expiresAfterDays === null ? null : ctx.now + referral.expiresAfterDays * DAY_MS,
      // Once per referred customer, whichever terminal sees the first purchase.
      uniqueKey: `referral:${customer.customerId}`,
    };
    entries.push(bonus);
  }

  return ok({
    quote,
    entries,
    record: {
      saleId,
      customerId: customer.customerId,
      at: ctx.now,
      programVersion: program.version,
      accrualEntryId: accrual.id,
      lines: quote.lines.map(({ net, pointsSpent, paid, pointsEarned }) => ({
        net,
        pointsSpent,
        paid,
        pointsEarned,
      })),
    },
  });
}
