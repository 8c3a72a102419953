import { checkout } from '../../shared/checkout/checkout';
import type { CheckoutRequest, QuoteError } from '../../shared/checkout/quote';
import { balanceFromFold } from '../../shared/ledger/balance';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { fromCustomerRow } from '../db/customer-rows';
import type { ReceiptRow } from '../db/rows';
import { appendEntries, foldFromCache } from './customer-ledger';
import { formatReceiptNumber, readCounters, writeCounters } from './receipt-numbers';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

export type SaleInput = {
  readonly cashierId: string;
  readonly customerId: string;
  /** The card scanned for this sale, printed (masked) on the slip. */
  readonly cardNumber: string | null;
  readonly request: CheckoutRequest;
};

export type SaleError = QuoteError | { readonly code: 'unknown-customer' };

/**
 * A sale: its ledger entries, the balance caches, the receipt and the outbox message are
 * written in ONE IndexedDB transaction, or nothing is. The quote is recomputed inside the
 * transaction from the stored ledger, so two quick sales on one customer cannot both spend
 * the same points.
 */
export async function recordSale(
  services: TerminalServices,
  input: SaleInput,
): Promise<Result<ReceiptRow, SaleError>> {
  const { db, program, identity } = services;
  const tables = [db.customers, db.ledger, db.balances, db.receipts, db.outbox, db.settings];
  return db.transaction('rw', tables, async () => {
    // Reads together, writes together: each await is a round trip the cashier waits for.
    const [row, cachedBalance, counters] = await Promise.all([
      db.customers.get(input.customerId),
      db.balances.get(input.customerId),
      readCounters(db),
    ]);
    if (!row) return err({ code: 'unknown-customer' as const });
    const customer = fromCustomerRow(row);
    const fold = await foldFromCache(db, customer.id, cachedBalance);
    const ctx = operationContext(services, input.cashierId);
    const balance = balanceFromFold(fold, program, ctx.now);
    const sale = checkout(
      program,
      {
        customerId: customer.id,
        balance,
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
      number: formatReceiptNumber(identity.terminalId, receiptSeq),
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
    await Promise.all([
      appendEntries(db, entries, new Map([[customer.id, fold]])),
      db.receipts.add(receipt),
      db.outbox.add(outboxMessage(services, 'sale', { entries })),
      writeCounters(db, { ...counters, receiptSeq }),
    ]);
    return ok(receipt);
  });
}
