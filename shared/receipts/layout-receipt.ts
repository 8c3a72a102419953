import type { Lang } from '../i18n/lang';
import { money, points } from '../money/money';
import { assertNever } from '../util/assert-never';
import { MIN_COLUMNS } from './print-blocks';
import type { PrintBlock, TextAlign, TextBlock, TextSize } from './print-blocks';
import { labelValueLines, toReceiptText, wrapText } from './print-text';
import type { ReceiptDocument, ReceiptTotals } from './receipt-document';
import { receiptDate, receiptDateTime, receiptMoney, receiptPoints } from './receipt-format';
import { receiptTexts } from './receipt-texts';
import type { ReceiptTexts } from './receipt-texts';

export type ReceiptLayoutOptions = {
  /** Font A columns of the printer: 32 (58 mm), 48 (80 mm), 42 (Epson TM-T88VI). */
  readonly columns: number;
  readonly lang: Lang;
};

/** How many lines a long text may take before it is cut short with `...`. */
const MAX_LINES = { storeName: 2, address: 2, description: 3, label: 2, footer: 3 } as const;

/**
 * Lays a receipt document out for a printer of `columns` columns, in `lang`: the store
 * (large, centred), receipt number, date and till, the customer (masked), the basket lines,
 * the totals, the points, the virtual card QR, the footer, and a cut. Pure and deterministic:
 * the same document and options give the same blocks, so golden files can pin the bytes.
 *
 * Every text block fits its line (print-blocks.ts): long names wrap and are then cut short,
 * never passed to the printer to wrap on its own (which would break the two-column rows).
 * Takes a parsed document (parseReceiptDocument): its sums are known to add up.
 */
export function layoutReceipt(doc: ReceiptDocument, options: ReceiptLayoutOptions): PrintBlock[] {
  const { columns, lang } = options;
  if (!Number.isInteger(columns) || columns < MIN_COLUMNS) {
    throw new RangeError(`A receipt needs at least ${MIN_COLUMNS} columns, got ${columns}`);
  }
  const t = receiptTexts(lang);
  const rule = text('-'.repeat(columns));
  const row = (label: string, value: string, bold = false): TextBlock[] =>
    labelValueLines(toReceiptText(label), toReceiptText(value), columns, MAX_LINES.label).map(
      (line) => text(line, { bold }),
    );
  const { header, customer } = doc;

  const blocks: PrintBlock[] = [
    ...wrapped(header.storeName, Math.floor(columns / 2), MAX_LINES.storeName, {
      align: 'center',
      bold: true,
      size: 2,
    }),
    ...(header.addressLine === null
      ? []
      : wrapped(header.addressLine, columns, MAX_LINES.address, { align: 'center' })),
    rule,
    ...row(t.receipt, header.receiptNumber),
    ...row(t.dateTime, receiptDateTime(header.at, header.timeZone, lang)),
    ...row(t.terminal, header.terminal),
  ];
  if (doc.totals.kind === 'refund') {
    blocks.push(...wrapped(t.refundOf(doc.totals.refundOf), columns, 2, { bold: true }));
  }
  if (customer !== null) {
    blocks.push(...row(t.customer, customer.maskedName));
    if (customer.cardLast4 !== null) blocks.push(...row(t.card, `**** ${customer.cardLast4}`));
  }
  if (doc.lines.length > 0) {
    blocks.push(rule);
    for (const line of doc.lines) {
      const lines = labelValueLines(
        toReceiptText(line.description),
        receiptMoney(line.amount, lang),
        columns,
        MAX_LINES.description,
      );
      blocks.push(...lines.map((l) => text(l)));
    }
  }
  blocks.push(rule, ...totalsRows(doc, t, lang, row), rule);
  blocks.push(...pointsRows(doc, t, lang, row, columns));
  if (doc.virtualCardQr !== null) {
    blocks.push(
      { kind: 'feed', lines: 1 },
      ...wrapped(t.virtualCard, columns, 2, { align: 'center' }),
      { kind: 'qr', payload: doc.virtualCardQr },
    );
  }
  if (doc.footer.length > 0) {
    blocks.push({ kind: 'feed', lines: 1 });
    for (const line of doc.footer) {
      // An empty footer line is a deliberate blank line, kept as one.
      blocks.push(
        ...(line.trim() === ''
          ? [text('', { align: 'center' })]
          : wrapped(line, columns, MAX_LINES.footer, { align: 'center' })),
      );
    }
  }
  blocks.push({ kind: 'cut' });
  return blocks;
}

type Row = (label: string, value: string, bold?: boolean) => TextBlock[];

function totalsRows(doc: ReceiptDocument, t: ReceiptTexts, lang: Lang, row: Row): TextBlock[] {
  const totals: ReceiptTotals = doc.totals;
  switch (totals.kind) {
    case 'sale':
      return [
        ...row(t.purchase, receiptMoney(totals.subtotal, lang)),
        ...(totals.discount > 0
          ? row(t.discount, receiptMoney(money(-totals.discount), lang))
          : []),
        ...row(t.pointsSpent, receiptPoints(totals.pointsSpent, lang)),
        ...row(t.toPay, receiptMoney(totals.toPay, lang), true),
      ];
    case 'refund':
      return row(t.moneyBack, receiptMoney(totals.moneyBack, lang), true);
    default:
      return assertNever(totals, 'receipt totals');
  }
}

function pointsRows(
  doc: ReceiptDocument,
  t: ReceiptTexts,
  lang: Lang,
  row: Row,
  columns: number,
): TextBlock[] {
  const totals: ReceiptTotals = doc.totals;
  const balance = [
    ...row(t.available, receiptPoints(totals.availableAfter, lang), true),
    ...row(t.pending, receiptPoints(totals.pendingAfter, lang)),
  ];
  switch (totals.kind) {
    case 'sale': {
      const from = receiptDate(totals.pointsAvailableAt, doc.header.timeZone, lang);
      return [
        ...row(t.pointsEarned, `+${receiptPoints(totals.pointsEarned, lang)}`),
        ...(totals.pointsEarned > 0
          ? wrapped(t.availableFrom(from), columns, 1, { align: 'right' })
          : []),
        ...balance,
      ];
    }
    case 'refund':
      return [
        ...row(t.pointsReturned, `+${receiptPoints(totals.pointsReturned, lang)}`),
        ...row(t.pointsReversed, receiptPoints(points(-totals.pointsReversed), lang)),
        ...balance,
      ];
    default:
      return assertNever(totals, 'receipt totals');
  }
}

type Style = { readonly align?: TextAlign; readonly bold?: boolean; readonly size?: TextSize };

function text(line: string, style: Style = {}): TextBlock {
  return {
    kind: 'text',
    text: line,
    align: style.align ?? 'left',
    bold: style.bold ?? false,
    size: style.size ?? 1,
  };
}

function wrapped(value: string, width: number, maxLines: number, style: Style): TextBlock[] {
  return wrapText(toReceiptText(value), width, maxLines).map((line) => text(line, style));
}
