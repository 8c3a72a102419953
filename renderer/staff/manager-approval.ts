import { DEFAULT_SIGN_IN_POLICY, attemptSignIn } from './sign-in';
import type { SignInPolicy, StaffSession } from './sign-in';
import type { ApprovalError } from './sign-in-error';
import type { StaffMember, StaffRole } from './staff-member';

/**
 * What each action on the terminal needs, as data. A manager may do everything a cashier may.
 * Inside a cashier's session a manager action needs a manager to choose their name and type
 * their PIN on the same terminal (approveWithManagerPin); the manager's record is subject to
 * the same lockout as at sign-in, so approval is not a second door for guessing PINs.
 */
export const STAFF_ACTIONS = [
  'checkout',
  'refund',
  'enrol-customer',
  'replace-card',
  'block-card',
  'adjust-balance',
  'view-day-report',
  'close-day',
  'register-terminal',
  'configure-devices',
] as const;

export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** The role each action needs (DOMAIN.md, "Who uses the terminal"). */
export const ACTION_ROLES: { readonly [A in StaffAction]: StaffRole } = {
  checkout: 'cashier',
  refund: 'cashier',
  'enrol-customer': 'manager',
  'replace-card': 'manager',
  'block-card': 'manager',
  'adjust-balance': 'manager',
  'view-day-report': 'manager',
  'close-day': 'manager',
  'register-terminal': 'manager',
  'configure-devices': 'manager',
};

/** Actions a cashier's session can do only with a manager's PIN. */
export const MANAGER_ACTIONS: readonly StaffAction[] = STAFF_ACTIONS.filter(
  (action) => ACTION_ROLES[action] === 'manager',
);

/** The roles each role includes. */
const ROLE_INCLUDES: { readonly [R in StaffRole]: readonly StaffRole[] } = {
  cashier: ['cashier'],
  manager: ['manager', 'cashier'],
};

export function hasRole(held: StaffRole, needed: StaffRole): boolean {
  return ROLE_INCLUDES[held].includes(needed);
}

/**
 * Permission for one action. `authorId` answers for it and is recorded as its author (e.g. an
 * adjustment's `authorId`); `cashierId` is who is signed in (the ledger's `cashierId`). They
 * differ when a manager approved inside a cashier's session.
 */
export type Authorization = {
  readonly action: StaffAction;
  readonly authorId: string;
  readonly cashierId: string;
  readonly at: number;
};

export type AuthorizeResult =
  | { readonly kind: 'authorized'; readonly authorization: Authorization }
  | { readonly kind: 'needs-approval'; readonly role: StaffRole };

/** Whether the signed-in staff member may do `action` themselves, or must ask for approval. */
export function authorize(
  session: StaffSession,
  action: StaffAction,
  now: number,
): AuthorizeResult {
  const role = ACTION_ROLES[action];
  if (!hasRole(session.role, role)) return { kind: 'needs-approval', role };
  return {
    kind: 'authorized',
    authorization: { action, authorId: session.staffId, cashierId: session.staffId, at: now },
  };
}

export type ApprovalRequest = {
  readonly session: StaffSession;
  readonly action: StaffAction;
  /** The staff member who chose their name in the approval dialog. */
  readonly approver: StaffMember;
  readonly pin: string;
  readonly now: number;
  readonly policy?: SignInPolicy;
};

/** As for sign-in, the caller saves `updated` (the approver's record) whenever it is not null. */
export type ApprovalResult =
  | {
      readonly ok: true;
      readonly authorization: Authorization;
      readonly updated: StaffMember;
    }
  | { readonly ok: false; readonly error: ApprovalError; readonly updated: StaffMember | null };

/**
 * Approval of `action` by `approver`'s PIN. An approver without the action's role is refused
 * before the PIN is looked at (nothing counted); otherwise the PIN goes through attemptSignIn,
 * lockout included, without changing who is signed in.
 */
export async function approveWithManagerPin(request: ApprovalRequest): Promise<ApprovalResult> {
  const { session, action, approver, pin, now } = request;
  const role = ACTION_ROLES[action];
  if (!hasRole(approver.role, role)) {
    return { ok: false, error: { kind: 'role-required', role }, updated: null };
  }
  const signIn = await attemptSignIn(approver, pin, now, request.policy ?? DEFAULT_SIGN_IN_POLICY);
  if (!signIn.ok) return signIn;
  return {
    ok: true,
    authorization: { action, authorId: approver.id, cashierId: session.staffId, at: now },
    updated: signIn.updated,
  };
}
