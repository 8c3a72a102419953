import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money/money';
import type { PrintBlock } from '../../../../shared/receipts/print-blocks';
import { PAPER_COLUMNS } from '../../../../shared/receipts/print-blocks';
import type { ReceiptDocument } from '../../../../shared/receipts/receipt-document';
import {
  sampleRefundReceipt,
  sampleSaleReceipt,
} from '../../../../shared/receipts/sample-receipts';
import { decodeForProfile } from '../testing/decode-for-profile';
import { encodeBlocks, ReceiptLayoutError, renderReceipt } from './escpos-encoder';
import { isPrinterModelId, PRINTER_MODEL_IDS, PRINTER_PROFILES } from './printer-profiles';
import type { PrinterProfile } from './printer-profiles';

const profiles = PRINTER_MODEL_IDS.map((id) => PRINTER_PROFILES[id]);

function render(doc: unknown, profile: PrinterProfile): Uint8Array {
  const result = renderReceipt(doc, { profile, lang: 'ru' });
  if (!result.ok) throw result.error;
  return result.value;
}

/** Every `n` of `ESC t n` in the bytes. */
function escTNumbers(bytes: Uint8Array): number[] {
  const found: number[] = [];
  bytes.forEach((b, i) => {
    const n = bytes[i + 2];
    if (b === 0x1b && bytes[i + 1] === 0x74 && n !== undefined) found.push(n);
  });
  return found;
}

describe('printer profiles', () => {
  // The table of printer-profiles.ts: the library's own numbers, read from its output.
  it.each([
    ['epson-tm-t20iii', 17, 46],
    ['epson-tm-t88vi', 17, 46],
    ['xprinter-xp-n160ii', 17, 23],
    ['pos-5890', 17, 23],
  ] as const)('%s: CP866 is ESC t %i, Windows-1251 is ESC t %i', (id, cp866, cp1251) => {
    const profile = PRINTER_PROFILES[id];
    const escT = (codepage: 'cp866' | 'windows1251'): number[] =>
      escTNumbers(
        new ReceiptPrinterEncoder({ printerModel: profile.encoderModel, columns: profile.columns })
          .initialize()
          .codepage(codepage)
          .line('Ж')
          .encode(),
      );
    expect(escT('cp866')).toEqual([cp866]);
    expect(escT('windows1251')).toEqual([cp1251]);
    expect(profile.escT).toBe(profile.codePage === 'cp866' ? cp866 : cp1251);
  });

  it('names models the library knows, on the paper the layout supports', () => {
    const known = ReceiptPrinterEncoder.printerModels.map((m) => m.id);
    for (const profile of profiles) {
      expect(known).toContain(profile.encoderModel);
      expect(isPrinterModelId(profile.id)).toBe(true);
      expect(profile.columns).toBeLessThanOrEqual(PAPER_COLUMNS[profile.paper]);
    }
    expect(isPrinterModelId('epson-tm-t20')).toBe(false);
  });
});

describe('renderReceipt', () => {
  it.each(profiles)('prints Russian right on $name', (profile) => {
    const bytes = render(sampleSaleReceipt(), profile);
    expect(escTNumbers(bytes)).toEqual([profile.escT]);
    const lines = decodeForProfile(bytes, profile).text.map((line) => line.trim());
    // The store name, double size: one line on 80 mm, two on 58 mm (16 columns at ×2).
    expect(lines.slice(0, 2).join(' ')).toMatch(/^Магазин "Ромашка"/);
    expect(lines.find((line) => line.startsWith('К оплате'))).toMatch(/ 1 700,00 руб\.$/);
    expect(lines.find((line) => line.startsWith('Начислено баллов'))).toMatch(/ \+119$/);
    expect(lines.find((line) => line.startsWith('Доступно баллов'))).toMatch(/ 1 250$/);
    expect(lines).toContain('[QR:LTC1:2900010000015:2DCD]');
    // The cut is the last thing printed (a LF after it only moves the next receipt's start).
    expect(lines.filter((line) => line !== '').at(-1)).toBe('[CUT]');
  });

  it('does not print the same bytes for Epson and a clone: only ESC t differs', () => {
    const epson = render(sampleSaleReceipt(), PRINTER_PROFILES['epson-tm-t20iii']);
    const xprinter = render(sampleSaleReceipt(), PRINTER_PROFILES['xprinter-xp-n160ii']);
    const at = epson.findIndex((b, i) => b === 0x1b && epson[i + 1] === 0x74);
    expect([epson[at + 2], xprinter[at + 2]]).toEqual([46, 23]);
    expect(Array.from(xprinter.subarray(at + 3))).toEqual(Array.from(epson.subarray(at + 3)));
  });

  it('prints no QR code for a receipt without a virtual card, and still cuts', () => {
    const profile = PRINTER_PROFILES['pos-5890'];
    const text = decodeForProfile(render(sampleRefundReceipt(), profile), profile).text;
    expect(text.some((line) => line.startsWith('[QR:'))).toBe(false);
    expect(text.filter((line) => line === '[CUT]')).toHaveLength(1);
  });

  it.each(profiles)('keeps long names within $columns columns on $name', (profile) => {
    // 80 and 200 characters: the longest the schema lets through.
    const storeName =
      'Гипермаркет Продукты-Хозтовары на Краснопресненской набережной, корпус 1'.padEnd(80, '!');
    const long = 'Чрезвычайно длинное наименование товара с уточнениями '.repeat(4).slice(0, 200);
    const doc: ReceiptDocument = {
      ...sampleSaleReceipt(),
      header: { ...sampleSaleReceipt().header, storeName },
      lines: [{ description: long, amount: money(200_000) }],
    };
    const decoded = decodeForProfile(render(doc, profile), profile);
    for (const line of decoded.lines) {
      expect(line.text.length * line.width, line.text).toBeLessThanOrEqual(profile.columns);
    }
    // The description: 3 lines, the last cut short, then its amount.
    const first = decoded.text.findIndex((line) => line.startsWith('Чрезвычайно длинное'));
    const item = decoded.text.slice(first, first + 4).join('\n');
    expect(item).toMatch(/\.\.\.\n +2 000,00 руб\.$/);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'Чек на 1 700 руб.'],
    ['an empty object', {}],
    [
      'a sale with text money',
      { ...sampleSaleReceipt(), lines: [{ description: 'x', amount: '1' }] },
    ],
  ])('refuses %s with the schema problems and prints nothing', (_, input) => {
    const result = renderReceipt(input, { profile: PRINTER_PROFILES['pos-5890'], lang: 'ru' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^The receipt cannot be printed: its data is invalid/);
      expect(result.error.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('encodeBlocks', () => {
  const profile = PRINTER_PROFILES['pos-5890'];
  const line = (text: string, size: 1 | 2 = 1): PrintBlock => ({
    kind: 'text',
    text,
    align: 'left',
    bold: false,
    size,
  });

  it('refuses a line wider than the paper rather than letting the printer wrap it', () => {
    expect(() => encodeBlocks([line('x'.repeat(33))], profile)).toThrow(ReceiptLayoutError);
    expect(() => encodeBlocks([line('x'.repeat(17), 2)], profile)).toThrow(/34 columns/);
    expect(() => encodeBlocks([line('x'.repeat(32)), { kind: 'cut' }], profile)).not.toThrow();
  });

  it('refuses a character no receipt code page prints', () => {
    expect(() => encodeBlocks([line('1 700 ₽')], profile)).toThrow(/no code page prints/);
  });

  it('feeds blank lines', () => {
    const bytes = encodeBlocks([line('a'), { kind: 'feed', lines: 2 }, line('b')], profile);
    expect(decodeForProfile(bytes, profile).text).toEqual(['a', '', '', 'b']);
  });
});
