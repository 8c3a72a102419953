import type { StaffMember } from '../staff/staff-member';

/** Staff members who may sign in on this terminal (PINs hashed, see staff/pin-hash.ts). */
export type StaffRow = StaffMember;
