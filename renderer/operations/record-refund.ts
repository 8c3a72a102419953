import type { Money } from '../../shared/money/money';
import { money } from '../../shared/money/money';
import { refundSale } from '../../shared/checkout/refund';
import type { RefundError } from '../../shared/checkout/refund';
import { balanceFromFold } from '../../shared/ledger/balance';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';
import { CorruptRowError } from '../db/corrupt-row-error';
import { receiptRowSchema } from '../db/rows';
import type { ReceiptRow } from '../db/rows';
import { appendEntries, readFold } from './customer-ledger';
import { formatReceiptNumber, nextCounter } from './receipt-numbers';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

export type RefundInput = {
  readonly cashierId: string;
  /** The sale receipt's number as printed, e.g. `T1-000042`. */
  readonly receiptNumber: string;
  /** Net amount refunded per sale line (index → amount); a full refund gives every line's rest. */
  readonly amounts: readonly Money[];
};

export type RefundOperationError =
  RefundError | { readonly code: 'unknown-receipt' } | { readonly code: 'not-a-sale' };

/** Finds a sale receipt by its printed number, checked. */
export async function findSaleReceipt(
  services: TerminalServices,
  receiptNumber: string,
): Promise<ReceiptRow | null> {
  const row: unknown = await services.db.receipts
    .where('number')
    .equals(receiptNumber.trim().toUpperCase())
    .first();
  if (row === undefined) return null;
  const parsed = receiptRowSchema.safeParse(row);
  if (!parsed.success)
    throw new CorruptRowError(
      'receipts',
      receiptNumber,
      describeSchemaProblems(schemaProblems(parsed.error)),
    );
  return parsed.data;
}

/**
 * A refund by receipt number, full or partial: the reversal entries, the balance cache, the
 * sale receipt's refunded amounts, the refund receipt and the outbox message, in ONE
 * transaction. Refunded amounts are read inside it, so a receipt cannot be refunded twice.
 */
export async function recordRefund(
  services: TerminalServices,
  input: RefundInput,
): Promise<Result<ReceiptRow, RefundOperationError>> {
  const { db, program, identity } = services;
  return db.transaction(
    'rw',
    [db.ledger, db.balances, db.receipts, db.outbox, db.settings],
    async () => {
      const saleReceipt = await findSaleReceipt(services, input.receiptNumber);
      if (!saleReceipt) return err({ code: 'unknown-receipt' as const });
      if (!saleReceipt.sale) return err({ code: 'not-a-sale' as const });
      const ctx = operationContext(services, input.cashierId);
      const request = { lines: input.amounts.map((amount, lineIndex) => ({ lineIndex, amount })) };
      const refunded = refundSale(
        program,
        saleReceipt.sale,
        saleReceipt.refundedByLine.map(money),
        request,
        ctx,
      );
      if (!refunded.ok) return refunded;
      const refund = refunded.value;

      await appendEntries(db, refund.entries);
      await db.receipts.update(saleReceipt.id, { refundedByLine: [...refund.refundedByLine] });
      const balance = balanceFromFold(await readFold(db, saleReceipt.customerId), program, ctx.now);
      const receipt: ReceiptRow = {
        id: refund.refundId,
        number: formatReceiptNumber(identity.terminalId, await nextCounter(db, 'receiptSeq')),
        customerId: saleReceipt.customerId,
        cardNumber: saleReceipt.cardNumber,
        at: ctx.now,
        cashierId: input.cashierId,
        sale: null,
        refundedByLine: [],
        refundOf: saleReceipt.number,
        slip: {
          kind: 'refund',
          moneyBack: refund.moneyBack,
          pointsReturned: refund.pointsReturned,
          pointsReversed: refund.pointsReversed,
          availableAfter: balance.available,
          pendingAfter: balance.pending,
        },
      };
      await db.receipts.add(receipt);
      await db.outbox.add(outboxMessage(services, 'refund', { entries: refund.entries }));
      return ok(receipt);
    },
  );
}
