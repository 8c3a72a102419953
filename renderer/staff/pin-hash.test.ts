import { describe, expect, it } from 'vitest';
import {
  MAX_PIN_HASH_ITERATIONS,
  MIN_PIN_HASH_ITERATIONS,
  PinHashFormatError,
  constantTimeEqual,
  hashPin,
  parsePinHash,
  pinFormatError,
  verifyPin,
} from './pin-hash';

const fast = { iterations: MIN_PIN_HASH_ITERATIONS };

/**
 * Made outside this code, with Node's own PBKDF2:
 * `crypto.pbkdf2Sync(pin, salt, iterations, 32, 'sha256').toString('base64url')`, so a bug
 * that hashPin and verifyPin share (encoding, parameters) cannot pass unnoticed.
 */
const KNOWN_HASHES = [
  // PIN 2468, salt bytes 00 01 02 … 0f, 1000 iterations.
  ['2468', 'pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$2gr5xCQfRexXAbDy5JD5x5TbjyqsynZsYIGnIdBL4pU'],
  // PIN 00001234, salt bytes ff ee dd … 00 (its base64url has - and _), 2000 iterations.
  [
    '00001234',
    'pbkdf2-sha256$2000$_-7dzLuqmYh3ZlVEMyIRAA$m2fKEXGjNtE4D2xBQ0M1uikxhInaVa600q6Kc2YRzRA',
  ],
] as const;

describe('pinFormatError', () => {
  it.each(['1234', '0000', '12345678', '00001234'])('accepts %j', (pin) => {
    expect(pinFormatError(pin)).toBeNull();
  });

  it.each([
    ['', 'pin-empty'],
    ['12a4', 'pin-not-digits'],
    [' 1234', 'pin-not-digits'],
    ['1234\n', 'pin-not-digits'],
    ['１２３４', 'pin-not-digits'],
    ['-123', 'pin-not-digits'],
    ['123', 'pin-too-short'],
    ['123456789', 'pin-too-long'],
  ])('refuses %j: %s', (pin, kind) => {
    expect(pinFormatError(pin)?.kind).toBe(kind);
  });
});

describe('hashPin and verifyPin', () => {
  it('stores a self-describing hash that verifies the PIN and nothing else', async () => {
    const stored = await hashPin('4821', fast);
    expect(stored.ok && stored.value).toMatch(
      /^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/,
    );
    if (!stored.ok) return;
    expect(await verifyPin('4821', stored.value)).toBe(true);
    expect(await verifyPin('4822', stored.value)).toBe(false);
    expect(await verifyPin('48210', stored.value)).toBe(false);
    expect(await verifyPin('482', stored.value)).toBe(false);
    expect(await verifyPin('', stored.value)).toBe(false);
  });

  it('salts every hash, so equal PINs never share a stored value', async () => {
    const [a, b] = await Promise.all([hashPin('1111', fast), hashPin('1111', fast)]);
    expect(a.ok && b.ok && a.value !== b.value).toBe(true);
  });

  it.each(KNOWN_HASHES)(
    'verifies PIN %s against a hash made by Node’s PBKDF2',
    async (pin, stored) => {
      expect(await verifyPin(pin, stored)).toBe(true);
      expect(await verifyPin('9999', stored)).toBe(false);
    },
  );

  it('refuses to hash what is not a PIN, saying why', async () => {
    expect(await hashPin('12 34', fast)).toEqual({ ok: false, error: { kind: 'pin-not-digits' } });
    expect(await hashPin('123', fast)).toEqual({
      ok: false,
      error: { kind: 'pin-too-short', minLength: 4, maxLength: 8 },
    });
  });

  it.each([MIN_PIN_HASH_ITERATIONS - 1, MAX_PIN_HASH_ITERATIONS + 1, 1500.5])(
    'refuses an iteration count of %s',
    async (iterations) => {
      await expect(hashPin('1234', { iterations })).rejects.toThrow(RangeError);
    },
  );
});

describe('stored PIN hashes that are garbage', () => {
  const [, valid] = KNOWN_HASHES[0];
  const [scheme, iterations, salt, hash] = valid.split('$') as [string, string, string, string];
  const withParts = (parts: Partial<Record<'scheme' | 'iterations' | 'salt' | 'hash', string>>) =>
    [
      parts.scheme ?? scheme,
      parts.iterations ?? iterations,
      parts.salt ?? salt,
      parts.hash ?? hash,
    ].join('$');

  it.each([
    ['', 'layout'],
    ['2468', 'layout'],
    [`${scheme}$${iterations}$${salt}`, 'layout'],
    [`${valid}$extra`, 'layout'],
    [withParts({ scheme: 'bcrypt' }), 'scheme'],
    [withParts({ scheme: 'PBKDF2-SHA256' }), 'scheme'],
    [withParts({ iterations: '' }), 'iterations'],
    [withParts({ iterations: '999' }), 'iterations'],
    [withParts({ iterations: '01000' }), 'iterations'],
    [withParts({ iterations: '1e3' }), 'iterations'],
    [withParts({ iterations: '+1000' }), 'iterations'],
    [withParts({ iterations: '10000001' }), 'iterations'],
    [withParts({ iterations: '99999999999' }), 'iterations'],
    [withParts({ salt: '' }), 'salt'],
    [withParts({ salt: 'AAECAwQFBgcICQoLDA0O' }), 'salt'],
    [withParts({ salt: `${salt}==` }), 'salt'],
    [withParts({ salt: `${salt.slice(0, -1)}/` }), 'salt'],
    [withParts({ hash: hash.slice(0, -1) }), 'hash'],
    [withParts({ hash: `${hash}AA` }), 'hash'],
    [withParts({ hash: hash.slice(0, 40) }), 'hash'],
  ])('refuses %j: %s', async (stored, problem) => {
    expect(parsePinHash(stored)).toEqual({ ok: false, error: problem });
    await expect(verifyPin('2468', stored)).rejects.toThrow(PinHashFormatError);
    await expect(verifyPin('2468', stored)).rejects.toMatchObject({ problem });
  });

  it('parses the parts of a valid one', () => {
    const parsed = parsePinHash(valid);
    expect(
      parsed.ok && [parsed.value.iterations, parsed.value.salt.length, parsed.value.hash.length],
    ).toEqual([1000, 16, 32]);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[9, 2, 3], [1, 2, 3], false],
    [[1, 2, 3], [1, 2], false],
    [[], [], true],
  ])('%j vs %j: %s', (a, b, equal) => {
    expect(constantTimeEqual(new Uint8Array(a), new Uint8Array(b))).toBe(equal);
  });
});
