import { z } from 'zod';
import type { Money, Points } from '../money/money';
import { entityIdSchema, epochMsSchema, hlcStampSchema, uuidV7Schema } from '../ids/id-schemas';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { schemaProblems } from '../util/schema-problems';
import type { SchemaProblem } from '../util/schema-problems';

/**
 * The ledger is append-only: every change of a customer's points is one immutable entry.
 * A balance is a fold of the entries (fold-ledger.ts); caches are derived copies.
 *
 * Sign of `points`: credits are positive (accrual, bonus, refund-return, positive adjustment),
 * debits negative (redemption, refund-reversal, expiry, negative adjustment). The schema
 * enforces the sign per kind, so a stored row with the wrong sign is refused, not summed.
 *
 * Every entry carries who and where (terminal, store, cashier), when by the terminal's wall
 * clock (`at`, epoch ms, for display and day reports) and a hybrid-logical-clock `stamp`
 * that orders entries across terminals. Money correctness never depends on either: it rests
 * on the sum of entries and on the entry ids, which make every entry count once.
 */

const uuidV7 = uuidV7Schema;
const entityId = entityIdSchema;
const epochMs = epochMsSchema;
const hlcStamp = hlcStampSchema;
const pointsSchema = z.int().transform((n) => n as Points);
const moneySchema = z
  .int()
  .min(0)
  .transform((n) => n as Money);

const common = {
  id: uuidV7,
  customerId: uuidV7,
  stamp: hlcStamp,
  at: epochMs,
  terminalId: entityId,
  storeId: entityId,
  cashierId: entityId,
  programVersion: z.int().positive(),
};

/** Lots: credits that are spent, reversed and expire individually. */
const lotFields = {
  /** Until then the points are pending (the return window). */
  availableAt: epochMs,
  /** null: these points never expire. */
  expiresAt: epochMs.nullable(),
};

const accrual = z.strictObject({
  ...common,
  ...lotFields,
  kind: z.literal('accrual'),
  points: pointsSchema.refine((p) => p >= 0, 'must not be negative for an accrual'),
  saleId: uuidV7,
  /** Money the customer paid (after discounts and points): counts towards tiers. */
  spendMinor: moneySchema,
  usedNextPurchaseOffer: z.boolean(),
});

const redemption = z.strictObject({
  ...common,
  kind: z.literal('redemption'),
  points: pointsSchema.refine((p) => p < 0, 'must be negative for a redemption'),
  saleId: uuidV7,
});

const refundReversal = z.strictObject({
  ...common,
  kind: z.literal('refund-reversal'),
  points: pointsSchema.refine((p) => p <= 0, 'must not be positive for a refund reversal'),
  saleId: uuidV7,
  refundId: uuidV7,
  /** The sale's accrual entry whose points are taken back. */
  accrualEntryId: uuidV7,
  spendReturnedMinor: moneySchema,
});

const refundReturn = z.strictObject({
  ...common,
  ...lotFields,
  kind: z.literal('refund-return'),
  points: pointsSchema.refine((p) => p >= 0, 'must not be negative for a refund return'),
  saleId: uuidV7,
  refundId: uuidV7,
});

const bonus = z.strictObject({
  ...common,
  ...lotFields,
  kind: z.literal('bonus'),
  bonus: z.enum(['welcome', 'birthday', 'referral']),
  points: pointsSchema.refine((p) => p > 0, 'must be positive for a bonus'),
  /** Two entries with the same key count once (the first by stamp): a bonus granted by two offline terminals is not doubled. */
  uniqueKey: z.string().min(1).max(120),
});

const expiry = z.strictObject({
  ...common,
  kind: z.literal('expiry'),
  points: pointsSchema.refine((p) => p < 0, 'must be negative for an expiry'),
  /** The id of the credit entry (lot) whose remaining points expired. */
  lotId: uuidV7,
  uniqueKey: z.string().min(1).max(120),
});

const adjustment = z.strictObject({
  ...common,
  ...lotFields,
  kind: z.literal('adjustment'),
  points: pointsSchema.refine((p) => p !== 0, 'must not be zero for an adjustment'),
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500),
  /** The manager who made the correction. */
  authorId: entityId,
});

export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  accrual,
  redemption,
  refundReversal,
  refundReturn,
  bonus,
  expiry,
  adjustment,
]);

export type LedgerEntry = z.output<typeof ledgerEntrySchema>;
export type LedgerEntryKind = LedgerEntry['kind'];
export type AccrualEntry = z.output<typeof accrual>;
export type RedemptionEntry = z.output<typeof redemption>;
export type RefundReversalEntry = z.output<typeof refundReversal>;
export type RefundReturnEntry = z.output<typeof refundReturn>;
export type BonusEntry = z.output<typeof bonus>;
export type BonusKind = BonusEntry['bonus'];
export type ExpiryEntry = z.output<typeof expiry>;
export type AdjustmentEntry = z.output<typeof adjustment>;

/** Validates an entry from outside (sync, IndexedDB row of any version, import file). */
export function parseLedgerEntry(input: unknown): Result<LedgerEntry, SchemaProblem[]> {
  const parsed = ledgerEntrySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(schemaProblems(parsed.error));
}
