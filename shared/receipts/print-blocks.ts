/**
 * A laid-out receipt: what a printer (or a monospace preview) prints, top to bottom, with
 * no printer commands in it. Produced by layoutReceipt, consumed by the ESC/POS encoder.
 *
 * Invariants of every `text` block (layoutReceipt guarantees them, the encoder checks them):
 * - it is exactly one printed line: `text.length × size ≤ columns` (font A);
 * - its characters are all in RECEIPT_REPERTOIRE (print-text.ts), which both CP866 and
 *   Windows-1251 encode, one byte and one column per character.
 */

export type TextAlign = 'left' | 'center' | 'right';

/** 1: normal; 2: double width and double height (half as many columns). */
export type TextSize = 1 | 2;

export type PrintBlock =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly align: TextAlign;
      readonly bold: boolean;
      readonly size: TextSize;
    }
  | { readonly kind: 'qr'; readonly payload: string }
  | { readonly kind: 'feed'; readonly lines: number }
  | { readonly kind: 'cut' };

export type TextBlock = Extract<PrintBlock, { kind: 'text' }>;

/** Paper widths the terminal supports. */
export type PaperWidth = '58mm' | '80mm';

/**
 * Columns of font A (12×24 dots) on a 203 dpi printer: 58 mm paper prints 384 dots = 32
 * columns, 80 mm prints 576 dots = 48 columns. A printer with other optics (Epson TM-T88VI,
 * 180 dpi: 512 dots = 42 columns) sets its own column count in its printer profile.
 */
export const PAPER_COLUMNS: Readonly<Record<PaperWidth, number>> = {
  '58mm': 32,
  '80mm': 48,
};

/** The narrowest receipt the layout supports: below this, label and amount cannot share a line. */
export const MIN_COLUMNS = 24;
