import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aimSymbology, isTwoDimensional, normaliseScanInput } from './scan-input';
import type { ScanInput, ScanInputError, Symbology } from './scan-input';

describe('normaliseScanInput', () => {
  // The worked-example table of scan-input.ts.
  it.each<[string, ScanInput]>([
    ['2900010000015\r\n', { text: '2900010000015' }],
    [
      '\x02]E02900010000015\x03',
      { text: '2900010000015', symbology: { kind: 'ean13', aimId: ']E0' } },
    ],
    [
      ' ]C0LT0010000001X\t',
      { text: 'LT0010000001X', symbology: { kind: 'code128', aimId: ']C0' } },
    ],
    [
      ']Q1LTC1:2900010000015:2DCD\r',
      { text: 'LTC1:2900010000015:2DCD', symbology: { kind: 'qr', aimId: ']Q1' } },
    ],
    [
      ']d201046000000000021abc\x1D91ee\r',
      { text: '01046000000000021abc\x1D91ee', symbology: { kind: 'datamatrix', aimId: ']d2' } },
    ],
    [']E412345670', { text: '12345670', symbology: { kind: 'other', aimId: ']E4' } }],
    ['\r\n', { text: '' }],
  ])('cleans %j', (raw, expected) => {
    expect(normaliseScanInput(raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, ScanInput]>([
    ['\x00\x00290001\t', { text: '290001' }],
    ['\u00A0\uFEFF2900010000015\u00A0', { text: '2900010000015' }],
    ['\x7F\x852900010000015\x1B', { text: '2900010000015' }],
    [
      '\x02]E0\x022900010000015\r\n\x03',
      { text: '2900010000015', symbology: { kind: 'ean13', aimId: ']E0' } },
    ],
    [']E0', { text: '', symbology: { kind: 'ean13', aimId: ']E0' } }],
    ['LT 001 0000001 X', { text: 'LT 001 0000001 X' }],
    [']E', { text: ']E' }],
    ['x]E0123', { text: 'x]E0123' }],
    [
      ']Q1BEGIN:VCARD\nFN:Anna\nEND:VCARD\n',
      { text: 'BEGIN:VCARD\nFN:Anna\nEND:VCARD', symbology: { kind: 'qr', aimId: ']Q1' } },
    ],
  ])('also cleans %j', (raw, expected) => {
    expect(normaliseScanInput(raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, ScanInputError]>([
    ['2900\x00010000015', { kind: 'control-character', char: '\x00', index: 4 }],
    [']E0290001\r0000015\r', { kind: 'control-character', char: '\r', index: 6 }],
    [']C0LT001\x1D0000001X', { kind: 'control-character', char: '\x1D', index: 5 }],
    ['ab\x85cd', { kind: 'control-character', char: '\x85', index: 2 }],
    ['BEGIN:VCARD\nEND:VCARD', { kind: 'control-character', char: '\n', index: 11 }],
  ])('refuses a control character inside %j', (raw, error) => {
    expect(normaliseScanInput(raw)).toEqual({ ok: false, error });
  });

  // The AIM table of scan-input.ts.
  it.each<[string, Symbology]>([
    [']E0', 'ean13'],
    [']E3', 'ean13'],
    [']E1', 'other'],
    [']E2', 'other'],
    [']E4', 'other'],
    [']C0', 'code128'],
    [']C1', 'code128'],
    [']Q1', 'qr'],
    [']Q3', 'qr'],
    [']d1', 'datamatrix'],
    [']d2', 'datamatrix'],
    [']A0', 'other'],
    [']I0', 'other'],
    [']D0', 'other'],
    [']q1', 'other'],
  ])('AIM %s is %s', (aimId, kind) => {
    expect(aimSymbology(aimId.charAt(1), aimId.charAt(2))).toBe(kind);
    expect(normaliseScanInput(`${aimId}X`)).toEqual({
      ok: true,
      value: { text: 'X', symbology: { kind, aimId } },
    });
  });

  it('treats only QR and DataMatrix as two-dimensional', () => {
    const kinds: Symbology[] = ['ean13', 'code128', 'qr', 'datamatrix', 'other'];
    expect(kinds.filter(isTwoDimensional)).toEqual(['qr', 'datamatrix']);
    expect(isTwoDimensional(undefined)).toBe(false);
  });

  const junk = fc.string({
    unit: fc.constantFrom(
      '\r',
      '\n',
      '\t',
      '\x00',
      '\x02',
      '\x03',
      '\x04',
      '\x1D',
      '\x7F',
      ' ',
      '\u00A0',
    ),
    maxLength: 4,
  });
  const code = fc
    .string({
      unit: fc.constantFrom(...'0123456789ABCXYZabc:-/ '.split('')),
      minLength: 1,
      maxLength: 30,
    })
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const aim = fc.option(fc.constantFrom(']E0', ']C0', ']Q1', ']d2', ']A0'), { nil: undefined });

  it('returns the code itself, whatever framing and AIM identifier surround it (property)', () => {
    fc.assert(
      fc.property(junk, aim, junk, code, junk, (before, aimId, afterAim, text, after) => {
        const raw = `${before}${aimId ?? ''}${aimId ? afterAim : ''}${text}${after}`;
        const result = normaliseScanInput(raw);
        expect(result.ok && result.value.text, JSON.stringify(raw)).toBe(text);
        expect(result.ok && result.value.symbology?.aimId).toBe(aimId ?? undefined);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never removes anything from the middle: control characters there are kept or refused (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), aim, (text, aimId) => {
        const raw = `${aimId ?? ''}${text}`;
        const result = normaliseScanInput(raw);
        if (result.ok) {
          expect(raw.includes(result.value.text), 'the cleaned text is a substring').toBe(true);
          expect(/^[\p{Cc}\s]|[\p{Cc}\s]$/u.test(result.value.text), 'no junk at the ends').toBe(
            false,
          );
          if (!isTwoDimensional(result.value.symbology?.kind)) {
            expect(/\p{Cc}/u.test(result.value.text), 'no control left in a 1D code').toBe(false);
          }
        } else {
          expect(/\p{Cc}/u.test(result.error.char)).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
