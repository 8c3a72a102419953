/**
 * Base64url without padding (RFC 4648 §5), as Node's `Buffer#toString('base64url')` writes
 * it: written here because shared/ has neither `Buffer` nor `btoa`.
 *
 * Decoding is strict: a text that another text would encode the same bytes as (non-zero
 * leftover bits in the last character, a length no byte count gives) is refused, so each
 * byte string has exactly one text.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    // 1 byte → 2 characters, 2 → 3, 3 → 4.
    const characters = Math.min(bytes.length - i, 3) + 1;
    for (let c = 0; c < characters; c++) text += ALPHABET[(chunk >> (18 - 6 * c)) & 63] ?? '';
  }
  return text;
}

/** The bytes of a base64url text, or null when it is not one (see above). */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (const character of text) {
    const value = ALPHABET.indexOf(character);
    if (value < 0) return null;
    bits = ((bits << 6) | value) & 0xffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[at++] = (bits >> bitCount) & 0xff;
    }
  }
  // What is left over must be zero bits, or two texts would decode to these bytes.
  if ((bits & ((1 << bitCount) - 1)) !== 0) return null;
  return bytes;
}
