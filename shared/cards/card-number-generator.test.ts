import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardNumberFormat } from './card-number';
import {
  MAX_CODE128_SERIAL,
  MAX_EAN13_SERIAL,
  MAX_TERMINAL_BLOCK,
  generateCode128CardNumber,
  generateEan13CardNumber,
} from './card-number-generator';
import { CROCKFORD_ALPHABET } from './crockford-base32';
import { parseCardCode } from './parse-card-code';
import type { CardCodeSettings } from './parse-card-code';
import { encodeVirtualCardQr } from './virtual-card-qr';

const settings: CardCodeSettings = { ean13Prefixes: ['29', '21'], code128Prefix: 'LT' };

const block = fc.integer({ min: 1, max: MAX_TERMINAL_BLOCK });
const eanSerial = fc.integer({ min: 0, max: MAX_EAN13_SERIAL });
// Half the runs near the ends of the range, where Z (31) and 0 pile up.
const code128Serial = fc.oneof(
  fc.integer({ min: 0, max: MAX_CODE128_SERIAL }),
  fc.integer({ min: MAX_CODE128_SERIAL - 40_000, max: MAX_CODE128_SERIAL }),
  fc.integer({ min: 0, max: 40_000 }),
);
const eanNumber = fc
  .record({ prefix: fc.constantFrom('29', '21'), terminalBlock: block, serial: eanSerial })
  .map(generateEan13CardNumber);
const code128Number = fc
  .record({ prefix: fc.constant('LT'), terminalBlock: block, serial: code128Serial })
  .map(generateCode128CardNumber);

describe('generateEan13CardNumber', () => {
  // The worked-example table of card-number-generator.ts.
  it.each([
    ['29', 1, 1, '2900010000015', '29 · 0001 · 000001 · 5'],
    ['29', 9_999, 999_999, '2999999999991', '29 · 9999 · 999999 · 1'],
  ])('prefix %s, block %i, serial %i → %s', (prefix, terminalBlock, serial, number, parts) => {
    expect(generateEan13CardNumber({ prefix, terminalBlock, serial }), parts).toBe(number);
    expect(number).toBe(parts.replaceAll(' · ', ''));
  });

  it.each([
    [{ prefix: '30', terminalBlock: 1, serial: 1 }, 'two digits from 20 to 29, got "30"'],
    [{ prefix: 'LT', terminalBlock: 1, serial: 1 }, 'two digits from 20 to 29'],
    [{ prefix: '29', terminalBlock: 0, serial: 1 }, 'block 0 is reserved for pre-printed cards'],
    [{ prefix: '29', terminalBlock: 10_000, serial: 1 }, 'from 1 to 9999, got 10000'],
    [{ prefix: '29', terminalBlock: 1.5, serial: 1 }, 'from 1 to 9999, got 1.5'],
    [{ prefix: '29', terminalBlock: 1, serial: -1 }, 'whole number from 0, got -1'],
    [
      { prefix: '29', terminalBlock: 1, serial: 1_000_000 },
      'past the last EAN-13 serial of a block (999999)',
    ],
    [{ prefix: '29', terminalBlock: 1, serial: Number.NaN }, 'got NaN'],
  ])('refuses %o', (request, message) => {
    expect(() => generateEan13CardNumber(request)).toThrow(RangeError);
    expect(() => generateEan13CardNumber(request)).toThrow(message);
  });
});

describe('generateCode128CardNumber', () => {
  // The worked-example table of card-number-generator.ts.
  it.each([
    ['LT', 1, 1, 'LT0010000001X', 'LT · 001 · 0000001 · X'],
    ['LT', 9_999, 12_345, 'LT9RF0000C1SB', 'LT · 9RF · 0000C1S · B'],
  ])('prefix %s, block %i, serial %i → %s', (prefix, terminalBlock, serial, number, parts) => {
    expect(generateCode128CardNumber({ prefix, terminalBlock, serial }), parts).toBe(number);
    expect(number).toBe(parts.replaceAll(' · ', ''));
  });

  it('reaches the last serial of a block: 32⁷ − 1 = 34 359 738 367', () => {
    expect(MAX_CODE128_SERIAL).toBe(34_359_738_367);
    expect(
      generateCode128CardNumber({ prefix: 'LT', terminalBlock: 1, serial: MAX_CODE128_SERIAL }),
    ).toMatch(/^LT001ZZZZZZZ.$/);
  });

  it.each([
    [{ prefix: 'lt', terminalBlock: 1, serial: 1 }, 'two upper-case letters A–Z, got "lt"'],
    [{ prefix: '29', terminalBlock: 1, serial: 1 }, 'two upper-case letters A–Z'],
    [{ prefix: 'LT', terminalBlock: 0, serial: 1 }, 'block 0 is reserved for pre-printed cards'],
    [{ prefix: 'LT', terminalBlock: 10_000, serial: 1 }, 'from 1 to 9999, got 10000'],
    [
      { prefix: 'LT', terminalBlock: 1, serial: 32 ** 7 },
      'past the last Code 128 serial of a block',
    ],
    [{ prefix: 'LT', terminalBlock: 1, serial: 0.5 }, 'whole number from 0, got 0.5'],
  ])('refuses %o', (request, message) => {
    expect(() => generateCode128CardNumber(request)).toThrow(RangeError);
    expect(() => generateCode128CardNumber(request)).toThrow(message);
  });
});

describe('card numbers made offline by different terminals', () => {
  const pair = (serial: fc.Arbitrary<number>) => fc.tuple(block, serial);

  it('differ whenever the (block, serial) pairs differ (property)', () => {
    fc.assert(
      fc.property(pair(eanSerial), pair(eanSerial), ([b1, s1], [b2, s2]) => {
        fc.pre(b1 !== b2 || s1 !== s2);
        const a = generateEan13CardNumber({ prefix: '29', terminalBlock: b1, serial: s1 });
        const b = generateEan13CardNumber({ prefix: '29', terminalBlock: b2, serial: s2 });
        expect(a, `(${b1}, ${s1}) → ${a}, (${b2}, ${s2}) → ${b}`).not.toBe(b);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(pair(code128Serial), pair(code128Serial), ([b1, s1], [b2, s2]) => {
        fc.pre(b1 !== b2 || s1 !== s2);
        const a = generateCode128CardNumber({ prefix: 'LT', terminalBlock: b1, serial: s1 });
        const b = generateCode128CardNumber({ prefix: 'LT', terminalBlock: b2, serial: s2 });
        expect(a, `(${b1}, ${s1}) → ${a}, (${b2}, ${s2}) → ${b}`).not.toBe(b);
      }),
      { numRuns: 2_000 },
    );
  });

  it('differ for neighbouring terminals and serials (the pairs most likely to meet)', () => {
    const seen = new Set<string>();
    for (const terminalBlock of [1, 2, 31, 32, 999, 1_000, 1_023, 1_024, 9_998, 9_999]) {
      for (const serial of [0, 1, 2, 31, 32, 999_998, 999_999]) {
        seen.add(generateEan13CardNumber({ prefix: '29', terminalBlock, serial }));
        seen.add(generateCode128CardNumber({ prefix: 'LT', terminalBlock, serial }));
      }
    }
    expect(seen.size, '10 blocks × 7 serials × 2 formats').toBe(140);
  });

  it('parse back to themselves, typed, scanned or shown as a QR code (property)', () => {
    fc.assert(
      fc.property(fc.oneof(eanNumber, code128Number), (number) => {
        const format = cardNumberFormat(number);
        const aim = format === 'ean13' ? ']E0' : ']C0';
        expect(parseCardCode(number, settings)).toEqual({ ok: true, value: { format, number } });
        expect(parseCardCode(`\x02${aim}${number}\r\n`, settings)).toMatchObject({
          ok: true,
          value: { format, number },
        });
        expect(parseCardCode(number.toLowerCase(), settings)).toMatchObject({
          ok: true,
          value: { number },
        });
        expect(parseCardCode(`]Q1${encodeVirtualCardQr(number)}\r`, settings)).toMatchObject({
          ok: true,
          value: { format: 'virtual-qr', number },
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('EAN-13: every single wrong digit is refused, as a check-digit error (property)', () => {
    fc.assert(
      fc.property(eanNumber, (number) => {
        for (let i = 0; i < number.length; i++) {
          for (const digit of '0123456789') {
            if (digit === number.charAt(i)) continue;
            const typo = number.slice(0, i) + digit + number.slice(i + 1);
            const result = parseCardCode(typo, settings);
            expect(result.ok ? 'accepted' : result.error.kind, `${number} → ${typo}`).toBe(
              'check-digit',
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  /** Every character a person could put in by mistake: the alphabet and I, L, O, U. */
  const typedCharacters = `${CROCKFORD_ALPHABET}ILOU`;
  const canonical = (char: string): string => ({ I: '1', L: '1', O: '0' })[char] ?? char;

  it('Code 128: every single wrong character is refused (property)', () => {
    fc.assert(
      fc.property(code128Number, (number) => {
        for (let i = 0; i < number.length; i++) {
          for (const char of typedCharacters) {
            // In the body, O for 0 and I or L for 1 are the same character, not a mistake.
            const same = i < 2 ? char === number.charAt(i) : canonical(char) === number.charAt(i);
            if (same) continue;
            const typo = number.slice(0, i) + char + number.slice(i + 1);
            expect(parseCardCode(typo, settings).ok, `${number} → ${typo}`).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('Code 128: every swap of neighbouring different characters is refused, except 0 ↔ Z (property)', () => {
    fc.assert(
      fc.property(code128Number, (number) => {
        for (let i = 0; i + 1 < number.length; i++) {
          const [a, b] = [number.charAt(i), number.charAt(i + 1)];
          if (a === b) continue;
          const swapped = number.slice(0, i) + b + a + number.slice(i + 2);
          const blindSpot = i >= 2 && [a, b].sort().join('') === '0Z';
          expect(parseCardCode(swapped, settings).ok, `${number} → ${swapped}`).toBe(blindSpot);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('Code 128: the 0 ↔ Z blind spot is real — terminal 31’s card can become terminal 992’s', () => {
    // Block 31 is `00Z`, block 992 = 31·32 is `0Z0`: one swap apart, and the same check,
    // since 0 + dbl(31) = 0 + 31 and 31 + dbl(0) = 31 (mod 32). Check K computed in Python.
    const a = generateCode128CardNumber({ prefix: 'LT', terminalBlock: 31, serial: 7 });
    const b = generateCode128CardNumber({ prefix: 'LT', terminalBlock: 992, serial: 7 });
    expect([a, b]).toEqual(['LT00Z0000007K', 'LT0Z00000007K']);
    expect(parseCardCode(b, settings)).toMatchObject({ ok: true, value: { number: b } });
  });
});
