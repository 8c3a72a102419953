import { describe, expect, it } from 'vitest';
import { layoutReceipt } from '../../shared/receipts/layout-receipt';
import type { ReceiptRow, TerminalIdentity } from '../db/rows';
import { receiptForSlip } from './receipt-for-slip';

const AT = Date.UTC(2026, 10, 2, 9, 0);
const identity = {
  terminalId: 'T1',
  storeId: 'S1',
  storeName: 'Магазин «Ромашка»',
  timeZone: 'Europe/Moscow',
} as unknown as TerminalIdentity;

const sale: ReceiptRow = {
  id: '019a4a8e-0000-7000-8000-000000000001',
  number: 'T1-000042',
  customerId: '019a4a8e-0000-7000-8000-0000000000c1',
  cardNumber: '2900010000015',
  at: AT,
  cashierId: 'anna',
  sale: null,
  refundedByLine: [],
  refundOf: null,
  slip: {
    kind: 'sale',
    subtotal: 200_000,
    discount: 0,
    total: 200_000,
    pointsSpent: 300,
    toPay: 170_000,
    pointsEarned: 119,
    pointsAvailableAt: AT + 14 * 86_400_000,
    rules: [],
    availableAfter: 1_250,
    pendingAfter: 119,
  },
};

const text = (doc: Parameters<typeof layoutReceipt>[0]): string =>
  layoutReceipt(doc, { columns: 48, lang: 'ru' })
    .map((block) => (block.kind === 'text' ? block.text : `[${block.kind}]`))
    .join('\n');

describe('receiptForSlip', () => {
  it('prints a sale with the masked customer, the points and a virtual card’s QR', () => {
    const doc = receiptForSlip({
      row: sale,
      identity,
      customerName: 'Алёна Игоревна Смирнова',
      cardKind: 'virtual',
    });
    if (!doc.ok) throw doc.error;
    expect(doc.value.customer).toEqual({ maskedName: 'Алёна И. С.', cardLast4: '0015' });
    expect(doc.value.virtualCardQr).toMatch(/^LTC1:2900010000015:/);
    const printed = text(doc.value);
    expect(printed).toContain('T1-000042');
    expect(printed).not.toContain('Смирнова');
    expect(printed).toContain('[qr]');
  });

  it('prints no QR for a plastic card, and a refund with the sale it returns', () => {
    const plastic = receiptForSlip({
      row: sale,
      identity,
      customerName: 'Алёна',
      cardKind: 'plastic',
    });
    expect(plastic.ok && plastic.value.virtualCardQr).toBe(null);
    const refund = receiptForSlip({
      row: {
        ...sale,
        number: 'T1-000043',
        refundOf: 'T1-000042',
        slip: {
          kind: 'refund',
          moneyBack: 85_000,
          pointsReturned: 150,
          pointsReversed: 59,
          availableAfter: 1_400,
          pendingAfter: 60,
        },
      },
      identity,
      customerName: 'Алёна',
      cardKind: null,
    });
    if (!refund.ok) throw refund.error;
    expect(refund.value.totals).toMatchObject({ kind: 'refund', refundOf: 'T1-000042' });
    expect(text(refund.value)).toContain('T1-000042');
  });

  it('refuses a row whose figures do not add up, naming the field', () => {
    const broken = receiptForSlip({
      row: { ...sale, slip: { ...sale.slip, total: 1 } as ReceiptRow['slip'] },
      identity,
      customerName: null,
      cardKind: null,
    });
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.error.message).toMatch(/totals.total/);
  });
});
