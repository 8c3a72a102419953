import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CARD_CODE_SETTINGS,
  describeCardCodeError,
  parseCardCode,
} from './parse-card-code';
import type { CardCode, CardCodeError, CardCodeSettings } from './parse-card-code';

const settings = DEFAULT_CARD_CODE_SETTINGS;

describe('parseCardCode', () => {
  // The example table of parse-card-code.ts.
  it.each<[string, CardCode]>([
    [
      ']E02900010000015\r',
      {
        format: 'ean13',
        number: '2900010000015' as CardCode['number'],
        symbology: { kind: 'ean13', aimId: ']E0' },
      },
    ],
    ['2 900010 000015', { format: 'ean13', number: '2900010000015' as CardCode['number'] }],
    ['lt-001-0000001-x', { format: 'code128', number: 'LT0010000001X' as CardCode['number'] }],
    [
      ']Q1LTC1:LT0010000001X:787A',
      {
        format: 'virtual-qr',
        number: 'LT0010000001X' as CardCode['number'],
        symbology: { kind: 'qr', aimId: ']Q1' },
      },
    ],
  ])('reads %j', (raw, code) => {
    expect(parseCardCode(raw, settings)).toEqual({ ok: true, value: code });
  });

  it.each<[string, CardCodeError]>([
    ['\r\n', { kind: 'empty' }],
    ['2900\x00010000015', { kind: 'invalid-characters', char: '\x00' }],
    ['4006381333931', { kind: 'not-our-card', reason: 'product-barcode' }],
    [']Q1https://example.com', { kind: 'not-our-card', reason: 'foreign-qr' }],
    ['Hello', { kind: 'not-our-card', reason: 'unknown-format' }],
  ])('refuses %j', (raw, error) => {
    expect(parseCardCode(raw, settings)).toEqual({ ok: false, error });
  });

  // What a cashier meets at the till, with what the screen says (en).
  it.each<[string, string, string]>([
    ['a UPC-A product sent as 12 digits', '012345678905', 'Card number too short: 12 digits'],
    ['an ITF-14 carton code', '14006381333938', 'Card number too long: 14 digits'],
    ['a mistyped last digit', '2900010000016', 'Check digit is wrong'],
    ['a weighed item’s label (prefix 22)', '2200010000016', 'weighed-item label'],
    ['a payment QR without AIM', 'ST00012|Name=Shop|Sum=100', 'This is not one of our cards'],
    ['a payment QR with AIM', ']Q1ST00012|Name=Shop|Sum=100', 'This QR code is not one'],
    ['a marking DataMatrix with AIM', ']d2010460\x1D91ee', 'This QR code is not one'],
    ['a marking DataMatrix without AIM', '010460\x1D91ee', '“U+001D” cannot be part'],
    ['our card in a newer app', ']Q1LTC2:abc', 'Card from a newer app version'],
    ['a cracked phone screen', 'LTC1:2900010000015:2DCE', 'QR code damaged or altered'],
    ['a Code 128 number one character short', 'LT001000001X', 'too short: 12 characters'],
    ['a Code 128 number with a typo', 'LT0010000002X', 'Check character is wrong'],
    ['a Code 128 card of another company', ']C0AB0010000001X', 'This is not one of our cards'],
    ['a number typed in the Russian layout', 'ДЕ0010000001Ч', 'This is not one of our cards'],
  ])('%s: %j', (_, raw, message) => {
    const result = parseCardCode(raw, settings);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeCardCodeError(result.error, 'en')).toContain(message);
  });

  it('follows the text, not the AIM identifier, for linear symbols', () => {
    expect(parseCardCode(']C02900010000015', settings)).toEqual({
      ok: true,
      value: {
        format: 'ean13',
        number: '2900010000015',
        symbology: { kind: 'code128', aimId: ']C0' },
      },
    });
    expect(parseCardCode(']d2LTC1:2900010000015:2DCD', settings)).toMatchObject({
      ok: true,
      value: { format: 'virtual-qr', number: '2900010000015' },
    });
    expect(parseCardCode(']Q12900010000015', settings)).toEqual({
      ok: false,
      error: { kind: 'not-our-card', reason: 'foreign-qr' },
    });
  });

  it('uses the program’s prefixes', () => {
    const other: CardCodeSettings = { ean13Prefixes: ['22', '28'], code128Prefix: 'AB' };
    expect(parseCardCode('2200010000016', other)).toMatchObject({ ok: true });
    expect(parseCardCode('2900010000015', other)).toEqual({
      ok: false,
      error: { kind: 'not-our-card', reason: 'foreign-prefix' },
    });
    expect(parseCardCode('ab0010000001x', other)).toMatchObject({
      ok: true,
      value: { format: 'code128', number: 'AB0010000001X' },
    });
    expect(parseCardCode('LT0010000001X', other)).toEqual({
      ok: false,
      error: { kind: 'not-our-card', reason: 'unknown-format' },
    });
  });

  it('throws for invalid settings, a programming error rather than a bad scan', () => {
    expect(() =>
      parseCardCode('2900010000015', { ean13Prefixes: ['30'], code128Prefix: 'LT' }),
    ).toThrow(RangeError);
  });

  it('never throws and returns only canonical numbers, whatever arrives (property)', () => {
    const cardish = fc.string({
      unit: fc.constantFrom(...'0123456789LTCltcOIXZ:- \r\n\x00]EQd'.split('')),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), cardish), (raw) => {
        const result = parseCardCode(raw, settings);
        if (result.ok) {
          expect(result.value.number, JSON.stringify(raw)).toMatch(
            /^(29\d{11}|LT[0-9A-HJKMNP-TV-Z]{11})$/,
          );
        } else {
          expect(describeCardCodeError(result.error, 'ru')).not.toBe('');
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
