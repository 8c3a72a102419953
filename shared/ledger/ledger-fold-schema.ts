import { z } from 'zod';
import { epochMsSchema } from '../ids/id-schemas';
import type { Money, Points } from '../money/money';
import type { LedgerFold } from './fold-ledger';

/**
 * A stored fold (the balance cache) is outside data when read back: it is parsed with this
 * schema, and a row that fails is rebuilt from the ledger rather than trusted.
 */
const pointsSchema = z.int().transform((n) => n as Points);
const moneySchema = z.int().transform((n) => n as Money);
const entryKinds = z.enum([
  'accrual',
  'redemption',
  'refund-reversal',
  'refund-return',
  'bonus',
  'expiry',
  'adjustment',
]);

const lotSchema = z.strictObject({
  id: z.string(),
  source: z.enum(['accrual', 'bonus', 'refund-return', 'adjustment']),
  credited: pointsSchema,
  remaining: pointsSchema,
  availableAt: epochMsSchema,
  expiresAt: epochMsSchema.nullable(),
  expiryRecorded: z.boolean(),
  reversed: pointsSchema,
});

const saleTotalsSchema = z.strictObject({
  saleId: z.string(),
  at: epochMsSchema,
  spend: moneySchema,
  spendReturned: moneySchema,
  redeemed: pointsSchema,
  returned: pointsSchema,
  accrualEntryId: z.string().nullable(),
  accrued: pointsSchema,
  reversed: pointsSchema,
  usedNextPurchaseOffer: z.boolean(),
});

const anomalySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('overdraft'),
    entryId: z.string(),
    cause: entryKinds,
    points: pointsSchema,
  }),
  z.strictObject({ kind: z.literal('excess-reversal'), entryId: z.string(), points: pointsSchema }),
  z.strictObject({ kind: z.literal('excess-return'), entryId: z.string(), points: pointsSchema }),
  z.strictObject({ kind: z.literal('stale-expiry'), entryId: z.string(), points: pointsSchema }),
  z.strictObject({
    kind: z.literal('unknown-reference'),
    entryId: z.string(),
    reference: z.string(),
  }),
  z.strictObject({
    kind: z.literal('repeated-unique-key'),
    entryId: z.string(),
    uniqueKey: z.string(),
  }),
]);

export const ledgerFoldSchema = z.strictObject({
  lots: z.array(lotSchema),
  debt: pointsSchema,
  sales: z.record(z.string(), saleTotalsSchema),
  anomalies: z.array(anomalySchema),
  uniqueKeys: z.array(z.string()),
  entryCount: z.int().min(0),
  last: z.strictObject({ stamp: z.string(), id: z.string() }).nullable(),
}) satisfies z.ZodType<LedgerFold>;
