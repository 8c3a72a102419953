import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../../shared/i18n/lang';
import type { ReceiptDocument } from '../../../../shared/receipts/receipt-document';
import {
  sampleRefundReceipt,
  sampleSaleReceipt,
} from '../../../../shared/receipts/sample-receipts';
import { decodeForProfile } from '../testing/decode-for-profile';
import { renderReceipt } from './escpos-encoder';
import { PRINTER_PROFILES } from './printer-profiles';
import type { PrinterModelId } from './printer-profiles';

/**
 * Golden receipts: the exact bytes each printer receives for the sample sale and refund,
 * kept in golden/ as hex (`<name>.hex`, one printed line per text line, so a diff in review
 * shows which line changed) next to what those bytes print (`<name>.txt`, decoded by the
 * test decoder). A test fails on any difference; it never rewrites a file by itself.
 *
 * After an intended change (layout, texts, library update), regenerate and REVIEW the diff:
 *
 *     UPDATE_GOLDEN=1 npx vitest run --configLoader runner --project node \
 *       electron/devices/printers/escpos/golden-receipts.test.ts
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

type GoldenCase = {
  readonly name: string;
  readonly document: () => ReceiptDocument;
  readonly model: PrinterModelId;
  readonly lang: Lang;
  /** The `ESC t n` this model must receive for Windows-1251 (see printer-profiles.ts). */
  readonly escT: number;
  /** Lines (trimmed) that must be in the decoded text, whatever the golden file says. */
  readonly mustPrint: readonly string[];
};

const CASES: readonly GoldenCase[] = [
  {
    name: 'sale-80mm-epson-tm-t20iii-ru',
    document: sampleSaleReceipt,
    model: 'epson-tm-t20iii',
    lang: 'ru',
    escT: 46,
    mustPrint: [
      'К оплате                           1 700,00 руб.',
      'Начислено баллов                            +119',
      '[QR:LTC1:2900010000015:2DCD]',
    ],
  },
  {
    name: 'sale-58mm-pos-5890-ru',
    document: sampleSaleReceipt,
    model: 'pos-5890',
    lang: 'ru',
    escT: 23,
    mustPrint: [
      'К оплате           1 700,00 руб.',
      'Доступно баллов            1 250',
      '[QR:LTC1:2900010000015:2DCD]',
    ],
  },
  {
    name: 'refund-80mm-xprinter-xp-n160ii-ru',
    document: sampleRefundReceipt,
    model: 'xprinter-xp-n160ii',
    lang: 'ru',
    escT: 23,
    mustPrint: [
      'Возврат по чеку T1-000042',
      'Вернуть деньгами                   1 020,00 руб.',
      'Доступно баллов                              -20',
    ],
  },
  {
    name: 'refund-58mm-pos-5890-ru',
    document: sampleRefundReceipt,
    model: 'pos-5890',
    lang: 'ru',
    escT: 23,
    mustPrint: ['Возврат по чеку T1-000042', 'Вернуть деньгами   1 020,00 руб.'],
  },
  {
    name: 'sale-80mm-epson-tm-t88vi-en',
    document: sampleSaleReceipt,
    model: 'epson-tm-t88vi',
    lang: 'en',
    escT: 46,
    // 42 columns: 'To pay' (6) + 24 spaces + 'RUB 1,700.00' (12).
    mustPrint: [`To pay${' '.repeat(24)}RUB 1,700.00`, `Points earned${' '.repeat(25)}+119`],
  },
];

/** Hex bytes, a new line after each LF: the file reads as one printed line per text line. */
function toHexLines(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte.toString(16).padStart(2, '0') + (byte === 0x0a ? '\n' : ' ');
  }
  return out.trimEnd() + '\n';
}

function fromHexLines(text: string): Uint8Array {
  const pairs = text.split(/\s+/).filter((pair) => pair !== '');
  for (const pair of pairs) {
    if (!/^[0-9a-f]{2}$/.test(pair)) throw new Error(`Golden file: "${pair}" is not a hex byte`);
  }
  return Uint8Array.from(pairs, (pair) => parseInt(pair, 16));
}

function goldenPath(file: string): string {
  return fileURLToPath(new URL(`./golden/${file}`, import.meta.url));
}

/** Compares with the golden file, or (UPDATE_GOLDEN=1 only) writes it. */
function expectGolden(file: string, actual: string): void {
  const path = goldenPath(file);
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file ${file} is missing: run with UPDATE_GOLDEN=1, then review it`);
  }
  expect(actual, `${file} differs (UPDATE_GOLDEN=1 rewrites it after review)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

describe('golden receipts', () => {
  it.each(CASES)('$name', (golden) => {
    const profile = PRINTER_PROFILES[golden.model];
    const result = renderReceipt(golden.document(), { profile, lang: golden.lang });
    if (!result.ok) throw result.error;
    const bytes = result.value;

    // The code page command this model needs, exactly once, right after the initialisation.
    const escT = bytes.findIndex((b, i) => b === 0x1b && bytes[i + 1] === 0x74);
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x1b, 0x40]);
    expect(bytes[escT + 2], `ESC t for ${profile.name}`).toBe(golden.escT);

    const decoded = decodeForProfile(bytes, profile);
    expect(decoded.codePageSelections).toEqual([golden.escT]);
    const printed = decoded.text.map((line) => line.trim());
    expect(printed).toEqual(expect.arrayContaining([...golden.mustPrint]));
    expect(printed.filter((line) => line === '[CUT]')).toHaveLength(1);

    expectGolden(`${golden.name}.hex`, toHexLines(bytes));
    expectGolden(`${golden.name}.txt`, decoded.text.join('\n') + '\n');
    // The golden bytes themselves decode to the same text (the file is not just any hex).
    if (!UPDATE) {
      const stored = fromHexLines(readFileSync(goldenPath(`${golden.name}.hex`), 'utf8'));
      expect(decodeForProfile(stored, profile).text).toEqual(decoded.text);
    }
  });

  it('reads hex back byte for byte', () => {
    const bytes = Uint8Array.from([0x1b, 0x40, 0x41, 0x0a, 0xff, 0x0a]);
    expect(fromHexLines(toHexLines(bytes))).toEqual(bytes);
    expect(toHexLines(bytes)).toBe('1b 40 41 0a\nff 0a\n');
  });
});
