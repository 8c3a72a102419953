import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecodeError } from './escpos-decoder';
import type { DecodeOptions } from './escpos-decoder';

const EPSON: DecodeOptions = { codePages: { 17: 'ibm866', 46: 'windows-1251' } };
const INIT = [0x1b, 0x40];
const LF = 0x0a;
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const decode = (bytes: number[], options = EPSON) => decodeEscPos(new Uint8Array(bytes), options);

/** QR store (fn 80) and print (fn 81), as GS ( k sends them. */
function qr(payload: string): number[] {
  const data = ascii(payload);
  const length = data.length + 3;
  return [
    ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
    ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
    ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
    ...[0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30, ...data],
    ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
  ];
}

describe('decodeEscPos', () => {
  it('reads CP866 after ESC t 17 and Windows-1251 after ESC t 46', () => {
    // "Ёж №" in CP866: F0 A6 20 FC; in Windows-1251: A8 E6 20 B9.
    const bytes = [...INIT, 0x1b, 0x74, 17, 0xf0, 0xa6, 0x20, 0xfc, LF];
    const more = [0x1b, 0x74, 46, 0xa8, 0xe6, 0x20, 0xb9, LF];
    const decoded = decode([...bytes, ...more]);
    expect(decoded.text).toEqual(['Ёж №', 'Ёж №']);
    expect(decoded.codePageSelections).toEqual([17, 46]);
  });

  it('reads the same byte differently on another model (ESC t 23 is Windows-1251 there)', () => {
    const bytes = [...INIT, 0x1b, 0x74, 23, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, LF];
    expect(decode(bytes, { codePages: { 23: 'windows-1251' } }).text).toEqual(['Привет']);
    expect(() => decode(bytes)).toThrow('ESC t 23: unknown code page');
  });

  it('keeps alignment, emphasis and size per line', () => {
    const bytes = [
      ...INIT,
      ...[0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
      ...ascii('  BIG'),
      LF,
      ...[0x1b, 0x61, 0x32, 0x1b, 0x45, 0, 0x1d, 0x21, 0x00],
      ...ascii('right'),
      LF,
    ];
    expect(decode(bytes).lines).toEqual([
      { text: '  BIG', align: 'center', bold: true, width: 2, height: 2 },
      { text: 'right', align: 'right', bold: false, width: 1, height: 1 },
    ]);
  });

  it('takes a line style from its first visible character, not from padding spaces', () => {
    const bytes = [...INIT, ...ascii('   '), 0x1b, 0x45, 1, 0x1d, 0x21, 0x11, ...ascii('X'), LF];
    expect(decode(bytes).lines[0]).toMatchObject({ text: '   X', bold: true, width: 2 });
  });

  it('turns a stored and printed QR code into a [QR:payload] line and a cut into [CUT]', () => {
    const bytes = [...INIT, 0x1c, 0x2e, 0x1b, 0x4d, 0, ...qr('LTC1:2900010000015:2DCD'), LF];
    const cut = [0x1d, 0x56, 0x00, 0x1d, 0x56, 0x42, 0x03];
    expect(decode([...bytes, ...cut]).text).toEqual([
      '[QR:LTC1:2900010000015:2DCD]',
      '',
      '[CUT]',
      '[CUT]',
    ]);
  });

  it.each([
    ['an unknown ESC command', [...INIT, 0x1b, 0x21, 0x00], /byte 2: unknown command ESC 0x21/],
    ['an unknown GS command', [...INIT, 0x1d, 0x76, 0x30], /byte 2: unknown command GS 0x76/],
    ['a CR (lines end in LF only)', [...INIT, ...ascii('a'), 0x0d, LF], /control byte 0x0D/],
    ['a stray control byte', [...INIT, 0x07], /byte 2: unexpected control byte 0x07/],
    ['a high byte before any code page', [...INIT, 0xc0, LF], /before a known ESC t/],
    ['a byte the code page lacks', [...INIT, 0x1b, 0x74, 46, 0x98, LF], /0x98 has no character/],
    ['text never ended by LF', [...INIT, ...ascii('lost')], /"lost" is never ended by LF/],
    ['a command cut short', [...INIT, 0x1b, 0x74], /cut short/],
    ['font B', [...INIT, 0x1b, 0x4d, 1], /only font A/],
    ['a QR printed but never stored', [...INIT, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30], /QR/],
    ['a PDF417 symbol', [...INIT, 0x1d, 0x28, 0x6b, 3, 0, 0x30, 0x51, 0x30], /not a QR code/],
    ['a cut mid-line', [...INIT, ...ascii('x'), 0x1d, 0x56, 0], /cut in the middle/],
    ['ESC @ mid-line', [...INIT, ...ascii('x'), ...INIT], /ESC @ in the middle of the line "x"/],
  ])('fails loudly on %s', (_, bytes, message) => {
    expect(() => decode(bytes)).toThrow(EscPosDecodeError);
    expect(() => decode(bytes)).toThrow(message);
  });

  it('resets styles and the code page on ESC @', () => {
    const bytes = [0x1b, 0x74, 17, 0x1b, 0x45, 1, ...INIT, ...ascii('a'), LF, 0x80];
    expect(() => decode(bytes)).toThrow(/byte 10: byte 0x80 printed before a known ESC t/);
    expect(decode(bytes.slice(0, -1)).lines).toEqual([
      { text: 'a', align: 'left', bold: false, width: 1, height: 1 },
    ]);
  });
});
