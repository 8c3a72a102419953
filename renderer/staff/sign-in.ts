import { DAY_MS, MINUTE_MS } from '../../shared/time/zoned-time';
import { pinFormatError, verifyPin } from './pin-hash';
import type { SignInError } from './sign-in-error';
import type { StaffMember, StaffRole } from './staff-member';

/**
 * Signing in on the terminal: the staff member picks their name, then types their PIN.
 *
 * Typing a PIN alone (and finding whose it is) is deliberately not supported:
 * - PINs would have to be unique, so choosing a PIN that is taken would tell the new staff
 *   member a colleague's PIN;
 * - a wrong PIN could not be charged to anyone's record, so there could be no lockout per
 *   person, only one for the whole terminal that a single prankster could trigger;
 * - each check is one slow hash (0.1–0.3 s at the default cost on a desktop CPU, more on a
 *   slow one), so trying every record would take seconds per sign-in.
 *
 * Lockout rule, with the default policy (5 attempts, 5 minutes, at most 1 day): every
 * `maxFailedAttempts`-th consecutive wrong PIN locks sign-in; the k-th lockout lasts
 * `lockoutMs × 2^(k−1)`, capped at `maxLockoutMs`. A correct PIN resets the count, so the next
 * lockout is a first one again. While locked, PINs are not checked and not counted.
 *
 * | consecutive wrong PINs | attempts left | lockout | locked for          |
 * |------------------------|---------------|---------|---------------------|
 * | 1, 2, 3, 4             | 4, 3, 2, 1    | —       | —                   |
 * | 5                      | —             | 1st     | 5 min               |
 * | 6 … 9 (after the wait) | 4 … 1         | —       | —                   |
 * | 10                     | —             | 2nd     | 10 min              |
 * | 15                     | —             | 3rd     | 20 min              |
 * | 20                     | —             | 4th     | 40 min              |
 * | 45                     | —             | 9th     | 1280 min (21 h 20)  |
 * | 50, 55, …              | —             | 10th, … | 24 h (the cap)      |
 *
 * So someone at the keypad gets 5 guesses per lockout; guessing a 4-digit PIN (5 000 tries on
 * average) would take nearly 3 years of waiting. The cap keeps a forgetful cashier's lockout
 * bounded; a manager can also clear it (clearLockout).
 *
 * The clock is the terminal's: setting it forward shortens a lockout and setting it back
 * lengthens one. Whoever can change the OS clock can read the disk anyway (see pin-hash.ts).
 */

export type SignInPolicy = {
  /** Consecutive wrong PINs that lock sign-in (≥ 1). */
  readonly maxFailedAttempts: number;
  /** Length of the first lockout; each further one doubles (ms, > 0). */
  readonly lockoutMs: number;
  /** Upper bound of a lockout (ms, ≥ lockoutMs). */
  readonly maxLockoutMs: number;
};

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxFailedAttempts: 5,
  lockoutMs: 5 * MINUTE_MS,
  maxLockoutMs: DAY_MS,
};

/** Who works on the terminal now; `staffId` becomes the ledger's `cashierId`. */
export type StaffSession = {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly signedInAt: number;
};

/**
 * The caller saves `updated` whenever it is not null, before showing the outcome: a wrong PIN
 * that was not saved would not count towards the lockout.
 */
export type SignInResult =
  | { readonly ok: true; readonly session: StaffSession; readonly updated: StaffMember }
  | { readonly ok: false; readonly error: SignInError; readonly updated: StaffMember | null };

/**
 * Checks `pin` against `member` at time `now` (epoch ms). In order: a switched-off account and
 * a running lockout are refused without looking at the PIN; text that is not a PIN (empty,
 * letters, 3 or 9 digits) is refused and not counted, since it cannot be anyone's PIN; then the
 * PIN is verified and the record updated.
 */
export async function attemptSignIn(
  member: StaffMember,
  pin: string,
  now: number,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): Promise<SignInResult> {
  if (!member.active) return { ok: false, error: { kind: 'inactive' }, updated: null };
  if (member.lockedUntil !== null && now < member.lockedUntil) {
    const { lockedUntil } = member;
    return {
      ok: false,
      error: { kind: 'locked', until: lockedUntil, retryInMs: lockedUntil - now },
      updated: null,
    };
  }
  const formatError = pinFormatError(pin);
  if (formatError) return { ok: false, error: formatError, updated: null };
  if (await verifyPin(pin, member.pinHash)) {
    const updated = clearLockout(member);
    const session = { staffId: member.id, name: member.name, role: member.role, signedInAt: now };
    return { ok: true, session, updated };
  }
  return { ok: false, ...recordWrongPin(member, now, policy) };
}

/** The record after one more wrong PIN at `now`, and what to tell the person. */
export function recordWrongPin(
  member: StaffMember,
  now: number,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): { readonly error: SignInError; readonly updated: StaffMember } {
  const failedAttempts = member.failedAttempts + 1;
  const sinceLastLockout = failedAttempts % policy.maxFailedAttempts;
  if (sinceLastLockout === 0) {
    const lockedForMs = lockoutDurationMs(failedAttempts / policy.maxFailedAttempts, policy);
    const until = now + lockedForMs;
    return {
      error: { kind: 'locked-out', until, lockedForMs },
      updated: { ...member, failedAttempts, lockedUntil: until },
    };
  }
  return {
    error: { kind: 'wrong-pin', attemptsLeft: policy.maxFailedAttempts - sinceLastLockout },
    updated: { ...member, failedAttempts, lockedUntil: null },
  };
}

/** Length of the `lockoutNumber`-th lockout (1 = the first): lockoutMs × 2^(n−1), capped. */
export function lockoutDurationMs(lockoutNumber: number, policy: SignInPolicy): number {
  if (!Number.isSafeInteger(lockoutNumber) || lockoutNumber < 1) {
    throw new RangeError(`Lockout number must be a whole number from 1, got ${lockoutNumber}`);
  }
  // 2 ** n is Infinity for large n, which the cap absorbs.
  return Math.min(policy.lockoutMs * 2 ** (lockoutNumber - 1), policy.maxLockoutMs);
}

/** After a correct PIN, or a manager's unlock: no wrong PINs, no lockout. */
export function clearLockout(member: StaffMember): StaffMember {
  return { ...member, failedAttempts: 0, lockedUntil: null };
}
