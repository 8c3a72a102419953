import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { characterAt } from './card-code-error';
import type { CardCodeError } from './card-code-error';
import { CARD_NUMBER_LENGTH } from './card-number';
import type { CardNumber } from './card-number';
import {
  CROCKFORD_ALPHABET,
  CROCKFORD_BASE,
  canonicalCrockfordChar,
  crockfordValue,
} from './crockford-base32';
import { hasValidLuhnModNCheck, luhnModNCheckValue } from './luhn-mod-n';

/**
 * Our alphanumeric cards, printed as Code 128. The format is ours:
 *
 * | part   | length | content                                                  | example      |
 * |--------|--------|----------------------------------------------------------|--------------|
 * | prefix | 2      | the program's letters A–Z (default `LT`)                 | `LT`         |
 * | body   | 10     | Crockford base-32 characters (see card-number-generator) | `0010000001` |
 * | check  | 1      | Luhn mod 32 over the body's values (see luhn-mod-n)      | `X`          |
 *
 * The prefix is not part of the check: it is fixed per program and compared as a whole, and
 * `L` is not even a base-32 character. A card printed with a Code 128 barcode is also read by
 * people, so parsing is lenient in what a person types (case, hyphens, spaces, O for 0, I or
 * L for 1) and the result is the one canonical spelling (upper case, no separators).
 */
export const CODE128_PREFIX_LENGTH = 2;
export const CODE128_BODY_LENGTH = 10;

/**
 * The check character of a 10-character canonical body.
 *
 * | body         | check | canonical number (prefix `LT`) |
 * |--------------|-------|--------------------------------|
 * | `0000000000` | `0`   | `LT00000000000`                |
 * | `0000000001` | `Y`   | `LT0000000001Y`                |
 * | `0010000001` | `X`   | `LT0010000001X`                |
 * | `9RF0000C1S` | `B`   | `LT9RF0000C1SB`                |
 * | `ABCDEFGHJK` | `2`   | `LTABCDEFGHJK2`                |
 * | `ZZZZZZZZZZ` | `A`   | `LTZZZZZZZZZZA`                |
 */
export function code128CheckCharacter(body: string): string {
  if (body.length !== CODE128_BODY_LENGTH) {
    throw new RangeError(
      `Code 128 card body must be ${CODE128_BODY_LENGTH} characters, got ${JSON.stringify(body)}`,
    );
  }
  return CROCKFORD_ALPHABET.charAt(luhnModNCheckValue(crockfordValues(body), CROCKFORD_BASE));
}

/** Spaces and hyphens that a person types to group the characters are dropped. */
const SEPARATOR_PATTERN = /[ -]/g;

/**
 * A scanned or typed Code 128 card number; checked in the order characters, length, check
 * character (the prefix first, as it decides whether the text is ours at all).
 *
 * | text (prefix `LT`)     | result                                     |
 * |------------------------|--------------------------------------------|
 * | `LT0010000001X`        | ok `LT0010000001X`                         |
 * | `lt-001-0000001-x`     | ok `LT0010000001X`                         |
 * | `LT OOl OOOOOOi X`     | ok `LT0010000001X` (O → 0, l and i → 1)    |
 * | `LT001000000UX`        | invalid-characters `U`                     |
 * | `LT001000001X`         | too-short: 12 of 13                        |
 * | `LT0010000001XX`       | too-long: 14 of 13                         |
 * | `LT0010000001Y`        | check-digit: expected `X`, got `Y`         |
 * | `AB0010000001X`        | not-our-card: unknown-format               |
 */
export function parseCode128CardNumber(
  text: string,
  prefix: string,
): Result<CardNumber, CardCodeError> {
  const compact = removeCode128Separators(text);
  if (compact === '') return err({ kind: 'empty' });
  if (!hasCode128Prefix(compact, prefix)) {
    return err({ kind: 'not-our-card', reason: 'unknown-format' });
  }
  const typed = compact.slice(CODE128_PREFIX_LENGTH);
  let rest = '';
  for (let i = 0; i < typed.length; i++) {
    const canonical = canonicalCrockfordChar(typed.charAt(i));
    if (canonical === undefined) {
      return err({ kind: 'invalid-characters', char: characterAt(typed, i) });
    }
    rest += canonical;
  }
  const length = CODE128_PREFIX_LENGTH + rest.length;
  if (length !== CARD_NUMBER_LENGTH) {
    return err({
      kind: length < CARD_NUMBER_LENGTH ? 'too-short' : 'too-long',
      format: 'code128',
      actual: length,
      expected: CARD_NUMBER_LENGTH,
    });
  }
  if (!hasValidLuhnModNCheck(crockfordValues(rest), CROCKFORD_BASE)) {
    const expected = code128CheckCharacter(rest.slice(0, CODE128_BODY_LENGTH));
    return err({ kind: 'check-digit', format: 'code128', expected, got: rest.slice(-1) });
  }
  return ok(`${prefix}${rest}` as CardNumber);
}

/** Whether typed text (separators already removed) starts with the prefix, in any case. */
export function hasCode128Prefix(compact: string, prefix: string): boolean {
  return compact.slice(0, CODE128_PREFIX_LENGTH).toUpperCase() === prefix;
}

/** Strips what a person types between characters; used to detect the prefix in raw text. */
export function removeCode128Separators(text: string): string {
  return text.replace(SEPARATOR_PATTERN, '');
}

function crockfordValues(canonical: string): number[] {
  return Array.from({ length: canonical.length }, (_, i) => {
    const value = crockfordValue(canonical.charAt(i));
    if (value === undefined) {
      throw new RangeError(`${JSON.stringify(canonical.charAt(i))} is not base 32`);
    }
    return value;
  });
}
