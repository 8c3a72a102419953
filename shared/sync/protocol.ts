import { z } from 'zod';
import { cardRecordSchema } from '../customers/card-record';
import { customerProfileSchema } from '../customers/customer-profile';
import { entityIdSchema, uuidV7Schema } from '../ids/id-schemas';
import { ledgerEntrySchema } from '../ledger/ledger-entry';
import { outboxMessageSchema } from './outbox-message';

/**
 * The sync protocol between a terminal and the central server, version 1 (paths under
 * `/v1/`). Both sides parse what they receive with these schemas: the server every request,
 * the terminal every answer.
 */

/** The most messages one push may carry; a bigger batch is refused whole (413). */
export const MAX_PUSH_BATCH = 500;
/** The most changes one pull page may carry. */
export const MAX_PULL_PAGE = 2_000;

// ── Registration ────────────────────────────────────────────────────────────────────────

export const registrationRequestSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'must look like ABCD-EFGH-JKLM'),
});
export type RegistrationRequest = z.output<typeof registrationRequestSchema>;

export const registrationAnswerSchema = z.strictObject({
  terminalId: entityIdSchema,
  storeId: entityIdSchema,
  storeName: z.string().min(1).max(80),
  timeZone: z.string().min(1).max(64),
  cardBlock: z.int().min(1).max(999),
  /** Sent once; the server keeps only its hash. Goes in `Authorization: Bearer …`. */
  credential: z.string().min(20).max(200),
  /** Signs the files of unsent messages exported when the store has no link (HMAC-SHA256). */
  exportKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 43 base64url characters'),
});
export type RegistrationAnswer = z.output<typeof registrationAnswerSchema>;

// ── Push ────────────────────────────────────────────────────────────────────────────────

export const pushRequestSchema = z.strictObject({
  messages: z.array(outboxMessageSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.output<typeof pushRequestSchema>;

/** Why the server refused to apply a message (recorded; the messages behind it go on). */
export const REJECTION_REASONS = [
  'unknown-customer',
  'entry-id-reused',
  'stamp-in-future',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** What the server noticed in an applied message and listed for reconciliation. */
export const FLAG_KINDS = [
  'overdraft',
  'accrual-above-program',
  'unknown-program-version',
  'card-conflict',
  'duplicate-phone',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({
    id: uuidV7Schema,
    status: z.literal('applied'),
    flags: z.array(z.enum(FLAG_KINDS)),
  }),
  z.strictObject({ id: uuidV7Schema, status: z.literal('duplicate') }),
  z.strictObject({
    id: uuidV7Schema,
    status: z.literal('rejected'),
    reason: z.enum(REJECTION_REASONS),
    detail: z.string().max(500),
  }),
]);
export type PushResult = z.output<typeof pushResultSchema>;

export const pushAnswerSchema = z.strictObject({ results: z.array(pushResultSchema) });
export type PushAnswer = z.output<typeof pushAnswerSchema>;

// ── Pull ────────────────────────────────────────────────────────────────────────────────

/** One stored change, numbered by the server's change sequence. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ seq: z.int().positive(), kind: z.literal('entry'), entry: ledgerEntrySchema }),
  z.strictObject({
    seq: z.int().positive(),
    kind: z.literal('customer'),
    customer: customerProfileSchema,
  }),
  z.strictObject({ seq: z.int().positive(), kind: z.literal('card'), card: cardRecordSchema }),
  z.strictObject({
    seq: z.int().positive(),
    kind: z.literal('program'),
    /** Validated with the program schema where it is used (the program may be newer). */
    program: z.record(z.string(), z.unknown()),
  }),
]);
export type Change = z.output<typeof changeSchema>;

export const pullAnswerSchema = z.strictObject({
  changes: z.array(changeSchema).max(MAX_PULL_PAGE),
  /** The cursor to ask from next time: the last change's seq, or the cursor asked from. */
  cursor: z.int().min(0),
  /** True when changes after `cursor` already exist: ask again at once. */
  more: z.boolean(),
});
export type PullAnswer = z.output<typeof pullAnswerSchema>;

// ── Bootstrap snapshot ──────────────────────────────────────────────────────────────────

/**
 * A new terminal's first copy of the chain: newline-delimited JSON, one line per customer
 * (with their cards and whole ledger), read in ONE consistent database snapshot taken at
 * change `asOf`; the terminal then pulls from `asOf`. `after` (a customer id) resumes a cut
 * stream; the last line says how many customers were sent, so a cut stream is never taken
 * for a whole one.
 */
export const snapshotLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('header'),
    asOf: z.int().min(0),
    /** Customers after `after`: what this stream will send. */
    customers: z.int().min(0),
    program: z.record(z.string(), z.unknown()).nullable(),
  }),
  z.strictObject({
    kind: z.literal('customer'),
    customer: customerProfileSchema,
    cards: z.array(cardRecordSchema),
    entries: z.array(ledgerEntrySchema),
  }),
  z.strictObject({ kind: z.literal('end'), customers: z.int().min(0) }),
]);
export type SnapshotLine = z.output<typeof snapshotLineSchema>;

// ── Online balance check ───────────────────────────────────────────────────────────────

export const balanceAnswerSchema = z.strictObject({
  customerId: uuidV7Schema,
  /** Points available now by the server's ledger. */
  available: z.int(),
  /** Ids of this customer's entries the server holds, so the terminal can add its unsent ones. */
  entryCount: z.int().min(0),
});
export type BalanceAnswer = z.output<typeof balanceAnswerSchema>;

/** Every error answer (4xx, 5xx) has this body. */
export const errorAnswerSchema = z.strictObject({
  error: z.string().min(1),
  message: z.string(),
});
export type ErrorAnswer = z.output<typeof errorAnswerSchema>;
