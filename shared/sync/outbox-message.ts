import { z } from 'zod';
import { cardRecordSchema } from '../customers/card-record';
import { customerProfileSchema } from '../customers/customer-profile';
import { entityIdSchema, epochMsSchema, uuidV7Schema } from '../ids/id-schemas';
import { ledgerEntrySchema } from '../ledger/ledger-entry';

/**
 * What a terminal sends to the central server: one message per business operation, holding
 * everything that operation wrote (ledger entries, profiles, cards), so the server applies
 * it whole or not at all, at most once (the message id is unique).
 */
export const OPERATION_KINDS = [
  'sale',
  'refund',
  'enrolment',
  'profile-change',
  'card-change',
  'adjustment',
  'bonus',
  'expiry',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const outboxMessageSchema = z.strictObject({
  id: uuidV7Schema,
  operation: z.enum(OPERATION_KINDS),
  terminalId: entityIdSchema,
  storeId: entityIdSchema,
  createdAt: epochMsSchema,
  entries: z.array(ledgerEntrySchema).max(100),
  customers: z.array(customerProfileSchema).max(10),
  cards: z.array(cardRecordSchema).max(10),
});

export type OutboxMessage = z.output<typeof outboxMessageSchema>;
