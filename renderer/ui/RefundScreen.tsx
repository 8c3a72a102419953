import { printSlip } from '../app/print-slip';
import { useState } from 'react';
import { refundSale } from '../../shared/checkout/refund';
import type { RefundError } from '../../shared/checkout/refund';
import { money } from '../../shared/money/money';
import { parseMoneyInput } from '../../shared/money/parse-money-input';
import { assertNever } from '../../shared/util/assert-never';
import { showError } from '../app/actions';
import type { Formats } from '../app/terminal-context';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { ReceiptRow } from '../db/rows';
import { findSaleReceipt, recordRefund } from '../operations/record-refund';
import type { RefundOperationError } from '../operations/record-refund';
import { previewContext } from '../operations/terminal-services';

/** Refund by receipt number, full or partial, with its effect on points shown before confirming. */
export function RefundScreen() {
  const { services, store, bridge } = useTerminal();
  const formats = useFormats();
  const { t, rub, pts } = formats;
  const session = useTerminalState((s) => s.session);
  const [number, setNumber] = useState('');
  const [receipt, setReceipt] = useState<ReceiptRow | null>(null);
  const [amounts, setAmounts] = useState<string[]>([]);

  const find = async (): Promise<void> => {
    const found = await findSaleReceipt(services, number);
    if (!found?.sale) {
      showError(store, t(found ? 'refundError.not-a-sale' : 'refundError.unknown-receipt'));
      return;
    }
    setReceipt(found);
    setAmounts(
      found.sale.lines.map((line, i) => toInput(line.net - (found.refundedByLine[i] ?? 0))),
    );
    store.setState({ notice: null });
  };

  const parsed = amounts.map((text) => parseMoneyInput(text === '' ? '0' : text));
  const valid = parsed.every((p) => p.ok);
  const lineAmounts = parsed.map((p) => (p.ok ? p.value : money(0)));
  const preview =
    receipt?.sale && valid && session
      ? refundSale(
          services.program,
          receipt.sale,
          receipt.refundedByLine.map(money),
          { lines: lineAmounts.map((amount, lineIndex) => ({ lineIndex, amount })) },
          previewContext(services, session.staffId),
        )
      : null;

  const confirm = async (): Promise<void> => {
    if (!receipt || !session) return;
    const result = await recordRefund(services, {
      cashierId: session.staffId,
      receiptNumber: receipt.number,
      amounts: lineAmounts,
    });
    if (!result.ok) {
      showError(store, describeRefundError(result.error, formats));
      return;
    }
    store.setState({ slip: result.value, notice: null });
    void printSlip(services, store, bridge, result.value);
    setReceipt(null);
    setNumber('');
  };

  return (
    <main className="screen refund">
      <h1>{t('refund.title')}</h1>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <label>
          {t('refund.receipt')}
          <input
            autoFocus
            value={number}
            data-testid="receipt-number"
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <button type="submit" className="big-button">
          {t('scan.find')}
        </button>
      </form>
      {receipt?.sale && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          {receipt.sale.lines.map((line, i) => (
            <label key={i}>
              {t('refund.line', {
                n: i + 1,
                amount: rub(line.net),
                refunded: rub(receipt.refundedByLine[i] ?? 0),
              })}{' '}
              — {t('refund.amount')}
              <input
                inputMode="decimal"
                value={amounts[i] ?? ''}
                data-testid={`refund-amount-${i}`}
                onChange={(e) => setAmounts(amounts.map((a, j) => (j === i ? e.target.value : a)))}
              />
            </label>
          ))}
          {preview?.ok && (
            <p className="preview" data-testid="refund-preview">
              {t('refund.preview', {
                money: rub(preview.value.moneyBack),
                returned: pts(preview.value.pointsReturned),
                reversed: pts(preview.value.pointsReversed),
              })}
            </p>
          )}
          {preview && !preview.ok && (
            <p className="warning">{describeRefundError(preview.error, formats)}</p>
          )}
          <button
            type="submit"
            className="big-button primary"
            disabled={!preview?.ok}
            data-testid="refund-confirm"
          >
            {t('refund.confirm')}
          </button>
        </form>
      )}
    </main>
  );
}

/** Kopecks as the cashier would type them: 85000 → "850,00". */
function toInput(kopecks: number): string {
  return `${Math.trunc(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
}

function describeRefundError(
  error: RefundOperationError | RefundError,
  { t, rub }: Formats,
): string {
  switch (error.code) {
    case 'unknown-receipt':
    case 'not-a-sale':
    case 'nothing-to-refund':
    case 'unknown-line':
      return t(`refundError.${error.code}`);
    case 'invalid-amount':
      return t('refundError.invalid-amount');
    case 'exceeds-remaining':
      return t('refundError.exceeds-remaining', {
        n: error.lineIndex + 1,
        max: rub(error.remaining),
      });
    default:
      return assertNever(error, 'refund error');
  }
}
