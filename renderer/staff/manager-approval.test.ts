import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/time/zoned-time';
import { MANAGER_ACTIONS, approveWithManagerPin, authorize, hasRole } from './manager-approval';
import type { StaffSession } from './sign-in';
import { testStaffMember } from './test-staff';

const now = Date.UTC(2026, 0, 5, 12, 0);
const cashierSession: StaffSession = {
  staffId: 'C7',
  name: 'Anna',
  role: 'cashier',
  signedInAt: now,
};
const managerSession: StaffSession = {
  staffId: 'M1',
  name: 'Olga',
  role: 'manager',
  signedInAt: now,
};
const olga = () => testStaffMember('9753', { id: 'M1', name: 'Olga', role: 'manager' });

describe('roles and actions', () => {
  it('needs a manager for enrolment, card replacement, balance adjustment and day close', () => {
    expect(MANAGER_ACTIONS).toEqual(
      expect.arrayContaining(['enrol-customer', 'replace-card', 'adjust-balance', 'close-day']),
    );
    expect(MANAGER_ACTIONS).not.toContain('checkout');
  });

  it.each([
    ['cashier', 'cashier', true],
    ['cashier', 'manager', false],
    ['manager', 'manager', true],
    ['manager', 'cashier', true],
  ] as const)('a %s has the role %s: %s', (held, needed, expected) => {
    expect(hasRole(held, needed)).toBe(expected);
  });

  it('lets a cashier check out alone but asks for a manager to adjust a balance', () => {
    expect(authorize(cashierSession, 'checkout', now)).toEqual({
      kind: 'authorized',
      authorization: { action: 'checkout', authorId: 'C7', cashierId: 'C7', at: now },
    });
    expect(authorize(cashierSession, 'adjust-balance', now)).toEqual({
      kind: 'needs-approval',
      role: 'manager',
    });
  });

  it('lets a signed-in manager adjust a balance as its author', () => {
    expect(authorize(managerSession, 'adjust-balance', now)).toEqual({
      kind: 'authorized',
      authorization: { action: 'adjust-balance', authorId: 'M1', cashierId: 'M1', at: now },
    });
  });
});

describe('approveWithManagerPin', () => {
  it('names the approving manager as the author of an adjustment in a cashier’s session', async () => {
    const manager = await olga();
    const approval = await approveWithManagerPin({
      session: cashierSession,
      action: 'adjust-balance',
      approver: manager,
      pin: '9753',
      now,
    });
    if (!approval.ok) throw new Error(`approval refused: ${approval.error.kind}`);
    expect(approval.authorization).toEqual({
      action: 'adjust-balance',
      authorId: 'M1',
      cashierId: 'C7',
      at: now,
    });
  });

  it('refuses a cashier as approver without looking at the PIN', async () => {
    const boris = await testStaffMember('2468', { id: 'C8', name: 'Boris' });
    expect(
      await approveWithManagerPin({
        session: cashierSession,
        action: 'close-day',
        approver: boris,
        pin: '2468',
        now,
      }),
    ).toEqual({ ok: false, error: { kind: 'role-required', role: 'manager' }, updated: null });
  });

  it('counts wrong PINs on the manager’s record and locks it like sign-in does', async () => {
    let manager = await olga();
    const errors: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const result = await approveWithManagerPin({
        session: cashierSession,
        action: 'replace-card',
        approver: manager,
        pin: '1111',
        now,
      });
      if (result.ok || result.updated === null) throw new Error(`wrong PIN ${n} was not counted`);
      errors.push(result.error.kind);
      manager = result.updated;
    }
    expect(errors).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked-out']);
    expect(manager).toMatchObject({ failedAttempts: 5, lockedUntil: now + 5 * MINUTE_MS });

    const request = {
      session: cashierSession,
      action: 'replace-card',
      approver: manager,
      pin: '9753',
    } as const;
    expect(await approveWithManagerPin({ ...request, now: now + MINUTE_MS })).toMatchObject({
      ok: false,
      error: { kind: 'locked', retryInMs: 4 * MINUTE_MS },
    });
    const later = await approveWithManagerPin({ ...request, now: now + 5 * MINUTE_MS });
    expect(later.ok && later.updated).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('refuses a switched-off manager', async () => {
    const manager = await testStaffMember('9753', { id: 'M2', role: 'manager', active: false });
    const result = await approveWithManagerPin({
      session: cashierSession,
      action: 'enrol-customer',
      approver: manager,
      pin: '9753',
      now,
    });
    expect(result.ok ? null : result.error).toEqual({ kind: 'inactive' });
  });
});
