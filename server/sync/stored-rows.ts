import type { z } from 'zod';
import { cardRecordSchema } from '../../shared/customers/card-record';
import { customerProfileSchema } from '../../shared/customers/customer-profile';
import { ledgerEntrySchema } from '../../shared/ledger/ledger-entry';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';

/**
 * Rows read back from the database are parsed like any input: a row that fails its schema
 * (edited by hand, written by a buggy version) stops the operation with an error naming the
 * table and the row, instead of being summed or sent to terminals.
 */
export class CorruptStoredRowError extends Error {
  constructor(table: string, key: string, problems: string) {
    super(`Stored ${table} row ${key} is unreadable: ${problems}`);
    this.name = 'CorruptStoredRowError';
  }
}

function parseStored<S extends z.ZodType>(
  schema: S,
  table: string,
  key: string,
  value: unknown,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CorruptStoredRowError(
      table,
      key,
      describeSchemaProblems(schemaProblems(parsed.error)),
    );
  return parsed.data;
}

export const storedProfile = (key: string, value: unknown) =>
  parseStored(customerProfileSchema, 'customers', key, value);
export const storedCard = (key: string, value: unknown) =>
  parseStored(cardRecordSchema, 'cards', key, value);
export const storedEntry = (key: string, value: unknown) =>
  parseStored(ledgerEntrySchema, 'ledger_entries', key, value);
