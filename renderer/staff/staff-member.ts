import { z } from 'zod';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { schemaProblems } from '../../shared/util/schema-problems';
import type { SchemaProblem } from '../../shared/util/schema-problems';
import { describePinHashProblem, parsePinHash } from './pin-hash';
import type { StoredPinHash } from './pin-hash';

/**
 * A staff member as stored on the terminal (IndexedDB). Rows are parsed with this schema
 * before use, because they may come from an older version or a damaged database; unknown
 * fields are refused, as for ledger entries.
 *
 * Invariants: `failedAttempts` counts wrong PINs since the last successful sign-in (it is not
 * reset by a lockout: sign-in.ts derives the lockout number from it); `lockedUntil` is the
 * end of the current or last lockout (epoch ms) or null.
 */

export const STAFF_ROLES = ['cashier', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Same rule as the ledger's `cashierId` and `authorId`, which a staff id becomes. */
const staffId = z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1–36 letters, digits, _ or -');

const pinHash = z.string().transform((text, ctx): StoredPinHash => {
  const parsed = parsePinHash(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: describePinHashProblem(parsed.error) });
  return text as StoredPinHash;
});

export const staffMemberSchema = z.strictObject({
  id: staffId,
  name: z.string().trim().min(1).max(60),
  role: z.enum(STAFF_ROLES),
  pinHash,
  failedAttempts: z.int().min(0),
  lockedUntil: z.int().min(0).nullable(),
  active: z.boolean(),
});

export type StaffMember = z.output<typeof staffMemberSchema>;

/** A stored row, checked; the problems name each bad field (`pinHash: has an unknown scheme`). */
export function parseStaffMember(row: unknown): Result<StaffMember, SchemaProblem[]> {
  const parsed = staffMemberSchema.safeParse(row);
  return parsed.success ? ok(parsed.data) : err(schemaProblems(parsed.error));
}
