import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j (RFC 4648 §10, without padding)', (text, encoded) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(encodeBase64url(bytes)).toBe(encoded);
    expect(decodeBase64url(encoded)).toEqual(bytes);
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('writes what Node writes, and reads it back, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = encodeBase64url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(encoded)).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['Zg==', 'padding'],
    ['Z', 'a length no byte count gives'],
    ['Zm9v+', 'a base64 (not base64url) character'],
    ['Zh', 'non-zero leftover bits (another text of the bytes of "Zg")'],
    ['Zm9 v', 'a space'],
  ])('refuses %j: %s', (text) => {
    expect(decodeBase64url(text)).toBeNull();
  });
});
