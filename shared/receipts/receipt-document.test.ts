import { describe, expect, it } from 'vitest';
import { parseReceiptDocument, receiptCustomer } from './receipt-document';
import { sampleRefundReceipt, sampleSaleReceipt } from './sample-receipts';

/** The document as it arrives from outside: plain JSON, no brands. */
function asJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function problemsOf(input: unknown): string[] {
  const result = parseReceiptDocument(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error.problems.map((p) => `${p.field}: ${p.message}`);
}

describe('parseReceiptDocument', () => {
  it.each([
    ['sale', sampleSaleReceipt()],
    ['refund', sampleRefundReceipt()],
  ])('accepts the sample %s after a JSON round trip, unchanged', (_, doc) => {
    const result = parseReceiptDocument(asJson(doc));
    expect(result.ok && result.value).toEqual(doc);
  });

  it.each([null, 42, 'receipt', [], {}])('refuses %j with a clear error', (garbage) => {
    const result = parseReceiptDocument(garbage);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe('InvalidReceiptDocumentError');
      expect(result.error.message).toMatch(/^The receipt cannot be printed: its data is invalid/);
    }
  });

  it('names every wrong field', () => {
    const doc = asJson(sampleSaleReceipt());
    const problems = problemsOf({
      ...doc,
      header: { ...(doc.header as object), storeName: 'Shop\u001B@', timeZone: 'Mars/Base' },
      customer: { maskedName: 'Алёна Иванова', cardLast4: '12' },
      virtualCardQr: 'https://example.com',
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'header.storeName: must not contain control characters',
        'header.timeZone: must be an IANA time zone',
        'customer.maskedName: must be a masked name (first name and initials, e.g. "Алёна И.")',
        'customer.cardLast4: must be the last 4 characters of the card number',
        'virtualCardQr: must be a virtual card code (LTC1:…)',
        'extra: is not a known field',
      ]),
    );
  });

  it('refuses money that is not whole kopecks', () => {
    const doc = asJson(sampleSaleReceipt());
    const totals = { ...(doc.totals as object), toPay: 1700.5 };
    expect(problemsOf({ ...doc, totals }).join('\n')).toMatch(/^totals\.toPay: /m);
  });

  it('refuses a sale that does not add up, showing the arithmetic', () => {
    const doc = asJson(sampleSaleReceipt());
    const totals = { ...(doc.totals as object), discount: 10_000, toPay: 250_000 };
    expect(problemsOf({ ...doc, totals })).toEqual([
      'totals.total: must be subtotal − discount = 200000 − 10000 = 190000, got 200000',
      'totals.toPay: 250000 exceeds total 200000',
    ]);
  });

  it('refuses basket lines that do not add up to the subtotal', () => {
    const doc = asJson(sampleSaleReceipt());
    const lines = [{ description: 'Кофе', amount: 120_000 }];
    expect(problemsOf({ ...doc, lines })).toEqual([
      'lines: line amounts add up to 120000, the subtotal is 200000',
    ]);
  });

  it('refuses an unknown receipt kind', () => {
    const doc = asJson(sampleSaleReceipt());
    const totals = { ...(doc.totals as object), kind: 'exchange' };
    expect(problemsOf({ ...doc, totals }).join('\n')).toMatch(/^totals\.kind: /m);
  });
});

describe('receiptCustomer', () => {
  it.each([
    ['Алёна Иванова', '2900010000015', { maskedName: 'Алёна И.', cardLast4: '0015' }],
    ['Иван Петрович Сидоров', 'lt0010000001x', { maskedName: 'Иван П. С.', cardLast4: '001X' }],
    ['Олег', null, { maskedName: 'Олег', cardLast4: null }],
    [null, '2900010000015', null],
    ['   ', null, null],
  ])('%s with card %s → %j', (name, card, expected) => {
    expect(receiptCustomer(name, card)).toEqual(expected);
  });

  it('gives what the schema accepts', () => {
    const doc = {
      ...sampleSaleReceipt(),
      customer: receiptCustomer('Пётр Ильич Чайковский', '290001'),
    };
    expect(parseReceiptDocument(asJson(doc)).ok).toBe(true);
  });
});
