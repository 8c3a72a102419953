import { MIN_PIN_HASH_ITERATIONS, hashPin } from './pin-hash';
import type { StaffMember } from './staff-member';

/**
 * Test support: a staff record with a real PIN hash at the cheapest accepted cost, so tests
 * run fast and still go through PBKDF2. Not used by the terminal itself.
 */
export async function testStaffMember(
  pin: string,
  fields: Partial<Omit<StaffMember, 'pinHash'>> = {},
): Promise<StaffMember> {
  const pinHash = await hashPin(pin, { iterations: MIN_PIN_HASH_ITERATIONS });
  if (!pinHash.ok) throw new Error(`Test PIN ${pin} is not a valid PIN: ${pinHash.error.kind}`);
  return {
    id: 'C1',
    name: 'Anna',
    role: 'cashier',
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    ...fields,
    pinHash: pinHash.value,
  };
}
