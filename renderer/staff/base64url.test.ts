import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

describe('base64url', () => {
  it.each([
    [[], ''],
    [[0xff], '_w'],
    [[0xfb, 0xff], '-_8'],
    [[0, 1, 2], 'AAEC'],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 'AAECAwQFBgcICQoLDA0ODw'],
  ])('encodes %j as %j (RFC 4648 §5, no padding) and back', (bytes, text) => {
    expect(encodeBase64Url(new Uint8Array(bytes))).toBe(text);
    expect(Array.from(decodeBase64Url(text) ?? [-1])).toEqual(bytes);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['AAEC=', 'padding'],
    ['AA+C', 'the standard alphabet’s +'],
    ['AA/C', 'the standard alphabet’s /'],
    ['AA EC', 'a space'],
    ['AAECA', 'a length of 1 mod 4'],
    ['_x', 'non-zero unused bits (the canonical form of 0xff is _w)'],
    ['АВС', 'Cyrillic look-alikes'],
  ])('refuses %j: %s', (text) => {
    expect(decodeBase64Url(text)).toBeNull();
  });
});
