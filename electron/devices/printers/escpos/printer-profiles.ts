import type { ReceiptPrinterEncoderOptions } from '@point-of-sale/receipt-printer-encoder';
import type { PaperWidth } from '../../../../shared/receipts/print-blocks';

/**
 * The receipt printers we support, one profile each: which model of the encoder library to
 * use (its model decides the `ESC t n` number of a code page), the paper, the font A columns
 * and the Cyrillic code page.
 *
 * Why a table per model: `ESC t n` selects a code page by number, and the numbers are not
 * standard. Epson puts Windows-1251 at 46; the Chinese clones (Xprinter, the POS-5890 family)
 * put it at 23, where an Epson has nothing Cyrillic. Sending Epson's number to a clone prints
 * Latin or Chinese garbage instead of Russian. Both CP866 (17 on all four) and Windows-1251
 * hold every character of the receipt repertoire (shared/receipts/print-text.ts); the
 * profiles use Windows-1251, so the per-model number is what the tests pin. A printer whose
 * firmware lacks it can have its profile switched to CP866 (`codePage` and `escT` together).
 *
 * Code page numbers read from the library's source (node_modules/@point-of-sale/
 * receipt-printer-encoder/dist/receipt-printer-encoder.mjs, `codepageMappings['esc-pos']`,
 * v4.0.1), where each model's `capabilities.codepages` names its mapping; the index of a
 * page in that list is the `n` of `ESC t n`. escpos-encoder.test.ts asserts the numbers, so a
 * library update that moves them fails a test instead of a customer's receipt:
 *
 * | profile             | library model        | mapping    | CP866 | Windows-1251 | paper | font A columns |
 * |---------------------|----------------------|------------|-------|--------------|-------|----------------|
 * | Epson TM-T20III     | `epson-tm-t20iii`    | `epson`    | 17    | 46           | 80 mm | 48 (203 dpi)   |
 * | Epson TM-T88VI      | `epson-tm-t88vi`     | `epson`    | 17    | 46           | 80 mm | 42 (180 dpi)   |
 * | Xprinter XP-N160II  | `xprinter-xp-n160ii` | `xprinter` | 17    | 23           | 80 mm | 48 (203 dpi)   |
 * | POS-5890 (and kin)  | `pos-5890`           | `pos-5890` | 17    | 23           | 58 mm | 32 (203 dpi)   |
 *
 * A printer not in the table (another clone) is best tried as `pos-5890` on 58 mm paper or
 * `xprinter-xp-n160ii` on 80 mm: print the test page and check the Russian text.
 */
export type PrinterModelId =
  'epson-tm-t20iii' | 'epson-tm-t88vi' | 'xprinter-xp-n160ii' | 'pos-5890';

/** Code pages of the library that hold the Russian alphabet. */
export type CyrillicCodePage = 'cp866' | 'windows1251';

type EncoderModel = NonNullable<ReceiptPrinterEncoderOptions['printerModel']>;

export type PrinterProfile = {
  readonly id: PrinterModelId;
  /** As the manager sees it in the settings screen. */
  readonly name: string;
  readonly encoderModel: EncoderModel;
  readonly paper: PaperWidth;
  /** Font A columns: what the layout wraps to. */
  readonly columns: 32 | 42 | 48;
  readonly codePage: CyrillicCodePage;
  /** The `n` of `ESC t n` this model's firmware expects for `codePage` (see the table). */
  readonly escT: number;
};

export const PRINTER_PROFILES: Readonly<Record<PrinterModelId, PrinterProfile>> = {
  'epson-tm-t20iii': {
    id: 'epson-tm-t20iii',
    name: 'Epson TM-T20III (80 mm)',
    encoderModel: 'epson-tm-t20iii',
    paper: '80mm',
    columns: 48,
    codePage: 'windows1251',
    escT: 46,
  },
  'epson-tm-t88vi': {
    id: 'epson-tm-t88vi',
    name: 'Epson TM-T88VI (80 mm)',
    encoderModel: 'epson-tm-t88vi',
    paper: '80mm',
    columns: 42,
    codePage: 'windows1251',
    escT: 46,
  },
  'xprinter-xp-n160ii': {
    id: 'xprinter-xp-n160ii',
    name: 'Xprinter XP-N160II (80 mm)',
    encoderModel: 'xprinter-xp-n160ii',
    paper: '80mm',
    columns: 48,
    codePage: 'windows1251',
    escT: 23,
  },
  'pos-5890': {
    id: 'pos-5890',
    name: 'POS-5890 and compatibles (58 mm)',
    encoderModel: 'pos-5890',
    paper: '58mm',
    columns: 32,
    codePage: 'windows1251',
    escT: 23,
  },
};

export const PRINTER_MODEL_IDS: readonly PrinterModelId[] = [
  'epson-tm-t20iii',
  'epson-tm-t88vi',
  'xprinter-xp-n160ii',
  'pos-5890',
];

/** For a model id from settings or IPC: true when we have a profile for it. */
export function isPrinterModelId(value: unknown): value is PrinterModelId {
  return typeof value === 'string' && (PRINTER_MODEL_IDS as readonly string[]).includes(value);
}
