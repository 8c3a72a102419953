import { describe, expect, it } from 'vitest';
import { DEFAULT_PIN_HASH_ITERATIONS, hashPin, parsePinHash, verifyPin } from './pin-hash';

// Real Chromium Web Crypto at the production cost. No timing assertions: speed belongs to
// benchmarks, a timed test only fails on a busy machine.
describe('PIN hashing in Chromium', () => {
  it('hashes at the default cost and verifies the PIN', async () => {
    const stored = await hashPin('4821');
    if (!stored.ok) throw new Error(`hashPin refused: ${stored.error.kind}`);
    expect(stored.value).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const parsed = parsePinHash(stored.value);
    expect(parsed.ok && parsed.value.iterations).toBe(DEFAULT_PIN_HASH_ITERATIONS);
    expect(await verifyPin('4821', stored.value)).toBe(true);
    expect(await verifyPin('4812', stored.value)).toBe(false);
  });

  it('verifies a hash made by Node’s PBKDF2', async () => {
    const stored =
      'pbkdf2-sha256$2000$_-7dzLuqmYh3ZlVEMyIRAA$m2fKEXGjNtE4D2xBQ0M1uikxhInaVa600q6Kc2YRzRA';
    expect(await verifyPin('00001234', stored)).toBe(true);
  });
});
