import { money, points } from '../money/money';
import type { ReceiptDocument } from './receipt-document';

/**
 * Two fixed receipts: the settings screen prints the sale as its test page (it shows every
 * section: Cyrillic, two-column rows, a long name cut short, a QR code, a cut), and the
 * ESC/POS golden files are made from both. Changing them changes the golden files.
 *
 * The sale is the worked example of DOMAIN.md: a Silver customer buys for 2 000,00 руб. and
 * spends 300 points; accrual 7 % of 1 700,00 → 119 points, pending 14 days.
 */
const AT = Date.UTC(2026, 10, 24, 18, 5); // 24.11.2026 21:05 in Moscow (UTC+3)
const DAY_MS = 86_400_000;

export function sampleSaleReceipt(): ReceiptDocument {
  return {
    version: 1,
    header: {
      storeName: 'Магазин «Ромашка»',
      addressLine: 'г. Москва, ул. Профсоюзная, д. 12',
      receiptNumber: 'T1-000042',
      at: AT,
      timeZone: 'Europe/Moscow',
      terminal: 'T1',
    },
    lines: [
      { description: 'Кофе в зёрнах', amount: money(120_000) },
      {
        description: 'Набор чайный подарочный «Ёлочка» с ароматом бергамота, 24 пакетика',
        amount: money(80_000),
      },
    ],
    totals: {
      kind: 'sale',
      subtotal: money(200_000),
      discount: money(0),
      total: money(200_000),
      pointsSpent: points(300),
      toPay: money(170_000),
      pointsEarned: points(119),
      pointsAvailableAt: AT + 14 * DAY_MS,
      availableAfter: points(1_250),
      pendingAfter: points(119),
    },
    customer: { maskedName: 'Алёна И.', cardLast4: '0015' },
    virtualCardQr: 'LTC1:2900010000015:2DCD',
    footer: ['Спасибо за покупку!', 'Баллы № 1 — для своих'],
  };
}

/** A refund of the sale above: the money back, the spent points given back, accrual reversed. */
export function sampleRefundReceipt(): ReceiptDocument {
  return {
    version: 1,
    header: {
      storeName: 'Магазин «Ромашка»',
      addressLine: null,
      receiptNumber: 'T1-000043',
      at: AT + 2 * DAY_MS,
      timeZone: 'Europe/Moscow',
      terminal: 'T1',
    },
    lines: [{ description: 'Кофе в зёрнах', amount: money(120_000) }],
    totals: {
      kind: 'refund',
      refundOf: 'T1-000042',
      moneyBack: money(102_000),
      pointsReturned: points(180),
      pointsReversed: points(71),
      availableAfter: points(-20),
      pendingAfter: points(48),
    },
    customer: { maskedName: 'Алёна И.', cardLast4: null },
    virtualCardQr: null,
    footer: [],
  };
}
