import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardCodeError } from './card-code-error';
import { code128CheckCharacter, parseCode128CardNumber } from './code128-number';
import { CROCKFORD_ALPHABET } from './crockford-base32';

const body = fc.string({
  unit: fc.constantFrom(...CROCKFORD_ALPHABET.split('')),
  minLength: 10,
  maxLength: 10,
});

describe('code128CheckCharacter', () => {
  // The worked-example table of code128-number.ts; the checks were computed by an
  // independent implementation (Python) of Luhn mod N.
  it.each([
    ['0000000000', '0'],
    ['0000000001', 'Y'],
    ['0010000001', 'X'],
    ['9RF0000C1S', 'B'],
    ['ABCDEFGHJK', '2'],
    ['ZZZZZZZZZZ', 'A'],
  ])('%s → %s', (digits, check) => {
    expect(code128CheckCharacter(digits)).toBe(check);
    expect(parseCode128CardNumber(`LT${digits}${check}`, 'LT')).toEqual({
      ok: true,
      value: `LT${digits}${check}`,
    });
  });

  it.each(['', '001000000', '00100000011'])('refuses a body of the wrong length: %j', (text) => {
    expect(() => code128CheckCharacter(text)).toThrow(RangeError);
  });

  it('refuses a body with a character outside the alphabet', () => {
    expect(() => code128CheckCharacter('00100000U1')).toThrow(RangeError);
  });
});

describe('parseCode128CardNumber', () => {
  // The worked-example table of parseCode128CardNumber.
  it.each([
    ['LT0010000001X', 'LT0010000001X'],
    ['lt-001-0000001-x', 'LT0010000001X'],
    ['LT OOl OOOOOOi X', 'LT0010000001X'],
  ])('reads %j as %s', (text, number) => {
    expect(parseCode128CardNumber(text, 'LT')).toEqual({ ok: true, value: number });
  });

  it.each<[string, CardCodeError]>([
    ['LT001000000UX', { kind: 'invalid-characters', char: 'U' }],
    ['LT001000001X', { kind: 'too-short', format: 'code128', actual: 12, expected: 13 }],
    ['LT0010000001XX', { kind: 'too-long', format: 'code128', actual: 14, expected: 13 }],
    ['LT0010000001Y', { kind: 'check-digit', format: 'code128', expected: 'X', got: 'Y' }],
    ['AB0010000001X', { kind: 'not-our-card', reason: 'unknown-format' }],
  ])('refuses %j', (text, error) => {
    expect(parseCode128CardNumber(text, 'LT')).toEqual({ ok: false, error });
  });

  it.each<[string, CardCodeError]>([
    ['', { kind: 'empty' }],
    [' - ', { kind: 'empty' }],
    ['LT', { kind: 'too-short', format: 'code128', actual: 2, expected: 13 }],
    ['L', { kind: 'not-our-card', reason: 'unknown-format' }],
    ['LT0010000001😀', { kind: 'invalid-characters', char: '😀' }],
    ['LT0010000001\u0425', { kind: 'invalid-characters', char: '\u0425' }],
    ['LT001_0000001X', { kind: 'invalid-characters', char: '_' }],
  ])('also refuses %j', (text, error) => {
    expect(parseCode128CardNumber(text, 'LT')).toEqual({ ok: false, error });
  });

  it('uses the configured prefix, in any case, and never maps its letters to digits', () => {
    expect(parseCode128CardNumber('ab0010000001x', 'AB')).toEqual({
      ok: true,
      value: 'AB0010000001X',
    });
    // `L` of the prefix stays a letter; `L` in the body is 1.
    expect(parseCode128CardNumber('LTOOL0000001X', 'LT')).toEqual({
      ok: true,
      value: 'LT0010000001X',
    });
    expect(parseCode128CardNumber('LT0010000001X', 'LX').ok).toBe(false);
  });

  it('reads every spelling a person may type as the one canonical number (property)', () => {
    const spelling = fc.record({
      lower: fc.boolean(),
      lookAlikes: fc.boolean(),
      separators: fc.array(fc.constantFrom('', ' ', '-'), { minLength: 13, maxLength: 13 }),
    });
    fc.assert(
      fc.property(body, spelling, (digits, how) => {
        const canonical = `LT${digits}${code128CheckCharacter(digits)}`;
        let typed = canonical.slice(2);
        if (how.lookAlikes) typed = typed.replaceAll('0', 'O').replaceAll('1', 'l');
        typed = `LT${typed}`;
        if (how.lower) typed = typed.toLowerCase();
        typed = typed
          .split('')
          .map((char, i) => `${how.separators[i] ?? ''}${char}`)
          .join('');
        expect(parseCode128CardNumber(typed, 'LT'), JSON.stringify(typed)).toEqual({
          ok: true,
          value: canonical,
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
