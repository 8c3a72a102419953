import { assertNever } from '../util/assert-never';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';

/**
 * A scanner sends more than the code. Serial and HID scanners frame it with STX/ETX, end it
 * with CR, LF or Tab, pad it with NUL; keyboard wedges add Enter; many scanners are set up to
 * send an AIM symbology identifier (ISO/IEC 15424) in front: `]` + code letter + modifier.
 * normaliseScanInput takes that off and says which symbology the scanner reported.
 *
 * Rules, in order:
 * 1. From both ends, strip control characters (C0 U+0000–U+001F, DEL U+007F, C1
 *    U+0080–U+009F) and whitespace (space, no-break space, BOM U+FEFF and the like).
 * 2. If the text starts with an AIM identifier, take it off and strip step 1's characters
 *    again (some scanners send STX after the identifier).
 * 3. Nothing is removed from the middle. A control character left inside:
 *    - of a QR or DataMatrix code (known from the AIM identifier) is kept: line breaks
 *      (vCard, payment QR) and GS (the GS1 separator in product marking codes) are content
 *      of 2D codes; the card parser then refuses the payload as not ours (or as a damaged
 *      virtual card);
 *    - of any other code is an error: our card numbers never contain one, so it means a
 *      garbled transmission (a serial line error, a misconfigured wedge). Deleting it could
 *      join the pieces of a misread into a number that passes, so the cashier scans again.
 *
 * | raw (JS escapes)                    | text                           | symbology           |
 * |-------------------------------------|--------------------------------|---------------------|
 * | `2900010000015\r\n`                 | `2900010000015`                | —                   |
 * | `\x02]E02900010000015\x03`          | `2900010000015`                | ean13 `]E0`         |
 * | ` ]C0LT0010000001X\t`               | `LT0010000001X`                | code128 `]C0`       |
 * | `]Q1LTC1:2900010000015:2DCD\r`      | `LTC1:2900010000015:2DCD`      | qr `]Q1`            |
 * | `]d201046000000000021abc\x1D91ee\r` | `0104…21abc\x1D91ee` (GS kept) | datamatrix `]d2`    |
 * | `]E412345670`                       | `12345670`                     | other `]E4` (EAN-8) |
 * | `\r\n`                              | `` (empty)                     | —                   |
 * | `2900\x00010000015`                 | error: U+0000 at index 4       |                     |
 */
export type ScanInput = {
  /** The code without framing and AIM identifier; may be empty. */
  readonly text: string;
  /** Present only when the scanner sent an AIM identifier. */
  readonly symbology?: AimSymbology;
};

/** Symbologies the card parser tells apart. */
export type Symbology = 'ean13' | 'code128' | 'qr' | 'datamatrix' | 'other';

export type AimSymbology = {
  readonly kind: Symbology;
  /** As sent, e.g. `]E0`; kept for logs and for symbologies we map to `other`. */
  readonly aimId: string;
};

export type ScanInputError = {
  readonly kind: 'control-character';
  /** The character itself, e.g. `\u0000`. */
  readonly char: string;
  /** Its position in the cleaned text (after framing and AIM identifier). */
  readonly index: number;
};

const AIM_PATTERN = /^\]([A-Za-z])([0-9A-Za-z])/;
const CONTROL_PATTERN = /\p{Cc}/u;
const JUNK_PATTERN = /^[\p{Cc}\s]$/u;

export function normaliseScanInput(raw: string): Result<ScanInput, ScanInputError> {
  let text = trimJunk(raw);
  const aim = AIM_PATTERN.exec(text);
  let symbology: AimSymbology | undefined;
  if (aim) {
    symbology = { kind: aimSymbology(aim[1] ?? '', aim[2] ?? ''), aimId: aim[0] };
    text = trimJunk(text.slice(aim[0].length));
  }
  if (!isTwoDimensional(symbology?.kind)) {
    const control = CONTROL_PATTERN.exec(text);
    if (control) return err({ kind: 'control-character', char: control[0], index: control.index });
  }
  return ok(symbology ? { text, symbology } : { text });
}

/**
 * AIM code letter and modifier → symbology (ISO/IEC 15424; letters are case-sensitive).
 *
 * | AIM                | symbology  | why                                                   |
 * |--------------------|------------|-------------------------------------------------------|
 * | `]E0`              | ean13      | EAN-13, and UPC-A/UPC-E sent as 13 digits             |
 * | `]E3`              | ean13      | EAN-13 with its add-on in one packet                  |
 * | `]E1` `]E2` `]E4`  | other      | a 2- or 5-digit add-on alone; EAN-8                   |
 * | `]C…`              | code128    | any modifier (`]C1` is GS1-128)                       |
 * | `]Q…`              | qr         |                                                       |
 * | `]d…`              | datamatrix | `]d2` is GS1 DataMatrix (product marking codes)       |
 * | anything else      | other      | Code 39, ITF, PDF417, Aztec…                          |
 */
export function aimSymbology(codeLetter: string, modifier: string): Symbology {
  switch (codeLetter) {
    case 'E':
      return modifier === '0' || modifier === '3' ? 'ean13' : 'other';
    case 'C':
      return 'code128';
    case 'Q':
      return 'qr';
    case 'd':
      return 'datamatrix';
    default:
      return 'other';
  }
}

/** 2D symbologies carry structured data, so control characters inside are content. */
export function isTwoDimensional(symbology: Symbology | undefined): boolean {
  switch (symbology) {
    case 'qr':
    case 'datamatrix':
      return true;
    case 'ean13':
    case 'code128':
    case 'other':
    case undefined:
      return false;
    default:
      return assertNever(symbology, 'symbology');
  }
}

/** Linear in the length (a regex anchored at the end would backtrack over long junk runs). */
function trimJunk(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && JUNK_PATTERN.test(text.charAt(start))) start += 1;
  while (end > start && JUNK_PATTERN.test(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
