/**
 * Base64url without padding (RFC 4648 §5), the alphabet of the stored PIN hash. Written on
 * btoa/atob so the renderer needs no Node `Buffer`.
 *
 * Decoding is strict: only the url-safe alphabet, no padding, no whitespace, and the text must
 * be the canonical encoding of its bytes (unused trailing bits are zero), so one byte string has
 * exactly one stored form and a damaged field is refused instead of read as other bytes.
 */

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or null when the text is not canonical unpadded base64url. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // A length of 1 mod 4 cannot come from any byte string (one character carries only 6 bits).
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return encodeBase64Url(bytes) === text ? bytes : null;
}
