import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Lang } from '../../../../shared/i18n/lang';
import { layoutReceipt } from '../../../../shared/receipts/layout-receipt';
import type { PrintBlock, TextBlock } from '../../../../shared/receipts/print-blocks';
import { isReceiptCharacter } from '../../../../shared/receipts/print-text';
import { parseReceiptDocument } from '../../../../shared/receipts/receipt-document';
import type { InvalidReceiptDocumentError } from '../../../../shared/receipts/receipt-document';
import { assertNever } from '../../../../shared/util/assert-never';
import { err, ok } from '../../../../shared/util/result';
import type { Result } from '../../../../shared/util/result';
import type { PrinterProfile } from './printer-profiles';

/**
 * QR module size in dots: a virtual card payload (~23 characters, QR version 2, 25 modules)
 * prints 150 dots = ~19 mm wide at 203 dpi, which phone cameras and scanners read easily
 * and which fits 58 mm paper (384 dots) with its quiet zone.
 */
const QR_MODULE_DOTS = 6;

/** A laid-out block breaks an invariant of print-blocks.ts: a bug in the layout, not data. */
export class ReceiptLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReceiptLayoutError';
  }
}

/**
 * Encodes laid-out blocks to ESC/POS bytes for one printer profile: `ESC @`, the profile's
 * Cyrillic code page (`ESC t n` with the model's own n), then the blocks, each text block one
 * line ending in LF (never CR LF: on a printer with automatic line feed a CR feeds twice).
 *
 * Text is checked before encoding: a line wider than the paper or a character outside the
 * repertoire throws ReceiptLayoutError rather than letting the printer wrap it or print `?`.
 */
export function encodeBlocks(blocks: readonly PrintBlock[], profile: PrinterProfile): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    printerModel: profile.encoderModel,
    columns: profile.columns,
    newline: '\n',
  });
  encoder.initialize().codepage(profile.codePage);
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        checkTextBlock(block, profile.columns);
        encoder
          .align(block.align)
          .bold(block.bold)
          .size(block.size, block.size)
          .line(block.text)
          .size(1, 1)
          .bold(false);
        break;
      case 'qr':
        encoder
          .align('center')
          .qrcode(block.payload, { model: 2, size: QR_MODULE_DOTS, errorlevel: 'm' })
          .align('left');
        break;
      case 'feed':
        encoder.newline(block.lines);
        break;
      case 'cut':
        // The library feeds the model's cutter distance first, so the last line clears the blade.
        encoder.cut('full');
        break;
      default:
        assertNever(block, 'print block');
    }
  }
  return encoder.encode();
}

function checkTextBlock(block: TextBlock, columns: number): void {
  if (block.text.length * block.size > columns) {
    throw new ReceiptLayoutError(
      `Line "${block.text}" takes ${block.text.length * block.size} columns, the paper has ${columns}`,
    );
  }
  for (const char of block.text) {
    if (!isReceiptCharacter(char)) {
      throw new ReceiptLayoutError(`Line "${block.text}" has a character no code page prints`);
    }
  }
}

export type RenderReceiptOptions = {
  readonly profile: PrinterProfile;
  readonly lang: Lang;
};

/**
 * The whole path for a receipt from outside (IPC, the print queue): parse the document,
 * lay it out for the printer's columns, encode. A document that fails its schema is refused
 * with every problem named, and nothing is printed.
 */
export function renderReceipt(
  input: unknown,
  options: RenderReceiptOptions,
): Result<Uint8Array, InvalidReceiptDocumentError> {
  const parsed = parseReceiptDocument(input);
  if (!parsed.ok) return err(parsed.error);
  const blocks = layoutReceipt(parsed.value, {
    columns: options.profile.columns,
    lang: options.lang,
  });
  return ok(encodeBlocks(blocks, options.profile));
}
