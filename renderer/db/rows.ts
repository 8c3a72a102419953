import { z } from 'zod';
import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { entityIdSchema, epochMsSchema, uuidV7Schema } from '../../shared/ids/id-schemas';
import { saleRecordSchema } from '../../shared/checkout/sale-record';
import type { LedgerFold } from '../../shared/ledger/fold-ledger';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { OutboxMessage } from '../../shared/sync/outbox-message';

/**
 * The rows of the terminal's IndexedDB, per table. Rows that the domain already defines
 * (profiles, cards, ledger entries, outbox messages) are stored as the domain's records plus
 * the search keys this store indexes. Every row read back is parsed with its schema before
 * use (rows may come from an older version of the app).
 */

/** A customer profile plus its search keys (indexed). */
export type CustomerRow = CustomerProfile & {
  readonly phoneLast4: string;
  /** Each word of the name, normalised (nameSearchKeys): a multi-entry index. */
  readonly nameKeys: readonly string[];
};

export type CardRow = CardRecord;
export type LedgerRow = LedgerEntry;
export type OutboxRow = OutboxMessage & {
  /** Auto-increment: the order in which messages are sent. */
  readonly seq?: number;
};

/** The terminal's identity and preferences (row key 'identity'). */
export const terminalIdentitySchema = z.strictObject({
  terminalId: entityIdSchema,
  storeId: entityIdSchema,
  storeName: z.string().min(1).max(80),
  /** This terminal's block of card numbers (see card-number-generator). */
  cardBlock: z.int().min(1).max(999),
  timeZone: z.string().min(1).max(64),
  language: z.enum(['ru', 'en']),
});
export type TerminalIdentity = z.output<typeof terminalIdentitySchema>;

/** Counters that operations increment inside their transaction (row key 'counters'). */
export const terminalCountersSchema = z.strictObject({
  receiptSeq: z.int().min(0),
  cardSerial: z.int().min(0),
});
export type TerminalCounters = z.output<typeof terminalCountersSchema>;

/** An outbox message taken out of the queue because the server rejected it or it was unreadable. */
export type SyncProblemRow = {
  readonly id: string;
  readonly reason: string;
  readonly detail: string;
  readonly at: number;
  /** The message as it was queued (not parsed: it may be the unreadable one). */
  readonly message: unknown;
};

/** How this terminal reaches the central server (row key 'link'); absent: never registered. */
export const serverLinkSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** The bearer credential the server issued at registration. */
  credential: z.string().min(20).max(200),
  /** Signs exported files of unsent messages (see export-outbox.ts). */
  exportKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 43 base64url characters'),
});
export type ServerLink = z.output<typeof serverLinkSchema>;

/** Where pulling resumes (row key 'cursor'): written in the transaction of each page applied. */
export const pullCursorSchema = z.strictObject({ cursor: z.int().min(0) });

/**
 * Bootstrap progress (row key 'bootstrap'), written in the transaction of each chunk: a cut
 * bootstrap resumes after `after`; pulling starts at `asOf` of the FIRST stream (a resumed
 * stream is newer, and pulling from the older point repeats changes harmlessly).
 */
export const bootstrapStateSchema = z.strictObject({
  asOf: z.int().min(0),
  after: z.string().nullable(),
  loaded: z.int().min(0),
  done: z.boolean(),
});
export type BootstrapState = z.output<typeof bootstrapStateSchema>;

/** Rules a manager sets for this terminal (row key 'policy'). */
export const terminalPolicySchema = z.strictObject({
  /** Points one customer may spend while the link is down (until the outbox empties again). */
  offlineRedemptionLimit: z.int().min(0).max(1_000_000),
});
export type TerminalPolicy = z.output<typeof terminalPolicySchema>;
export const DEFAULT_TERMINAL_POLICY: TerminalPolicy = { offlineRedemptionLimit: 500 };

export type SettingsRow =
  | { readonly key: 'identity'; readonly value: TerminalIdentity }
  | { readonly key: 'counters'; readonly value: TerminalCounters }
  | { readonly key: 'link'; readonly value: ServerLink }
  | { readonly key: 'cursor'; readonly value: z.output<typeof pullCursorSchema> }
  | { readonly key: 'policy'; readonly value: TerminalPolicy }
  | { readonly key: 'bootstrap'; readonly value: BootstrapState };

/** The balance cache: the customer's ledger folded (a derived copy, rebuilt at will). */
export type BalanceRow = { readonly customerId: string; readonly fold: LedgerFold };

/** Slip figures of a sale or a refund, kept for the preview and for reprints. */
export const slipSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sale'),
    subtotal: z.int(),
    discount: z.int(),
    total: z.int(),
    pointsSpent: z.int(),
    toPay: z.int(),
    pointsEarned: z.int(),
    pointsAvailableAt: z.int(),
    rules: z.array(z.string()),
    availableAfter: z.int(),
    pendingAfter: z.int(),
  }),
  z.strictObject({
    kind: z.literal('refund'),
    moneyBack: z.int(),
    pointsReturned: z.int(),
    pointsReversed: z.int(),
    availableAfter: z.int(),
    pendingAfter: z.int(),
  }),
]);
export type Slip = z.output<typeof slipSchema>;

export const receiptRowSchema = z.strictObject({
  /** The sale id or the refund id. */
  id: uuidV7Schema,
  /** What the cashier types for a refund: terminal id and a sequence, e.g. `T1-000042`. */
  number: z.string().min(3).max(48),
  customerId: uuidV7Schema,
  cardNumber: z.string().nullable(),
  at: epochMsSchema,
  cashierId: entityIdSchema,
  /** For a sale: what refunds need, and the net amounts refunded so far per line. */
  sale: saleRecordSchema.nullable(),
  refundedByLine: z.array(z.int().min(0)),
  /** For a refund: the number of the sale receipt it refunds. */
  refundOf: z.string().nullable(),
  slip: slipSchema,
});
export type ReceiptRow = z.output<typeof receiptRowSchema>;
