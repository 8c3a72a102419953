import { z } from 'zod';
import { entityIdSchema, epochMsSchema, hlcStampSchema, uuidV7Schema } from '../ids/id-schemas';
import { parseLocalDate } from '../time/zoned-time';

/**
 * A customer's profile as every layer stores and syncs it. Points are not here: they live in
 * the ledger, keyed by the customer id. Personal data is shown masked where the full value is
 * not needed (maskName, maskPhone).
 *
 * `fieldStamps` holds, per editable field, the hybrid-logical-clock stamp of its last change:
 * concurrent edits on two terminals resolve per field, the later stamp winning.
 */
export const EDITABLE_PROFILE_FIELDS = [
  'name',
  'phone',
  'birthday',
  'email',
  'marketingConsent',
  'clubMemberUntil',
] as const;
export type EditableProfileField = (typeof EDITABLE_PROFILE_FIELDS)[number];

export const customerProfileSchema = z.strictObject({
  id: uuidV7Schema,
  name: z.string().trim().min(1, 'must not be empty').max(120),
  /** Canonical digits, see parsePhoneNumber. */
  phone: z.string().regex(/^\d{11,15}$/, 'must be 11–15 digits'),
  /** `YYYY-MM-DD`, or null when the customer did not give it. */
  birthday: z
    .string()
    .refine((text) => parseLocalDate(text) !== null, 'must be a date YYYY-MM-DD')
    .nullable(),
  email: z.email().max(200).nullable(),
  /** Consent to marketing messages; without it the customer gets none. */
  marketingConsent: z.boolean(),
  referrerId: uuidV7Schema.nullable(),
  clubMemberUntil: epochMsSchema.nullable(),
  enrolledAt: epochMsSchema,
  enrolledStoreId: entityIdSchema,
  fieldStamps: z.partialRecord(z.enum(EDITABLE_PROFILE_FIELDS), hlcStampSchema),
});

export type CustomerProfile = z.output<typeof customerProfileSchema>;
