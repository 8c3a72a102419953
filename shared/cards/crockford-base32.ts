/**
 * Crockford's base 32 (https://www.crockford.com/base32.html): digits and upper-case letters
 * without I, L, O and U, so a person reading a card aloud or typing it cannot confuse 1/I/L
 * or 0/O, and no accidental words appear.
 *
 * | value | 0–9   | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 |
 * |-------|-------|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|----|
 * | char  | 0–9   | A  | B  | C  | D  | E  | F  | G  | H  | J  | K  | M  | N  | P  | Q  | R  | S  | T  | V  | W  | X  | Y  | Z  |
 *
 * Typed text is read leniently, as Crockford specifies, and canonicalised to upper case:
 *
 * | typed            | canonical                                 |
 * |------------------|-------------------------------------------|
 * | `a`–`z`          | `A`–`Z`                                   |
 * | `o`, `O`         | `0`                                       |
 * | `i`, `I`, `l`, `L` | `1`                                     |
 * | `u`, `U`, others | refused (Crockford keeps U out on purpose) |
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CROCKFORD_BASE = 32;

const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** The value 0–31 of a canonical character, or undefined for anything else. */
export function crockfordValue(char: string): number | undefined {
  const value = char.length === 1 ? CROCKFORD_ALPHABET.indexOf(char) : -1;
  return value < 0 ? undefined : value;
}

/** The canonical character a typed one stands for, or undefined if it stands for none. */
export function canonicalCrockfordChar(char: string): string | undefined {
  // ASCII only: Unicode case mapping would turn the Turkish dotless ı into I, hence into 1.
  if (!/^[\x21-\x7E]$/.test(char)) return undefined;
  const upper = char.toUpperCase();
  const canonical = LOOK_ALIKES[upper] ?? upper;
  return crockfordValue(canonical) === undefined ? undefined : canonical;
}

/**
 * `value` as exactly `width` characters, most significant first, padded with `0`.
 *
 * | value        | width | text      | arithmetic                        |
 * |--------------|-------|-----------|-----------------------------------|
 * | 1            | 3     | `001`     | 1                                 |
 * | 9 999        | 3     | `9RF`     | 9·32² + 24·32 + 15                |
 * | 12 345       | 7     | `0000C1S` | 12·32² + 1·32 + 25                |
 * | 32⁷ − 1      | 7     | `ZZZZZZZ` | 31·(32⁶ + … + 1)                  |
 */
export function encodeCrockford(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Crockford base 32 encodes non-negative safe integers, got ${value}`);
  }
  let rest = value;
  let text = '';
  for (let i = 0; i < width; i++) {
    text = CROCKFORD_ALPHABET.charAt(rest % CROCKFORD_BASE) + text;
    rest = Math.floor(rest / CROCKFORD_BASE);
  }
  if (rest !== 0) {
    throw new RangeError(`${value} does not fit in ${width} base-32 characters`);
  }
  return text;
}

/** The inverse of encodeCrockford for canonical text. */
export function decodeCrockford(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = crockfordValue(char);
    if (digit === undefined) {
      throw new RangeError(`${JSON.stringify(char)} is not a canonical Crockford character`);
    }
    value = value * CROCKFORD_BASE + digit;
  }
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} is beyond a safe integer`);
  return value;
}
