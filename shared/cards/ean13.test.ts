import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardCodeError } from './card-code-error';
import { ean13CheckDigit, hasValidEan13CheckDigit, parseEan13CardNumber } from './ean13';

/** `4·1 + 0·3 + … = 89`: the sum written out, for assertion messages. */
function weightedSumText(first12: string): { text: string; sum: number } {
  const terms = first12.split('').map((digit, i) => `${digit}·${i % 2 === 0 ? 1 : 3}`);
  const sum = first12
    .split('')
    .reduce((total, digit, i) => total + Number(digit) * (i % 2 ? 3 : 1), 0);
  return { text: `${terms.join(' + ')} = ${sum}`, sum };
}

/** GS1's own formulation, independent of ean13.ts: from the right, weights 3, 1, 3, 1, … */
function gs1CheckDigitFromTheRight(first12: string): number {
  const fromRight = first12.split('').reverse();
  const sum = fromRight.reduce(
    (total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1),
    0,
  );
  const roundedUp = Math.ceil(sum / 10) * 10;
  return roundedUp - sum;
}

const twelveDigits = fc.string({
  unit: fc.constantFrom(...'0123456789'.split('')),
  minLength: 12,
  maxLength: 12,
});

describe('ean13CheckDigit', () => {
  // The worked-example table of ean13.ts.
  it.each([
    ['400638133393', 89, 1],
    ['590123412345', 83, 7],
    ['290001000001', 35, 5],
    ['299999999999', 209, 1],
    ['000000000000', 0, 0],
  ])('%s: weighted sum %i → check %i', (first12, sum, check) => {
    const written = weightedSumText(first12);
    expect(written.sum, written.text).toBe(sum);
    expect(ean13CheckDigit(first12), `${written.text}; (10 − ${sum} mod 10) mod 10`).toBe(check);
    expect(hasValidEan13CheckDigit(`${first12}${check}`)).toBe(true);
  });

  it('agrees with GS1’s from-the-right formulation for any 12 digits (property)', () => {
    fc.assert(
      fc.property(twelveDigits, (first12) => {
        expect(ean13CheckDigit(first12), weightedSumText(first12).text).toBe(
          gs1CheckDigitFromTheRight(first12),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('detects every single wrong digit in any code (property)', () => {
    fc.assert(
      fc.property(
        twelveDigits,
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (first12, at, shift) => {
          const code = `${first12}${ean13CheckDigit(first12)}`;
          const wrong = String((Number(code.charAt(at)) + shift) % 10);
          const typo = code.slice(0, at) + wrong + code.slice(at + 1);
          expect(hasValidEan13CheckDigit(typo), `${code} → ${typo}`).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('does not detect every swap of neighbours: 05 ↔ 50 passes, as the comment says', () => {
    expect(hasValidEan13CheckDigit('2900010000015')).toBe(true);
    // Positions 5 and 6 (weights 3 and 1): 0·3 + 5·1 = 5 and 5·3 + 0·1 = 15, equal mod 10.
    expect(ean13CheckDigit('290000500001')).toBe(ean13CheckDigit('290005000001'));
  });

  it.each(['', '12345678901', '1234567890123', '12345678901a', '１２３４５６７８９０１２'])(
    'refuses %j as the first 12 digits',
    (text) => {
      expect(() => ean13CheckDigit(text)).toThrow(RangeError);
    },
  );

  it.each(['', '290001000001', '29000100000155', '290001000001x'])(
    'hasValidEan13CheckDigit(%j) is false for anything but 13 digits',
    (text) => {
      expect(hasValidEan13CheckDigit(text)).toBe(false);
    },
  );
});

describe('parseEan13CardNumber', () => {
  const ours = ['29'];

  // The worked-example table of parseEan13CardNumber.
  it.each([
    ['2900010000015', '2900010000015'],
    ['2 900010 000015', '2900010000015'],
    ['2900-0100-0001-5', '2900010000015'],
  ])('reads %j as %s', (text, number) => {
    expect(parseEan13CardNumber(text, ours)).toEqual({ ok: true, value: number });
  });

  it.each<[string, CardCodeError]>([
    ['29000100000x5', { kind: 'invalid-characters', char: 'x' }],
    ['290001000001', { kind: 'too-short', format: 'ean13', actual: 12, expected: 13 }],
    ['29000100000150', { kind: 'too-long', format: 'ean13', actual: 14, expected: 13 }],
    ['2900010000016', { kind: 'check-digit', format: 'ean13', expected: '5', got: '6' }],
    ['4006381333931', { kind: 'not-our-card', reason: 'product-barcode' }],
    ['0012345678905', { kind: 'not-our-card', reason: 'product-barcode' }],
    ['2200010000016', { kind: 'not-our-card', reason: 'foreign-prefix' }],
  ])('refuses %j', (text, error) => {
    expect(parseEan13CardNumber(text, ours)).toEqual({ ok: false, error });
  });

  it.each<[string, CardCodeError]>([
    ['', { kind: 'empty' }],
    [' - ', { kind: 'empty' }],
    ['12345670', { kind: 'too-short', format: 'ean13', actual: 8, expected: 13 }],
    ['2900010000015\u00A0', { kind: 'invalid-characters', char: '\u00A0' }],
    ['٢900010000015', { kind: 'invalid-characters', char: '٢' }],
    ['290001000001😀', { kind: 'invalid-characters', char: '😀' }],
    ['2900010000015', { kind: 'not-our-card', reason: 'foreign-prefix' }],
  ])('also refuses %j (only prefix 28 is ours in the last row)', (text, error) => {
    const prefixes = error.kind === 'not-our-card' ? ['28'] : ours;
    expect(parseEan13CardNumber(text, prefixes)).toEqual({ ok: false, error });
  });

  it('accepts every configured prefix and only those', () => {
    expect(parseEan13CardNumber('2200010000016', ['22', '29']).ok).toBe(true);
    expect(parseEan13CardNumber('2900010000015', ['22', '29']).ok).toBe(true);
    expect(parseEan13CardNumber('2900010000015', []).ok).toBe(false);
  });
});
