import { isCode128CardPrefix, isEan13CardPrefix } from './card-code-settings';
import type { CardNumber } from './card-number';
import { code128CheckCharacter } from './code128-number';
import { CROCKFORD_BASE, encodeCrockford } from './crockford-base32';
import { ean13CheckDigit } from './ean13';

/**
 * New card numbers, made by a terminal offline, never equal to a number made by another
 * terminal. A number is the pair (terminal block, serial) written at fixed positions:
 *
 * - the central server gives each terminal a block, 1–9 999, at registration, never the same
 *   block twice; block 0 is kept for pre-printed cards, which are not made here;
 * - the terminal counts its serial up from 0 and never reuses one: the next serial is stored
 *   in the same transaction as the enrolment that used the current one.
 *
 * Both layouts give each part a fixed width, so different pairs give different numbers (the
 * check character is a function of the rest and changes nothing about that). EAN-13 numbers
 * are all digits and Code 128 numbers start with letters, so the two never meet either.
 *
 * EAN-13: prefix (2) + block (4 decimal digits) + serial (6 decimal digits) + check digit.
 *
 * | prefix | block | serial  | number          | parts                       |
 * |--------|-------|---------|-----------------|-----------------------------|
 * | 29     | 1     | 1       | `2900010000015` | 29 · 0001 · 000001 · 5      |
 * | 29     | 9 999 | 999 999 | `2999999999991` | 29 · 9999 · 999999 · 1      |
 *
 * Code 128: prefix (2) + block (3 base-32 characters, up to 32 767) + serial (7 base-32
 * characters, up to 32⁷ − 1 = 34 359 738 367) + Luhn mod 32 check character.
 *
 * | prefix | block | serial | number          | parts                       |
 * |--------|-------|--------|-----------------|-----------------------------|
 * | LT     | 1     | 1      | `LT0010000001X` | LT · 001 · 0000001 · X      |
 * | LT     | 9 999 | 12 345 | `LT9RF0000C1SB` | LT · 9RF · 0000C1S · B      |
 *
 * Numbers are sequential within a block, so they can be guessed; they identify a card and
 * must not be treated as a secret that authorises spending points.
 */
export type CardNumberRequest = {
  /** EAN-13: two digits 20–29; Code 128: two upper-case letters A–Z. */
  readonly prefix: string;
  /** The terminal's block, 1–9 999. */
  readonly terminalBlock: number;
  /** The terminal's next serial, 0 up to the format's maximum. */
  readonly serial: number;
};

export const PREPRINTED_CARD_BLOCK = 0;
export const MIN_TERMINAL_BLOCK = 1;
export const MAX_TERMINAL_BLOCK = 9_999;
export const MAX_EAN13_SERIAL = 999_999;
export const MAX_CODE128_SERIAL = CROCKFORD_BASE ** 7 - 1;

const EAN13_BLOCK_DIGITS = 4;
const EAN13_SERIAL_DIGITS = 6;
const CODE128_BLOCK_CHARS = 3;
const CODE128_SERIAL_CHARS = 7;

export function generateEan13CardNumber(request: CardNumberRequest): CardNumber {
  const { prefix, terminalBlock, serial } = request;
  if (!isEan13CardPrefix(prefix)) {
    throw new RangeError(
      `EAN-13 card prefix must be two digits from 20 to 29, got ${JSON.stringify(prefix)}`,
    );
  }
  checkBlock(terminalBlock);
  checkSerial(serial, MAX_EAN13_SERIAL, 'EAN-13');
  const first12 =
    prefix +
    String(terminalBlock).padStart(EAN13_BLOCK_DIGITS, '0') +
    String(serial).padStart(EAN13_SERIAL_DIGITS, '0');
  return `${first12}${ean13CheckDigit(first12)}` as CardNumber;
}

export function generateCode128CardNumber(request: CardNumberRequest): CardNumber {
  const { prefix, terminalBlock, serial } = request;
  if (!isCode128CardPrefix(prefix)) {
    throw new RangeError(
      `Code 128 card prefix must be two upper-case letters A–Z, got ${JSON.stringify(prefix)}`,
    );
  }
  checkBlock(terminalBlock);
  checkSerial(serial, MAX_CODE128_SERIAL, 'Code 128');
  const body =
    encodeCrockford(terminalBlock, CODE128_BLOCK_CHARS) +
    encodeCrockford(serial, CODE128_SERIAL_CHARS);
  return `${prefix}${body}${code128CheckCharacter(body)}` as CardNumber;
}

function checkBlock(block: number): void {
  if (block === PREPRINTED_CARD_BLOCK) {
    throw new RangeError(
      `Terminal block ${PREPRINTED_CARD_BLOCK} is reserved for pre-printed cards; a terminal gets a block from ${MIN_TERMINAL_BLOCK} to ${MAX_TERMINAL_BLOCK} at registration`,
    );
  }
  if (!Number.isSafeInteger(block) || block < MIN_TERMINAL_BLOCK || block > MAX_TERMINAL_BLOCK) {
    throw new RangeError(
      `Terminal block must be a whole number from ${MIN_TERMINAL_BLOCK} to ${MAX_TERMINAL_BLOCK}, got ${block}`,
    );
  }
}

function checkSerial(serial: number, max: number, format: string): void {
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new RangeError(`Card serial must be a whole number from 0, got ${serial}`);
  }
  if (serial > max) {
    throw new RangeError(
      `Card serial ${serial} is past the last ${format} serial of a block (${max}): the terminal has used up its block and needs a new one`,
    );
  }
}
