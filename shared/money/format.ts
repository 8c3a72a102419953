import type { Lang } from '../i18n/lang';
import { assertNever } from '../util/assert-never';
import type { Money, Points } from './money';

/**
 * Amounts and points as the terminal shows and prints them. Digits come from integer
 * arithmetic on the decimal text of the amount (no division, no floats, no Intl), so a
 * receipt never shows 1 699,99 ₽ for 1 700,00 ₽ and the output does not depend on the ICU
 * data of the machine. The characters are those of Intl.NumberFormat in Node 20 (ICU 78),
 * which format.test.ts checks for every amount:
 *
 * - ru: groups of three separated by U+00A0 NO-BREAK SPACE, decimal comma, then U+00A0 and
 *   the sign ₽ (U+20BD); a negative amount starts with U+002D HYPHEN-MINUS.
 * - en: U+002D for negatives, then ₽, groups separated by commas, decimal point.
 *
 * | kopecks     | ru                | en              |
 * |-------------|-------------------|-----------------|
 * | 170000      | 1 700,00 ₽        | ₽1,700.00       |
 * | 5           | 0,05 ₽            | ₽0.05           |
 * | 0           | 0,00 ₽            | ₽0.00           |
 * | -123456789  | -1 234 567,89 ₽   | -₽1,234,567.89  |
 * | 99999       | 999,99 ₽          | ₽999.99         |
 * | 100000      | 1 000,00 ₽        | ₽1,000.00       |
 */

/** The currencies the terminal formats (the program schema accepts RUB only). */
export type Currency = 'RUB';

/** A table rather than a switch: adding a currency is a compile error until it has a sign. */
const CURRENCY_SYMBOLS: Readonly<Record<Currency, string>> = { RUB: '₽' };

const NO_BREAK_SPACE = '\u00A0';
const MINUS = '-';

/** `formatMoney(money(170000), 'ru')` → `1 700,00 ₽` (with no-break spaces). */
export function formatMoney(amount: Money, lang: Lang, currency: Currency = 'RUB'): string {
  const sign = amount < 0 ? MINUS : '';
  // String() of a safe integer is plain decimal digits (never exponent notation).
  const digits = String(Math.abs(amount)).padStart(3, '0');
  const whole = digits.slice(0, -2);
  const minor = digits.slice(-2);
  const symbol = CURRENCY_SYMBOLS[currency];
  switch (lang) {
    case 'ru':
      return `${sign}${groupDigits(whole, lang)},${minor}${NO_BREAK_SPACE}${symbol}`;
    case 'en':
      return `${sign}${symbol}${groupDigits(whole, lang)}.${minor}`;
    default:
      return assertNever(lang, 'language');
  }
}

/**
 * Points with the grouping of money, no decimals: 1700 → `1 700` (ru, no-break space) /
 * `1,700` (en); −1700 → `-1 700` / `-1,700`.
 */
export function formatPoints(count: Points, lang: Lang): string {
  const sign = count < 0 ? MINUS : '';
  return sign + groupDigits(String(Math.abs(count)), lang);
}

/**
 * The noun that follows a number of points. Russian has three forms chosen by the last two
 * digits (CLDR plural rules `one`, `few`, `many`); English has two. The sign does not matter
 * (−1 балл, −1 point).
 *
 * | count | last digits    | ru      | en     |
 * |-------|----------------|---------|--------|
 * | 0     | 0              | баллов  | points |
 * | 1     | 1              | балл    | point  |
 * | 2     | 2              | балла   | points |
 * | 4     | 4              | балла   | points |
 * | 5     | 5              | баллов  | points |
 * | 11    | 11 (teen)      | баллов  | points |
 * | 12    | 12 (teen)      | баллов  | points |
 * | 14    | 14 (teen)      | баллов  | points |
 * | 21    | 21             | балл    | points |
 * | 22    | 22             | балла   | points |
 * | 25    | 25             | баллов  | points |
 * | 101   | 01             | балл    | points |
 * | 111   | 11 (teen)      | баллов  | points |
 * | 112   | 12 (teen)      | баллов  | points |
 * | 1 000 | 00             | баллов  | points |
 * | −1    | 1              | балл    | point  |
 * | −2    | 2              | балла   | points |
 */
export function pointsNoun(count: Points, lang: Lang): string {
  switch (lang) {
    case 'ru': {
      const form = russianPluralForm(count);
      switch (form) {
        case 'one':
          return 'балл';
        case 'few':
          return 'балла';
        case 'many':
          return 'баллов';
        default:
          return assertNever(form, 'plural form');
      }
    }
    case 'en':
      return Math.abs(count) === 1 ? 'point' : 'points';
    default:
      return assertNever(lang, 'language');
  }
}

/** CLDR plural category of a whole number in Russian. */
export type RussianPluralForm = 'one' | 'few' | 'many';

/** CLDR rule for integers: `one` if n % 10 = 1 and n % 100 ≠ 11; `few` for 2–4 but not 12–14. */
export function russianPluralForm(count: number): RussianPluralForm {
  const n = Math.abs(count);
  const lastDigit = n % 10;
  const lastTwo = n % 100;
  if (lastDigit === 1 && lastTwo !== 11) return 'one';
  if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

/** Inserts the language's group separator every three digits from the right. */
function groupDigits(digits: string, lang: Lang): string {
  const separator = groupSeparator(lang);
  const firstGroup = digits.length % 3 || 3;
  let grouped = digits.slice(0, firstGroup);
  for (let i = firstGroup; i < digits.length; i += 3) {
    grouped += separator + digits.slice(i, i + 3);
  }
  return grouped;
}

function groupSeparator(lang: Lang): string {
  switch (lang) {
    case 'ru':
      return NO_BREAK_SPACE;
    case 'en':
      return ',';
    default:
      return assertNever(lang, 'language');
  }
}
