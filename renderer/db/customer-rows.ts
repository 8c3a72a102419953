import { customerProfileSchema } from '../../shared/customers/customer-profile';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { nameSearchKeys } from '../../shared/customers/person-name';
import { cardRecordSchema } from '../../shared/customers/card-record';
import type { CardRecord } from '../../shared/customers/card-record';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';
import type { CustomerRow } from './rows';
import { CorruptRowError } from './corrupt-row-error';

/** A profile as stored: with the search keys the customers table indexes. */
export function toCustomerRow(profile: CustomerProfile): CustomerRow {
  return {
    ...profile,
    phoneLast4: profile.phone.slice(-4),
    nameKeys: nameSearchKeys(profile.name),
  };
}

/** A stored customer row back to a profile, checked; the search keys are derived data. */
export function fromCustomerRow(row: unknown): CustomerProfile {
  const { phoneLast4: _last4, nameKeys: _keys, ...profile } = (row ?? {}) as Partial<CustomerRow>;
  const parsed = customerProfileSchema.safeParse(profile);
  if (!parsed.success)
    throw new CorruptRowError(
      'customers',
      String(profile.id),
      describeSchemaProblems(schemaProblems(parsed.error)),
    );
  return parsed.data;
}

export function fromCardRow(row: unknown): CardRecord {
  const parsed = cardRecordSchema.safeParse(row);
  if (!parsed.success) {
    const number =
      typeof row === 'object' && row !== null && 'number' in row ? String(row.number) : '?';
    throw new CorruptRowError(
      'cards',
      number,
      describeSchemaProblems(schemaProblems(parsed.error)),
    );
  }
  return parsed.data;
}
