import { z } from 'zod';
import { epochMsSchema, uuidV7Schema } from '../ids/id-schemas';
import type { Money, Points } from '../money/money';

/** What a refund needs to know about a sale, kept with the receipt (and parsed when read). */
export const saleRecordSchema = z.strictObject({
  saleId: uuidV7Schema,
  customerId: uuidV7Schema,
  at: epochMsSchema,
  programVersion: z.int().positive(),
  accrualEntryId: uuidV7Schema,
  lines: z
    .array(
      z.strictObject({
        net: z
          .int()
          .min(0)
          .transform((n) => n as Money),
        pointsSpent: z
          .int()
          .min(0)
          .transform((n) => n as Points),
        paid: z
          .int()
          .min(0)
          .transform((n) => n as Money),
        pointsEarned: z
          .int()
          .min(0)
          .transform((n) => n as Points),
      }),
    )
    .min(1)
    .max(500),
});

export type SaleRecord = z.output<typeof saleRecordSchema>;
