import { assertNever } from '../util/assert-never';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import type { CardCodeError } from './card-code-error';
import { checkCardCodeSettings } from './card-code-settings';
import type { CardCodeSettings } from './card-code-settings';
import type { CardNumber } from './card-number';
import {
  hasCode128Prefix,
  parseCode128CardNumber,
  removeCode128Separators,
} from './code128-number';
import { parseEan13CardNumber } from './ean13';
import { isTwoDimensional, normaliseScanInput } from './scan-input';
import type { AimSymbology } from './scan-input';
import { decodeVirtualCardQr, isVirtualCardQrPayload } from './virtual-card-qr';

// The entry point is also where callers find what they pass in and get back.
export { DEFAULT_CARD_CODE_SETTINGS } from './card-code-settings';
export type { CardCodeSettings } from './card-code-settings';
export { describeCardCodeError } from './card-code-error';
export type { CardCodeError } from './card-code-error';
export type { CardNumber } from './card-number';

/** How the card reached the terminal: a plastic card's barcode or a phone's QR code. */
export type CardCodeFormat = 'ean13' | 'code128' | 'virtual-qr';

export type CardCode = {
  readonly format: CardCodeFormat;
  /** The canonical number: what the ledger and the customer record are keyed by. */
  readonly number: CardNumber;
  /** What the scanner reported in its AIM identifier, when it sent one. */
  readonly symbology?: AimSymbology;
};

/**
 * A scanned or typed card code → the card number, or an error the cashier can act on
 * (describeCardCodeError). The same function serves the scanner and the keyboard, so a
 * number typed from a card gives the same result as the scan.
 *
 * Steps: normaliseScanInput (framing, AIM identifier, control characters), then the format
 * from the text; an AIM identifier only narrows 2D codes, since a QR or DataMatrix code can
 * only be our virtual card (we print no 2D codes on plastic cards).
 *
 * | text after normalising                     | AIM symbology      | read as                      |
 * |--------------------------------------------|--------------------|------------------------------|
 * | `LTC<digits>:…` in any case                | any or none        | virtual-qr                   |
 * | anything else                              | qr, datamatrix     | not-our-card: foreign-qr     |
 * | the Code 128 prefix, any case, separators  | other 1D, or none  | code128                      |
 * | a digit first                              | other 1D, or none  | ean13                        |
 * | anything else                              | other 1D, or none  | not-our-card: unknown-format |
 *
 * Example results (default settings: EAN-13 prefix 29, Code 128 prefix LT):
 *
 * | raw                                 | result                                        |
 * |-------------------------------------|-----------------------------------------------|
 * | `]E02900010000015\r`                | ean13 `2900010000015`, symbology ean13 `]E0`  |
 * | `2 900010 000015`                   | ean13 `2900010000015`                         |
 * | `lt-001-0000001-x`                  | code128 `LT0010000001X`                       |
 * | `]Q1LTC1:LT0010000001X:787A`        | virtual-qr `LT0010000001X`, symbology qr      |
 * | `\r\n`                              | empty                                         |
 * | `2900\x00010000015`                 | invalid-characters U+0000                     |
 * | `4006381333931`                     | not-our-card: product-barcode                 |
 * | `]Q1https://example.com`            | not-our-card: foreign-qr                      |
 * | `Hello`                             | not-our-card: unknown-format                  |
 *
 * Throws a RangeError only for invalid settings (a programming error, see
 * checkCardCodeSettings), never for anything scanned or typed.
 */
export function parseCardCode(
  raw: string,
  settings: CardCodeSettings,
): Result<CardCode, CardCodeError> {
  checkCardCodeSettings(settings);
  const scanned = normaliseScanInput(raw);
  if (!scanned.ok) return err({ kind: 'invalid-characters', char: scanned.error.char });
  const { text, symbology } = scanned.value;
  if (text === '') return err({ kind: 'empty' });
  const format = detectFormat(text, symbology, settings);
  let number: Result<CardNumber, CardCodeError>;
  switch (format) {
    case 'virtual-qr':
      number = decodeVirtualCardQr(text, settings);
      break;
    case 'code128':
      number = parseCode128CardNumber(text, settings.code128Prefix);
      break;
    case 'ean13':
      number = parseEan13CardNumber(text, settings.ean13Prefixes);
      break;
    case 'foreign-qr':
    case 'unknown-format':
      return err({ kind: 'not-our-card', reason: format });
    default:
      return assertNever(format, 'detected format');
  }
  if (!number.ok) return number;
  return ok(
    symbology ? { format, number: number.value, symbology } : { format, number: number.value },
  );
}

type Detected = CardCodeFormat | 'foreign-qr' | 'unknown-format';

function detectFormat(
  text: string,
  symbology: AimSymbology | undefined,
  settings: CardCodeSettings,
): Detected {
  if (isVirtualCardQrPayload(text)) return 'virtual-qr';
  if (isTwoDimensional(symbology?.kind)) return 'foreign-qr';
  if (hasCode128Prefix(removeCode128Separators(text), settings.code128Prefix)) return 'code128';
  if (/^\d/.test(text)) return 'ean13';
  return 'unknown-format';
}
