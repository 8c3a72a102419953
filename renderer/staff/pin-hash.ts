import { assertNever } from '../../shared/util/assert-never';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { decodeBase64Url, encodeBase64Url } from './base64url';

/**
 * Staff PINs, stored only as a slow salted hash: PBKDF2-HMAC-SHA-256 from Web Crypto, which
 * Chromium and Node 20 both provide as `crypto.subtle`.
 *
 * Stored form, self-describing so the cost can be raised later without breaking old rows:
 *
 *     pbkdf2-sha256$600000$<16-byte salt, base64url>$<32-byte hash, base64url>
 *
 * What the hash does and does not protect — honestly:
 * - A PIN has 10 000 (4 digits) to 10^8 (8 digits) values. Whoever copies the staff table off
 *   the terminal can try them all offline. At 600 000 iterations one CPU core derives some
 *   four to eight hashes a second (all 4-digit PINs in 20–40 minutes) and one gaming GPU some
 *   ten thousand (every 4-digit PIN in a second, every 8-digit one in a few hours). No
 *   iteration count the terminal can afford at sign-in changes that. The salt only stops one
 *   table of precomputed hashes serving every terminal and every staff member at once.
 * - So the hash merely keeps PINs from being read at a glance (a support dump, a debugging
 *   session, a backup) and makes recovering them cost an offline search. What actually
 *   protects a PIN is that the attacker never gets the hash: the terminal's disk encryption and
 *   OS account, the shop's physical security, and the lockout at the terminal (sign-in.ts),
 *   which limits guesses typed at the keypad to a handful per lockout period.
 * - Consequently a PIN proves "who pressed the button" to the audit trail, nothing more: staff
 *   must not reuse the PIN of their bank card or phone, and the terminal must never sync PIN
 *   hashes anywhere they would be easier to copy.
 */

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

export const PIN_HASH_SCHEME = 'pbkdf2-sha256';
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_PIN_HASH_ITERATIONS = 600_000;
/**
 * Bounds for the stored count. The floor is the old NIST SP 800-132 minimum (tests use it);
 * the ceiling stops a damaged or planted row from freezing sign-in for minutes.
 */
export const MIN_PIN_HASH_ITERATIONS = 1_000;
export const MAX_PIN_HASH_ITERATIONS = 10_000_000;

const SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;
const HASH_BYTES = 32;

declare const storedPinHashBrand: unique symbol;
/** A string in the stored form that parsePinHash accepts (made by hashPin or checked). */
export type StoredPinHash = string & { readonly [storedPinHashBrand]: true };

/** Why typed text is not a PIN. It never repeats the text: a PIN is a secret. */
export type PinFormatError =
  | { readonly kind: 'pin-empty' }
  | { readonly kind: 'pin-not-digits' }
  | {
      readonly kind: 'pin-too-short' | 'pin-too-long';
      readonly minLength: number;
      readonly maxLength: number;
    };

/** null when `pin` is 4–8 ASCII digits. Nothing is trimmed: a secret is compared as typed. */
export function pinFormatError(pin: string): PinFormatError | null {
  if (pin.length === 0) return { kind: 'pin-empty' };
  if (!/^[0-9]+$/.test(pin)) return { kind: 'pin-not-digits' };
  const bounds = { minLength: PIN_MIN_LENGTH, maxLength: PIN_MAX_LENGTH };
  if (pin.length < PIN_MIN_LENGTH) return { kind: 'pin-too-short', ...bounds };
  if (pin.length > PIN_MAX_LENGTH) return { kind: 'pin-too-long', ...bounds };
  return null;
}

export type ParsedPinHash = {
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly hash: Uint8Array<ArrayBuffer>;
};

/** Which part of a stored PIN hash is wrong; the data is damaged, no cashier can fix it. */
export type PinHashProblem = 'layout' | 'scheme' | 'iterations' | 'salt' | 'hash';

export function parsePinHash(text: string): Result<ParsedPinHash, PinHashProblem> {
  const parts = text.split('$');
  if (parts.length !== 4) return err('layout');
  const [scheme = '', iterationsText = '', saltText = '', hashText = ''] = parts;
  if (scheme !== PIN_HASH_SCHEME) return err('scheme');
  // Canonical decimal only: no sign, exponent, leading zero or spaces.
  if (!/^[1-9][0-9]{0,9}$/.test(iterationsText)) return err('iterations');
  const iterations = Number(iterationsText);
  if (iterations < MIN_PIN_HASH_ITERATIONS || iterations > MAX_PIN_HASH_ITERATIONS) {
    return err('iterations');
  }
  const salt = decodeBase64Url(saltText);
  if (salt === null || salt.length < SALT_BYTES || salt.length > MAX_SALT_BYTES) {
    return err('salt');
  }
  const hash = decodeBase64Url(hashText);
  if (hash?.length !== HASH_BYTES) return err('hash');
  return ok({ iterations, salt, hash });
}

/** For logs and schema messages (engineers read these, not cashiers). */
export function describePinHashProblem(problem: PinHashProblem): string {
  const expected = `${PIN_HASH_SCHEME}$<iterations>$<salt>$<hash>`;
  switch (problem) {
    case 'layout':
      return `is not a stored PIN hash (${expected})`;
    case 'scheme':
      return `has an unknown scheme (expected ${PIN_HASH_SCHEME})`;
    case 'iterations':
      return `has an iteration count that is not a whole number from ${MIN_PIN_HASH_ITERATIONS} to ${MAX_PIN_HASH_ITERATIONS}`;
    case 'salt':
      return `has a salt that is not ${SALT_BYTES}–${MAX_SALT_BYTES} bytes of unpadded base64url`;
    case 'hash':
      return `has a hash that is not ${HASH_BYTES} bytes of unpadded base64url`;
    default:
      return assertNever(problem, 'PIN hash problem');
  }
}

/** Thrown by verifyPin for a stored value that is not a PIN hash: a damaged row, not a wrong PIN. */
export class PinHashFormatError extends Error {
  constructor(readonly problem: PinHashProblem) {
    super(`Stored PIN hash ${describePinHashProblem(problem)}`);
    this.name = 'PinHashFormatError';
  }
}

export function isStoredPinHash(text: string): text is StoredPinHash {
  return parsePinHash(text).ok;
}

export type HashPinOptions = {
  /** Default DEFAULT_PIN_HASH_ITERATIONS; tests pass MIN_PIN_HASH_ITERATIONS to run fast. */
  readonly iterations?: number;
};

/** Hashes a new PIN with a fresh random salt (so equal PINs never share a stored hash). */
export async function hashPin(
  pin: string,
  options: HashPinOptions = {},
): Promise<Result<StoredPinHash, PinFormatError>> {
  const formatError = pinFormatError(pin);
  if (formatError) return err(formatError);
  const iterations = options.iterations ?? DEFAULT_PIN_HASH_ITERATIONS;
  if (
    !Number.isSafeInteger(iterations) ||
    iterations < MIN_PIN_HASH_ITERATIONS ||
    iterations > MAX_PIN_HASH_ITERATIONS
  ) {
    throw new RangeError(
      `PIN hash iterations must be a whole number from ${MIN_PIN_HASH_ITERATIONS} to ${MAX_PIN_HASH_ITERATIONS}, got ${iterations}`,
    );
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(pin, salt, iterations, HASH_BYTES);
  const stored = [PIN_HASH_SCHEME, iterations, encodeBase64Url(salt), encodeBase64Url(hash)];
  return ok(stored.join('$') as StoredPinHash);
}

/**
 * True when `pin` is the PIN behind `stored`. Text that is not a well-formed PIN is simply
 * not it (false, no hashing). A `stored` value that is not a PIN hash rejects with
 * PinHashFormatError: a damaged row must not look like a wrong PIN and lock its owner out.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed.ok) throw new PinHashFormatError(parsed.error);
  if (pinFormatError(pin)) return false;
  const { iterations, salt, hash } = parsed.value;
  return constantTimeEqual(await derive(pin, salt, iterations, hash.length), hash);
}

/**
 * Compares without stopping at the first differing byte. JavaScript engines promise nothing
 * about timing, so this is best effort; it matters little anyway, since what leaks would be
 * how much of a PBKDF2 output matched, which an attacker cannot steer byte by byte. The
 * lengths are not secret (always HASH_BYTES for a parsed hash).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}
