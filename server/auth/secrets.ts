import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Secrets the server hands out once and keeps only hashed. They are random 256-bit values
 * (credentials) or short codes that expire within a day and work once (registration), so a
 * fast hash is enough: there is nothing to guess a dictionary from.
 */
export function newCredentialSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** No 0/O, 1/I/L or U: a code is read off a screen and typed by a person. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** `ABCD-EFGH-JKMN`: 12 characters from 30, about 59 bits. */
export function newRegistrationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? '';
    groups.push(group);
  }
  return groups.join('-');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
