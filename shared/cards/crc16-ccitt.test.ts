import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16Hex } from './crc16-ccitt';

/**
 * An independent implementation: table-driven (one lookup per byte) instead of bit by bit,
 * so a shared mistake in the shift logic would make the two disagree.
 */
const TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = (crc << 1) ^ (crc & 0x8000 ? 0x1021 : 0);
  return crc & 0xffff;
});
function tableCrc(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ text.charCodeAt(i)) & 0xff] ?? 0);
  }
  return crc;
}

const ascii = fc.string({
  unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
});

describe('CRC-16/CCITT-FALSE', () => {
  // The worked-example table of crc16-ccitt.ts; `123456789` is the catalogue's check value,
  // the payloads were computed with Python's binascii.crc_hqx(data, 0xFFFF).
  it.each([
    ['', 'FFFF'],
    ['A', 'B915'],
    ['123456789', '29B1'],
    ['LTC1:2900010000015:', '2DCD'],
    ['LTC1:LT0010000001X:', '787A'],
  ])('%j → %s', (text, hex) => {
    expect(crc16Hex(text)).toBe(hex);
    expect(crc16CcittFalse(text)).toBe(Number.parseInt(hex, 16));
  });

  it('equals a table-driven implementation for any ASCII text (property)', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(crc16CcittFalse(text)).toBe(tableCrc(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('changes whenever one character changes (an 8-bit burst is always caught) (property)', () => {
    fc.assert(
      fc.property(
        ascii.filter((t) => t !== ''),
        fc.nat(),
        fc.integer({ min: 1, max: 0x7f }),
        (text, at, flip) => {
          const i = at % text.length;
          const changed =
            text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ flip) + text.slice(i + 1);
          expect(
            crc16CcittFalse(changed),
            `${JSON.stringify(text)} → ${JSON.stringify(changed)}`,
          ).not.toBe(crc16CcittFalse(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses text that is not ASCII instead of hashing half a character', () => {
    expect(() => crc16CcittFalse('LTC1:Ж')).toThrow('got U+0416 at 5');
  });
});
