import { z } from 'zod';
import { isVirtualCardQrPayload } from '../cards/virtual-card-qr';
import { maskName } from '../customers/person-name';
import { epochMsSchema } from '../ids/id-schemas';
import type { Money, Points } from '../money/money';
import { isValidTimeZone } from '../time/zoned-time';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { schemaProblems } from '../util/schema-problems';
import type { SchemaProblem } from '../util/schema-problems';

/**
 * The receipt document: everything a printed slip (and its on-screen preview) shows, with
 * no layout in it. It is built once when a sale or refund commits, kept for reprints and
 * sent across the bridge, so it is plain JSON and every copy read back is parsed here.
 *
 * Invariants the schema enforces (a document that breaks one is refused, never printed):
 * - no text carries a control character, so document text can never smuggle printer
 *   commands (ESC, GS, …) into the byte stream;
 * - personal data is masked already: the customer is `Алёна И.` (maskName) and the card is
 *   its last 4 characters. The full name and card number never enter a receipt;
 * - money is integer kopecks and points are integers (safe integers, Money/Points brands);
 * - a sale adds up: total = subtotal − discount, to pay ≤ total, and when basket lines are
 *   listed, their amounts add up to the subtotal;
 * - the QR code, when present, is a virtual card payload (`LTC1:…`), nothing else.
 */

/** Text printed as is: no control characters (they would be printer commands). */
function printableText(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'must not contain control characters');
}

const nonNegativeMoneySchema = z
  .int()
  .min(0)
  .transform((n) => n as Money);
const pointsSchema = z.int().transform((n) => n as Points);
const nonNegativePointsSchema = z
  .int()
  .min(0)
  .transform((n) => n as Points);

export const receiptHeaderSchema = z.strictObject({
  storeName: printableText(1, 80),
  addressLine: printableText(1, 120).nullable(),
  /** What the cashier types for a refund, e.g. `T1-000042`. */
  receiptNumber: printableText(1, 48),
  at: epochMsSchema,
  /** IANA time zone of the store: the printed date and time are local to the store. */
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone'),
  /** The terminal (till) as the store names it, e.g. `T1`. */
  terminal: printableText(1, 36),
});

export const receiptLineSchema = z.strictObject({
  description: printableText(1, 200),
  amount: nonNegativeMoneySchema,
});

export const saleTotalsSchema = z.strictObject({
  kind: z.literal('sale'),
  subtotal: nonNegativeMoneySchema,
  discount: nonNegativeMoneySchema,
  /** subtotal − discount. */
  total: nonNegativeMoneySchema,
  pointsSpent: nonNegativePointsSchema,
  /** What the customer pays with money: total minus the value of the points spent. */
  toPay: nonNegativeMoneySchema,
  pointsEarned: nonNegativePointsSchema,
  /** When the points earned stop pending (the pending period covers the return window). */
  pointsAvailableAt: epochMsSchema,
  /** The balance after the sale; available may be negative (an offline overdraft). */
  availableAfter: pointsSchema,
  pendingAfter: pointsSchema,
});

export const refundTotalsSchema = z.strictObject({
  kind: z.literal('refund'),
  /** Number of the sale receipt this refund returns. */
  refundOf: printableText(1, 48),
  moneyBack: nonNegativeMoneySchema,
  /** Points the customer had spent on the sale, given back. */
  pointsReturned: nonNegativePointsSchema,
  /** Points the sale had earned, taken back in proportion to what is returned. */
  pointsReversed: nonNegativePointsSchema,
  availableAfter: pointsSchema,
  pendingAfter: pointsSchema,
});

export const receiptCustomerSchema = z.strictObject({
  /** Masked already (maskName): the first name and initials, e.g. `Алёна И.`. */
  maskedName: printableText(1, 60).regex(
    /^\S+( \S\.)*$/u,
    'must be a masked name (first name and initials, e.g. "Алёна И.")',
  ),
  /** The last 4 characters of the card number; null when no card was scanned. */
  cardLast4: z
    .string()
    .regex(/^[0-9A-Z]{4}$/, 'must be the last 4 characters of the card number')
    .nullable(),
});

export const receiptDocumentSchema = z
  .strictObject({
    /** Format version: queued and stored receipts outlive the app version that wrote them. */
    version: z.literal(1),
    header: receiptHeaderSchema,
    /** Basket lines; empty when the cashier entered one purchase amount. */
    lines: z.array(receiptLineSchema).max(500),
    totals: z.discriminatedUnion('kind', [saleTotalsSchema, refundTotalsSchema]),
    customer: receiptCustomerSchema.nullable(),
    /** A virtual card to scan next time (`LTC1:<number>:<check>`), or null. */
    virtualCardQr: z
      .string()
      .max(200)
      .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII')
      .refine(isVirtualCardQrPayload, 'must be a virtual card code (LTC1:…)')
      .nullable(),
    /** Free lines at the bottom (thanks, return policy); may be empty strings for spacing. */
    footer: z.array(printableText(0, 200)).max(10),
  })
  .superRefine((doc, ctx) => {
    if (doc.totals.kind !== 'sale') return;
    const t = doc.totals;
    if (t.discount > t.subtotal) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'discount'],
        message: `discount ${t.discount} exceeds subtotal ${t.subtotal}`,
      });
    }
    if (t.total !== t.subtotal - t.discount) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'total'],
        message: `must be subtotal − discount = ${t.subtotal} − ${t.discount} = ${t.subtotal - t.discount}, got ${t.total}`,
      });
    }
    if (t.toPay > t.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'toPay'],
        message: `${t.toPay} exceeds total ${t.total}`,
      });
    }
    const linesSum = doc.lines.reduce((sum, line) => sum + line.amount, 0);
    if (doc.lines.length > 0 && linesSum !== t.subtotal) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: `line amounts add up to ${linesSum}, the subtotal is ${t.subtotal}`,
      });
    }
  });

export type ReceiptDocument = z.output<typeof receiptDocumentSchema>;
export type ReceiptHeader = ReceiptDocument['header'];
export type ReceiptLine = ReceiptDocument['lines'][number];
export type ReceiptTotals = ReceiptDocument['totals'];
export type SaleTotals = Extract<ReceiptTotals, { kind: 'sale' }>;
export type RefundTotals = Extract<ReceiptTotals, { kind: 'refund' }>;
export type ReceiptCustomer = NonNullable<ReceiptDocument['customer']>;

/** Why a receipt document was refused: every problem, each naming its field. */
export class InvalidReceiptDocumentError extends Error {
  readonly problems: readonly SchemaProblem[];
  constructor(problems: readonly SchemaProblem[]) {
    super(
      `The receipt cannot be printed: its data is invalid (${problems
        .map((p) => `${p.field}: ${p.message}`)
        .join('; ')})`,
    );
    this.name = 'InvalidReceiptDocumentError';
    this.problems = problems;
  }
}

/** Validates a receipt document from outside (IPC, the print queue, a stored row). */
export function parseReceiptDocument(
  input: unknown,
): Result<ReceiptDocument, InvalidReceiptDocumentError> {
  const parsed = receiptDocumentSchema.safeParse(input);
  return parsed.success
    ? ok(parsed.data)
    : err(new InvalidReceiptDocumentError(schemaProblems(parsed.error)));
}

/**
 * The customer as a receipt shows them: `maskName` of the full name and the card's last 4
 * characters (upper case, as printed on the card). Null when there is nothing to show.
 */
export function receiptCustomer(
  fullName: string | null,
  cardNumber: string | null,
): ReceiptCustomer | null {
  const maskedName = fullName === null ? '' : maskName(fullName);
  const last4 = cardNumber === null ? '' : cardNumber.trim().toUpperCase().slice(-4);
  const cardLast4 = last4.length === 4 ? last4 : null;
  if (maskedName === '') return null;
  return { maskedName, cardLast4 };
}
