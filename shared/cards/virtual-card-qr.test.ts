import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardCodeError } from './card-code-error';
import { DEFAULT_CARD_CODE_SETTINGS } from './card-code-settings';
import type { CardNumber } from './card-number';
import { generateCode128CardNumber, generateEan13CardNumber } from './card-number-generator';
import { crc16Hex } from './crc16-ccitt';
import {
  decodeVirtualCardQr,
  encodeVirtualCardQr,
  isVirtualCardQrPayload,
} from './virtual-card-qr';

const settings = DEFAULT_CARD_CODE_SETTINGS;
const ean = '2900010000015' as CardNumber;
const lt = 'LT0010000001X' as CardNumber;

const cardNumber = fc.oneof(
  fc
    .record({
      terminalBlock: fc.integer({ min: 1, max: 9_999 }),
      serial: fc.integer({ min: 0, max: 999_999 }),
    })
    .map((r) => generateEan13CardNumber({ prefix: '29', ...r })),
  fc
    .record({
      terminalBlock: fc.integer({ min: 1, max: 9_999 }),
      serial: fc.integer({ min: 0, max: 32 ** 7 - 1 }),
    })
    .map((r) => generateCode128CardNumber({ prefix: 'LT', ...r })),
);

describe('virtual card QR payload', () => {
  it.each([
    [ean, 'LTC1:2900010000015:2DCD'],
    [lt, 'LTC1:LT0010000001X:787A'],
  ])('encodes %s as %s', (number, payload) => {
    expect(encodeVirtualCardQr(number)).toBe(payload);
  });

  // The worked-example table of virtual-card-qr.ts.
  it.each([
    ['LTC1:2900010000015:2DCD', ean],
    ['LTC1:LT0010000001X:787A', lt],
    ['ltc1:lt0010000001x:787a', lt],
  ])('decodes %s', (payload, number) => {
    expect(decodeVirtualCardQr(payload, settings)).toEqual({ ok: true, value: number });
  });

  it.each<[string, CardCodeError]>([
    [
      'LTC1:2900010000015:2DCE',
      { kind: 'damaged-qr', problem: { kind: 'check', expected: '2DCD', got: '2DCE' } },
    ],
    ['LTC1:2900010000015', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC2:2900010000015:1234', { kind: 'unsupported-version', version: 2 }],
    ['https://example.com/pay', { kind: 'not-our-card', reason: 'foreign-qr' }],
  ])('refuses %s', (payload, error) => {
    expect(decodeVirtualCardQr(payload, settings)).toEqual({ ok: false, error });
  });

  /** A payload with a correct CRC around any number text, as a forger or a buggy app makes it. */
  const withCheck = (inner: string): string => `LTC1:${inner}:${crc16Hex(`LTC1:${inner}:`)}`;

  it.each<[string, CardCodeError]>([
    ['LTC:2900010000015:2DCD', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC0:2900010000015:2DCD', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC01:2900010000015:2DCD', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC17:{"card":"x"}', { kind: 'unsupported-version', version: 17 }],
    ['LTC1:2900010000015:2DCD:', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC1:2900010000015:2dcd ', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC1:290001000001Ж:2DCD', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    ['LTC1::FFFF', { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    [withCheck('2900010000016'), { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    [withCheck('290001'), { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    [withCheck('LT001OOOOOO1X'), { kind: 'damaged-qr', problem: { kind: 'layout' } }],
    [withCheck('4006381333931'), { kind: 'not-our-card', reason: 'product-barcode' }],
    [withCheck('2200010000016'), { kind: 'not-our-card', reason: 'foreign-prefix' }],
    [withCheck('AB0010000001X'), { kind: 'not-our-card', reason: 'unknown-format' }],
    [
      'ST00012|Name=ООО Ромашка|PersonalAcc=40702810',
      { kind: 'not-our-card', reason: 'foreign-qr' },
    ],
  ])('also refuses %s', (payload, error) => {
    expect(decodeVirtualCardQr(payload, settings)).toEqual({ ok: false, error });
  });

  it('recognises our payload of any version by its tag', () => {
    expect(isVirtualCardQrPayload('LTC1:x')).toBe(true);
    expect(isVirtualCardQrPayload('ltc2:')).toBe(true);
    expect(isVirtualCardQrPayload('LTC:')).toBe(true);
    expect(isVirtualCardQrPayload('LT0010000001X')).toBe(false);
    expect(isVirtualCardQrPayload('LTCX:')).toBe(false);
  });

  it('decodes what it encodes, for any card number (property)', () => {
    fc.assert(
      fc.property(cardNumber, (number) => {
        const payload = encodeVirtualCardQr(number);
        expect(decodeVirtualCardQr(payload, settings)).toEqual({ ok: true, value: number });
        expect(decodeVirtualCardQr(payload.toLowerCase(), settings)).toEqual({
          ok: true,
          value: number,
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses every payload with one character changed, never reading another card (property)', () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(cardNumber, fc.nat(), printable, (number, at, char) => {
        const payload = encodeVirtualCardQr(number);
        const i = at % payload.length;
        // A change of case is not a change: decoding ignores case (Caps Lock).
        fc.pre(char.toUpperCase() !== payload.charAt(i));
        const changed = payload.slice(0, i) + char + payload.slice(i + 1);
        expect(decodeVirtualCardQr(changed, settings).ok, `${payload} → ${changed}`).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuses any later version whatever it carries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999_999 }), fc.string(), (version, rest) => {
        expect(decodeVirtualCardQr(`LTC${version}:${rest}`, settings)).toEqual({
          ok: false,
          error: { kind: 'unsupported-version', version },
        });
      }),
    );
  });
});
