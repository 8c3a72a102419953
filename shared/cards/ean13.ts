import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { characterAt } from './card-code-error';
import type { CardCodeError } from './card-code-error';
import { CARD_NUMBER_LENGTH } from './card-number';
import type { CardNumber } from './card-number';

/**
 * Our printed cards as EAN-13: 13 digits, the last one the GS1 mod-10 check digit. Card
 * numbers live in the GS1 restricted-distribution range (first digit 2), which no product
 * number uses; the program lists which two-digit prefixes (20–29) are its cards.
 *
 * GS1 check digit: the first 12 digits are weighted 1, 3, 1, 3, … from the left (so the digit
 * next to the check digit weighs 3); check = (10 − sum mod 10) mod 10. Weights 1 and 3 are
 * both coprime to 10, so any single wrong digit changes the sum mod 10 and is detected; a swap
 * of two neighbouring digits that differ by 5 (e.g. 05 ↔ 50) is not.
 *
 * | first 12 digits | weighted sum                          | check | full number     |
 * |-----------------|---------------------------------------|-------|-----------------|
 * | 400638133393    | 4+0+0+18+3+24+1+9+3+9+9+9 = 89        | 1     | 4006381333931   |
 * | 590123412345    | 5+27+0+3+2+9+4+3+2+9+4+15 = 83        | 7     | 5901234123457   |
 * | 290001000001    | 2+27+0+0+0+3+0+0+0+0+0+3 = 35         | 5     | 2900010000015   |
 * | 299999999999    | 2+27+9+27+9+27+9+27+9+27+9+27 = 209   | 1     | 2999999999991   |
 * | 000000000000    | 0                                     | 0     | 0000000000000   |
 */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) {
    throw new RangeError(
      `EAN-13 check digit needs exactly 12 digits, got ${JSON.stringify(first12)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < first12.length; i++) {
    sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 13 digits whose last digit is the GS1 check digit of the first 12. */
export function hasValidEan13CheckDigit(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code.charAt(12));
}

/**
 * Spaces and hyphens a person types while copying the digits printed under the bars
 * (`2 900010 000015`) are dropped; any other non-digit is refused.
 */
const SEPARATOR_PATTERN = /[ -]/g;

/**
 * A scanned or typed EAN-13 card number. Checked in the order that gives the cashier the most
 * useful message: characters, length, check digit, then whether the card is ours. The check
 * digit comes before the prefix so a typo in the first digit reads as a typo, not as "this is
 * a product"; a real product barcode has a valid check digit and gets `product-barcode`.
 *
 * | text (prefixes ['29']) | result                                 |
 * |------------------------|----------------------------------------|
 * | `2900010000015`        | ok `2900010000015`                     |
 * | `2 900010 000015`      | ok `2900010000015`                     |
 * | `29000100000x5`        | invalid-characters `x`                 |
 * | `290001000001`         | too-short: 12 of 13 (UPC-A, or a digit missing) |
 * | `29000100000150`       | too-long: 14 of 13                     |
 * | `2900010000016`        | check-digit: expected 5, got 6         |
 * | `4006381333931`        | not-our-card: product-barcode          |
 * | `0012345678905`        | not-our-card: product-barcode (UPC-A)  |
 * | `2200010000016`        | not-our-card: foreign-prefix           |
 */
export function parseEan13CardNumber(
  text: string,
  prefixes: readonly string[],
): Result<CardNumber, CardCodeError> {
  const digits = text.replace(SEPARATOR_PATTERN, '');
  const invalid = /\D/u.exec(digits);
  if (invalid) return err({ kind: 'invalid-characters', char: characterAt(digits, invalid.index) });
  if (digits === '') return err({ kind: 'empty' });
  if (digits.length !== CARD_NUMBER_LENGTH) {
    return err({
      kind: digits.length < CARD_NUMBER_LENGTH ? 'too-short' : 'too-long',
      format: 'ean13',
      actual: digits.length,
      expected: CARD_NUMBER_LENGTH,
    });
  }
  const expected = String(ean13CheckDigit(digits.slice(0, 12)));
  const got = digits.charAt(12);
  if (expected !== got) return err({ kind: 'check-digit', format: 'ean13', expected, got });
  if (!digits.startsWith('2')) return err({ kind: 'not-our-card', reason: 'product-barcode' });
  if (!prefixes.includes(digits.slice(0, 2))) {
    return err({ kind: 'not-our-card', reason: 'foreign-prefix' });
  }
  return ok(digits as CardNumber);
}
