import { encodeVirtualCardQr } from '../../shared/cards/virtual-card-qr';
import type { CardNumber } from '../../shared/cards/card-number';
import { parseReceiptDocument, receiptCustomer } from '../../shared/receipts/receipt-document';
import type {
  InvalidReceiptDocumentError,
  ReceiptDocument,
} from '../../shared/receipts/receipt-document';
import type { Result } from '../../shared/util/result';
import type { ReceiptRow, TerminalIdentity } from '../db/rows';

/**
 * The receipt document (shared/receipts) of a committed sale or refund, for the printer and
 * the on-screen preview alike: built from the receipt row the operation wrote, so a reprint
 * tomorrow prints what was printed today.
 *
 * - The customer appears masked (`Алёна И.`, card `**** 0018`): receipts leave the store.
 * - A virtual card (one the customer has on a phone) is printed as its QR code, so the
 *   customer can scan the slip next time; a plastic card is not.
 * - No basket lines: the terminal takes one purchase amount (the till itemises).
 * The result is parsed like any document from outside: a row that cannot make a valid
 * receipt is an error to show, never a slip printed wrong.
 */
export function receiptForSlip(input: {
  readonly row: ReceiptRow;
  readonly identity: TerminalIdentity;
  readonly customerName: string | null;
  readonly cardKind: 'plastic' | 'virtual' | null;
}): Result<ReceiptDocument, InvalidReceiptDocumentError> {
  const { row, identity } = input;
  const slip = row.slip;
  const totals =
    slip.kind === 'sale'
      ? {
          kind: 'sale' as const,
          subtotal: slip.subtotal,
          discount: slip.discount,
          total: slip.total,
          pointsSpent: slip.pointsSpent,
          toPay: slip.toPay,
          pointsEarned: slip.pointsEarned,
          pointsAvailableAt: slip.pointsAvailableAt,
          availableAfter: slip.availableAfter,
          pendingAfter: slip.pendingAfter,
        }
      : {
          kind: 'refund' as const,
          refundOf: row.refundOf ?? '?',
          moneyBack: slip.moneyBack,
          pointsReturned: slip.pointsReturned,
          pointsReversed: slip.pointsReversed,
          availableAfter: slip.availableAfter,
          pendingAfter: slip.pendingAfter,
        };
  return parseReceiptDocument({
    version: 1,
    header: {
      storeName: identity.storeName,
      addressLine: null,
      receiptNumber: row.number,
      at: row.at,
      timeZone: identity.timeZone,
      terminal: identity.terminalId,
    },
    lines: [],
    totals,
    customer: receiptCustomer(input.customerName, row.cardNumber),
    virtualCardQr:
      input.cardKind === 'virtual' && row.cardNumber !== null
        ? encodeVirtualCardQr(row.cardNumber as CardNumber)
        : null,
    footer: [],
  });
}
