import { z } from 'zod';
import { epochMsSchema, hlcStampSchema, uuidV7Schema } from '../ids/id-schemas';

/**
 * A loyalty card and its state. Points belong to the customer, not to the card, so replacing
 * a card moves nothing: the old card points to its successor and stops working.
 *
 * States: active → blocked (lost, stolen) or replaced. Blocking wins over reactivation when
 * two terminals disagree (sync resolves card state by that rule, then by stamp).
 */
export const CARD_STATES = ['active', 'blocked', 'replaced'] as const;
export type CardState = (typeof CARD_STATES)[number];

export const cardRecordSchema = z.strictObject({
  /** The canonical card number (see parseCardCode). */
  number: z.string().min(8).max(20),
  customerId: uuidV7Schema,
  kind: z.enum(['plastic', 'virtual']),
  state: z.enum(CARD_STATES),
  blockReason: z.enum(['lost', 'stolen', 'damaged']).nullable(),
  /** The card that replaced this one. */
  replacedBy: z.string().min(8).max(20).nullable(),
  issuedAt: epochMsSchema,
  /** Stamp of the last state change. */
  stamp: hlcStampSchema,
});

export type CardRecord = z.output<typeof cardRecordSchema>;
