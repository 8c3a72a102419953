import { describe, expect, it } from 'vitest';
import { parseStaffMember } from './staff-member';

const row = {
  id: 'M-01',
  name: '  Ольга Петрова ',
  role: 'manager',
  pinHash: 'pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$2gr5xCQfRexXAbDy5JD5x5TbjyqsynZsYIGnIdBL4pU',
  failedAttempts: 2,
  lockedUntil: null,
  active: true,
};

describe('parseStaffMember', () => {
  it('accepts a stored row, trimming the name', () => {
    expect(parseStaffMember(row)).toEqual({ ok: true, value: { ...row, name: 'Ольга Петрова' } });
    expect(parseStaffMember({ ...row, lockedUntil: 1_767_600_000_000 }).ok).toBe(true);
  });

  it.each([
    [{ pinHash: '2468' }, 'pinHash', 'is not a stored PIN hash'],
    [{ pinHash: row.pinHash.replace('1000', '10') }, 'pinHash', 'iteration count'],
    [{ role: 'admin' }, 'role', ''],
    [{ id: 'staff #1' }, 'id', 'letters, digits'],
    [{ name: '   ' }, 'name', ''],
    [{ failedAttempts: -1 }, 'failedAttempts', ''],
    [{ failedAttempts: 1.5 }, 'failedAttempts', ''],
    [{ lockedUntil: '2026-01-05' }, 'lockedUntil', ''],
    [{ active: 'yes' }, 'active', ''],
    [{ pin: '2468' }, 'pin', 'is not a known field'],
  ])('refuses a row with %j, naming %s', (change, field, message) => {
    const result = parseStaffMember({ ...row, ...change });
    expect(result.ok ? [] : result.error).toEqual([
      { field, message: expect.stringContaining(message) as unknown },
    ]);
  });

  it('refuses a row without a PIN hash', () => {
    const { pinHash: _, ...withoutHash } = row;
    expect(parseStaffMember(withoutHash).ok).toBe(false);
  });
});
