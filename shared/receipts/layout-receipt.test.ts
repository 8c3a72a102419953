import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import { money, points } from '../money/money';
import { layoutReceipt } from './layout-receipt';
import type { PrintBlock } from './print-blocks';
import { isReceiptCharacter } from './print-text';
import type { ReceiptDocument } from './receipt-document';
import { receiptDate, receiptDateTime, receiptMoney, receiptPoints } from './receipt-format';
import { sampleRefundReceipt, sampleSaleReceipt } from './sample-receipts';

const COLUMNS = [32, 42, 48] as const;

function textLines(blocks: readonly PrintBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
}

function allReceiptCharacters(text: string): boolean {
  for (const char of text) if (!isReceiptCharacter(char)) return false;
  return true;
}

/** Lines wider than the paper or with a character no code page prints (one expect: fast). */
function expectAllFit(blocks: readonly PrintBlock[], columns: number): void {
  const misfits = blocks.flatMap((block) =>
    block.kind === 'text' &&
    (block.text.length * block.size > columns || !allReceiptCharacters(block.text))
      ? [`"${block.text}" × ${block.size} > ${columns} columns, or a character outside`]
      : [],
  );
  expect(misfits).toEqual([]);
}

describe('layoutReceipt', () => {
  it('lays the sample sale out on 58 mm paper (32 columns), in Russian', () => {
    const blocks = layoutReceipt(sampleSaleReceipt(), { columns: 32, lang: 'ru' });
    expect(textLines(blocks)).toEqual([
      'Магазин',
      '"Ромашка"',
      'г. Москва, ул. Профсоюзная, д.',
      '12',
      '--------------------------------',
      'Чек                    T1-000042',
      'Дата            24.11.2026 21:05',
      'Касса                         T1',
      'Покупатель              Алёна И.',
      'Карта                  **** 0015',
      '--------------------------------',
      'Кофе в зёрнах      1 200,00 руб.',
      'Набор чайный подарочный "Ёлочка"',
      'с ароматом бергамота, 24',
      'пакетика             800,00 руб.',
      '--------------------------------',
      // 2 000,00 − 0 discount; 300 points (300,00 руб.) → 1 700,00 to pay.
      'Покупка            2 000,00 руб.',
      'Списано баллов               300',
      'К оплате           1 700,00 руб.',
      '--------------------------------',
      // 7 % of 1 700,00 = 119 points, pending 14 days: 24.11 + 14 = 08.12.
      'Начислено баллов            +119',
      'доступны с 08.12.2026',
      'Доступно баллов            1 250',
      'Ожидает баллов               119',
      'Ваша карта: покажите код на',
      'кассе',
      'Спасибо за покупку!',
      'Баллы № 1 - для своих',
    ]);
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([
      { kind: 'qr', payload: 'LTC1:2900010000015:2DCD' },
    ]);
    expect(blocks.at(-1)).toEqual({ kind: 'cut' });
    expect(blocks[0]).toMatchObject({ align: 'center', bold: true, size: 2 });
  });

  it('lays a refund out with its sale number, money back and points in English', () => {
    const lines = textLines(layoutReceipt(sampleRefundReceipt(), { columns: 48, lang: 'en' }));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Refund of receipt T1-000042',
        'Money back                          RUB 1,020.00',
        'Points returned                             +180',
        'Earned points taken back                     -71',
        'Points available                             -20',
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/To pay|\*\*\*\*/);
  });

  it.each(COLUMNS.flatMap((c) => LANGS.map((lang) => [c, lang] as const)))(
    'every line of both samples fits %i columns (%s)',
    (columns, lang) => {
      for (const doc of [sampleSaleReceipt(), sampleRefundReceipt()]) {
        expectAllFit(layoutReceipt(doc, { columns, lang }), columns);
      }
    },
  );

  it('wraps a long description to 3 lines and cuts the rest short', () => {
    const description = 'Очень длинное название товара '.repeat(6).trim();
    const doc: ReceiptDocument = {
      ...sampleSaleReceipt(),
      lines: [{ description, amount: money(200_000) }],
    };
    const blocks = layoutReceipt(doc, { columns: 32, lang: 'ru' });
    const lines = textLines(blocks);
    const start = lines.indexOf('Очень длинное название товара');
    expect(lines.slice(start, start + 4)).toEqual([
      'Очень длинное название товара',
      'Очень длинное название товара',
      'Очень длинное название товара...',
      '                   2 000,00 руб.',
    ]);
    expectAllFit(blocks, 32);
  });

  it('prints no QR, customer or discount row when the document has none', () => {
    const doc: ReceiptDocument = {
      ...sampleSaleReceipt(),
      customer: null,
      virtualCardQr: null,
      lines: [],
    };
    const blocks = layoutReceipt(doc, { columns: 48, lang: 'ru' });
    expect(blocks.some((b) => b.kind === 'qr')).toBe(false);
    expect(textLines(blocks).join('\n')).not.toMatch(/Покупатель|Карта|Скидка/);
  });

  it('shows a discount as a negative amount', () => {
    const sale = sampleSaleReceipt();
    if (sale.totals.kind !== 'sale') throw new Error('sample is a sale');
    const doc: ReceiptDocument = {
      ...sale,
      lines: [],
      totals: { ...sale.totals, discount: money(10_000), total: money(190_000) },
    };
    expect(textLines(layoutReceipt(doc, { columns: 32, lang: 'ru' }))).toContain(
      'Скидка              -100,00 руб.',
    );
  });

  it('refuses paper narrower than the layout supports', () => {
    expect(() => layoutReceipt(sampleSaleReceipt(), { columns: 20, lang: 'ru' })).toThrow(
      RangeError,
    );
  });

  it('fits any text the schema accepts', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 4 }),
        fc.constantFrom(...COLUMNS),
        fc.constantFrom(...LANGS),
        (name, descriptions, columns, lang) => {
          const doc: ReceiptDocument = {
            ...sampleRefundReceipt(),
            header: { ...sampleRefundReceipt().header, storeName: name, addressLine: name },
            lines: descriptions.map((description) => ({ description, amount: money(1) })),
            footer: descriptions,
          };
          expectAllFit(layoutReceipt(doc, { columns, lang }), columns);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('receipt formats', () => {
  // The worked-example table of receipt-format.ts.
  const at = Date.UTC(2026, 10, 24, 18, 5);
  it.each([
    ['ru', '1 700,00 руб.', '-0,05 руб.', '1 700', '24.11.2026 21:05'],
    ['en', 'RUB 1,700.00', '-RUB 0.05', '1,700', '2026-11-24 21:05'],
  ] as const)('%s', (lang, amount, negative, pts, dateTime) => {
    expect(receiptMoney(money(170_000), lang)).toBe(amount);
    expect(receiptMoney(money(-5), lang)).toBe(negative);
    expect(receiptPoints(points(1700), lang)).toBe(pts);
    expect(receiptDateTime(at, 'Europe/Moscow', lang)).toBe(dateTime);
  });

  it('dates a receipt in the store time zone, not the machine one', () => {
    // 23:30 UTC on 24.11 is already 25.11 in Moscow and still 24.11 in New York.
    const lateUtc = Date.UTC(2026, 10, 24, 23, 30);
    expect(receiptDate(lateUtc, 'Europe/Moscow', 'ru')).toBe('25.11.2026');
    expect(receiptDate(lateUtc, 'America/New_York', 'ru')).toBe('24.11.2026');
  });
});
