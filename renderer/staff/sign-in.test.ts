import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/time/zoned-time';
import { DEFAULT_SIGN_IN_POLICY, attemptSignIn, clearLockout, lockoutDurationMs } from './sign-in';
import type { SignInPolicy } from './sign-in';
import type { StaffMember } from './staff-member';
import { PinHashFormatError } from './pin-hash';
import type { StoredPinHash } from './pin-hash';
import { testStaffMember } from './test-staff';

const HOUR_MS = 60 * MINUTE_MS;
const T0 = Date.UTC(2026, 0, 5, 9, 0);

describe('attemptSignIn', () => {
  it('signs in with the right PIN, clearing earlier wrong PINs', async () => {
    const anna = await testStaffMember('4821', { id: 'C7', failedAttempts: 3 });
    const result = await attemptSignIn(anna, '4821', T0);
    expect(result).toEqual({
      ok: true,
      session: { staffId: 'C7', name: 'Anna', role: 'cashier', signedInAt: T0 },
      updated: { ...anna, failedAttempts: 0, lockedUntil: null },
    });
  });

  it('counts a wrong PIN and says how many attempts are left', async () => {
    const anna = await testStaffMember('4821', { failedAttempts: 1 });
    const result = await attemptSignIn(anna, '1248', T0);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'wrong-pin', attemptsLeft: 3 },
      updated: { ...anna, failedAttempts: 2, lockedUntil: null },
    });
  });

  it('refuses a switched-off account without looking at the PIN', async () => {
    const anna = await testStaffMember('4821', { active: false });
    expect(await attemptSignIn(anna, '4821', T0)).toEqual({
      ok: false,
      error: { kind: 'inactive' },
      updated: null,
    });
  });

  it.each(['', '482', '482a', '123456789'])(
    'refuses %j as not a PIN without counting it',
    async (typed) => {
      const anna = await testStaffMember('4821', { failedAttempts: 4 });
      const result = await attemptSignIn(anna, typed, T0);
      expect(result.ok ? null : [result.error.kind.startsWith('pin-'), result.updated]).toEqual([
        true,
        null,
      ]);
    },
  );

  it('refuses even the right PIN during a lockout, without counting, and accepts it afterwards', async () => {
    const until = T0 + 5 * MINUTE_MS;
    const anna = await testStaffMember('4821', { failedAttempts: 5, lockedUntil: until });
    expect(await attemptSignIn(anna, '4821', T0 + MINUTE_MS)).toEqual({
      ok: false,
      error: { kind: 'locked', until, retryInMs: 4 * MINUTE_MS },
      updated: null,
    });
    expect(await attemptSignIn(anna, '1111', until - 1)).toMatchObject({ updated: null });
    const after = await attemptSignIn(anna, '4821', until);
    expect(after.ok && after.updated).toEqual({ ...anna, failedAttempts: 0, lockedUntil: null });
  });

  it('rejects a record whose PIN hash is damaged instead of counting a wrong PIN', async () => {
    const anna: StaffMember = {
      ...(await testStaffMember('4821')),
      pinHash: 'plain:4821' as StoredPinHash,
    };
    await expect(attemptSignIn(anna, '4821', T0)).rejects.toThrow(PinHashFormatError);
  });
});

/**
 * The lockout table of sign-in.ts: the n-th consecutive wrong PIN, typed as soon as the
 * previous lockout ends, and what it leads to with the default policy.
 */
const LOCKOUT_TABLE: readonly (readonly [
  wrongPins: number,
  attemptsLeft: number | null,
  lockedForMs: number | null,
])[] = [
  [1, 4, null],
  [2, 3, null],
  [3, 2, null],
  [4, 1, null],
  [5, null, 5 * MINUTE_MS],
  [6, 4, null],
  [9, 1, null],
  [10, null, 10 * MINUTE_MS],
  [15, null, 20 * MINUTE_MS],
  [20, null, 40 * MINUTE_MS],
  [25, null, 80 * MINUTE_MS],
  [30, null, 160 * MINUTE_MS],
  [35, null, 320 * MINUTE_MS],
  [40, null, 640 * MINUTE_MS],
  [45, null, 1280 * MINUTE_MS],
  [50, null, 24 * HOUR_MS],
  [55, null, 24 * HOUR_MS],
];

describe('lockout rule', () => {
  it('follows the worked-example table, wrong PIN by wrong PIN', async () => {
    let anna = await testStaffMember('4821');
    let now = T0;
    const seen = new Map<number, readonly [number | null, number | null]>();
    for (let n = 1; n <= 55; n += 1) {
      const result = await attemptSignIn(anna, '0000', now);
      if (result.ok || result.updated === null) throw new Error(`wrong PIN ${n} was not counted`);
      anna = result.updated;
      const { error } = result;
      if (error.kind === 'locked-out') {
        expect(error.until, `lockout after wrong PIN ${n}`).toBe(now + error.lockedForMs);
        seen.set(n, [null, error.lockedForMs]);
        now = error.until;
      } else if (error.kind === 'wrong-pin') {
        seen.set(n, [error.attemptsLeft, null]);
        now += 1_000;
      } else {
        throw new Error(`wrong PIN ${n}: unexpected ${error.kind}`);
      }
    }
    for (const [n, attemptsLeft, lockedForMs] of LOCKOUT_TABLE) {
      expect(seen.get(n), `wrong PIN ${n}`).toEqual([attemptsLeft, lockedForMs]);
    }
    expect(anna.failedAttempts).toBe(55);
  });

  it.each(LOCKOUT_TABLE.filter(([, , lockedForMs]) => lockedForMs !== null))(
    'wrong PIN %i starts lockout number n = %i / 5 of 5 min × 2^(n−1), at most 24 h: %s ms',
    (wrongPins, _attemptsLeft, lockedForMs) => {
      expect(lockoutDurationMs(wrongPins / 5, DEFAULT_SIGN_IN_POLICY)).toBe(lockedForMs);
    },
  );

  it('starts again from a 5-minute lockout after a successful sign-in', async () => {
    const locked = await testStaffMember('4821', { failedAttempts: 14, lockedUntil: null });
    const signedIn = await attemptSignIn(locked, '4821', T0);
    let anna = signedIn.ok ? signedIn.updated : locked;
    let last = null;
    for (let n = 1; n <= 5; n += 1) {
      last = await attemptSignIn(anna, '0000', T0);
      anna = last.updated ?? anna;
    }
    expect(last?.ok === false && last.error).toEqual({
      kind: 'locked-out',
      until: T0 + 5 * MINUTE_MS,
      lockedForMs: 5 * MINUTE_MS,
    });
  });

  it('uses the policy passed in: 3 attempts, 1 minute, at most 3 minutes', async () => {
    const policy: SignInPolicy = {
      maxFailedAttempts: 3,
      lockoutMs: MINUTE_MS,
      maxLockoutMs: 3 * MINUTE_MS,
    };
    expect([1, 2, 3, 4].map((n) => lockoutDurationMs(n, policy) / MINUTE_MS)).toEqual([1, 2, 3, 3]);
    const anna = await testStaffMember('4821', { failedAttempts: 2 });
    const result = await attemptSignIn(anna, '0000', T0, policy);
    expect(result.ok ? null : result.error).toEqual({
      kind: 'locked-out',
      until: T0 + MINUTE_MS,
      lockedForMs: MINUTE_MS,
    });
  });

  it.each([0, -1, 1.5])('refuses lockout number %s', (n) => {
    expect(() => lockoutDurationMs(n, DEFAULT_SIGN_IN_POLICY)).toThrow(RangeError);
  });

  it('lets a manager clear a lockout', async () => {
    const anna = await testStaffMember('4821', { failedAttempts: 10, lockedUntil: T0 + HOUR_MS });
    expect(clearLockout(anna)).toEqual({ ...anna, failedAttempts: 0, lockedUntil: null });
  });
});
