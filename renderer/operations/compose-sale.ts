import { checkout } from '../../shared/checkout/checkout';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { balanceFromFold } from '../../shared/ledger/balance';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { LedgerFold } from '../../shared/ledger/fold-ledger';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { CheckoutRequest, QuoteError } from '../../shared/checkout/quote';
import type { ReceiptRow, TerminalCounters } from '../db/rows';
import { formatReceiptNumber } from './receipt-numbers';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

export type SaleInput = {
  readonly cashierId: string;
  readonly customerId: string;
  /** The card scanned for this sale, printed (masked) on the slip. */
  readonly cardNumber: string | null;
  readonly request: CheckoutRequest;
};

/** Everything a sale writes, but for the balance caches (the caller extends those). */
export type ComposedSale = {
  readonly entries: readonly LedgerEntry[];
  readonly receipt: ReceiptRow;
  readonly message: OutboxMessage;
  readonly counters: TerminalCounters;
};

/**
 * The sale worked out from the rows its transaction read: the quote recomputed from the
 * stored balance, the ledger entries, the receipt under the next receipt number, the outbox
 * message. Pure but for the services' clock and ids; nothing is written here.
 */
export function composeSale(
  services: TerminalServices,
  input: SaleInput,
  customer: CustomerProfile,
  fold: LedgerFold,
  counters: TerminalCounters,
): Result<ComposedSale, QuoteError> {
  const ctx = operationContext(services, input.cashierId);
  const sale = checkout(
    services.program,
    {
      customerId: customer.id,
      balance: balanceFromFold(fold, services.program, ctx.now),
      clubMemberUntil: customer.clubMemberUntil,
      referrerId: customer.referrerId,
    },
    input.request,
    ctx,
  );
  if (!sale.ok) return sale;
  const { quote, record, entries } = sale.value;
  const receiptSeq = counters.receiptSeq + 1;
  const receipt: ReceiptRow = {
    id: record.saleId,
    number: formatReceiptNumber(services.identity.terminalId, receiptSeq),
    customerId: customer.id,
    cardNumber: input.cardNumber,
    at: ctx.now,
    cashierId: input.cashierId,
    sale: record,
    refundedByLine: record.lines.map(() => 0),
    refundOf: null,
    slip: {
      kind: 'sale',
      subtotal: quote.subtotal,
      discount: quote.subtotal - quote.total,
      total: quote.total,
      pointsSpent: quote.redemption.spent,
      toPay: quote.toPay,
      pointsEarned: quote.accrual.points,
      pointsAvailableAt: quote.accrual.availableAt,
      rules: [...quote.discounts.map((d) => d.rule), ...quote.accrual.rules.map((r) => r.rule)],
      availableAfter: quote.balanceAfter.available,
      pendingAfter: quote.balanceAfter.pending,
    },
  };
  return ok({
    entries,
    receipt,
    message: outboxMessage(services, 'sale', { entries }),
    counters: { ...counters, receiptSeq },
  });
}
