import type { Lang } from '../i18n/lang';
import { assertNever } from '../util/assert-never';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { formatMoney, russianPluralForm } from './format';
import { money } from './money';
import type { Money } from './money';

/**
 * An amount a cashier types on the keypad or keyboard, in rubles with up to two digits of
 * kopecks, read with integer arithmetic only (digits → BigInt, never parseFloat).
 *
 * Accepted: digits, then optionally a decimal separator (`,` or `.`) and 0–2 digits. The whole
 * part may be grouped by threes with a space, a no-break space (U+00A0), a narrow no-break
 * space (U+202F) or a thin space (U+2009), as shown by formatMoney or pasted from a document.
 * Spaces around the amount are ignored.
 *
 * Refused, with an error the cashier can act on:
 * - grouping that is not by threes (`17 00`, `1 7000`): a typo that could be off by 100×,
 *   so it is not guessed;
 * - `,` or `.` as a group separator (`1,700.00`, `1.700,00`): on a Russian keypad the comma
 *   is the decimal separator, so `1,700` reads as 1 ruble and three digits of kopecks
 *   (`too-many-decimals`), never as 1 700 ₽.
 *
 * | typed          | result                              |
 * |----------------|-------------------------------------|
 * | `1700`         | 1 700,00 ₽ (170000)                 |
 * | `1700,5`       | 1 700,50 ₽ (170050)                 |
 * | `1 700,50`     | 1 700,50 ₽ (170050)                 |
 * | `1700.50`      | 1 700,50 ₽ (170050)                 |
 * | `  0,05 `      | 0,05 ₽ (5)                          |
 * | `1700,`        | 1 700,00 ₽ (170000)                 |
 * | `,5`           | 0,50 ₽ (50)                         |
 * | `100000000`    | 100 000 000,00 ₽ (the default max)  |
 * | `` (or spaces) | empty                               |
 * | `abc`, `,`     | not-a-number                        |
 * | `17 00`        | not-a-number                        |
 * | `1,700.00`     | not-a-number                        |
 * | `1,700`        | too-many-decimals (3)               |
 * | `-5`, `−5`     | negative                            |
 * | `100000000,01` | too-large                           |
 */
export type MoneyInputError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-a-number'; readonly text: string }
  | { readonly kind: 'too-many-decimals'; readonly text: string; readonly decimals: number }
  | { readonly kind: 'negative'; readonly text: string }
  | { readonly kind: 'too-large'; readonly text: string; readonly max: Money };

/** 100 000 000,00 ₽: above any single purchase, below where a mistyped amount does harm. */
export const MAX_MONEY_INPUT = money(10_000_000_000);

const AMOUNT_PATTERN = /^(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d*)(?:[.,](\d*))?$/;
const GROUP_SEPARATORS = /[ \u00A0\u202F\u2009]/g;
const MINUS_SIGNS = ['-', '\u2212'];
const MINOR_DIGITS = 2;

/** Reads a typed amount; `max` (inclusive) defaults to 100 000 000,00 ₽. */
export function parseMoneyInput(
  text: string,
  max: Money = MAX_MONEY_INPUT,
): Result<Money, MoneyInputError> {
  const trimmed = text.trim();
  if (trimmed === '') return err({ kind: 'empty' });
  const negative = MINUS_SIGNS.some((sign) => trimmed.startsWith(sign));
  const unsigned = negative ? trimmed.slice(1).trimStart() : trimmed;
  const match = AMOUNT_PATTERN.exec(unsigned);
  const whole = match?.[1]?.replace(GROUP_SEPARATORS, '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return err({ kind: 'not-a-number', text });
  if (negative) return err({ kind: 'negative', text });
  if (fraction.length > MINOR_DIGITS) {
    return err({ kind: 'too-many-decimals', text, decimals: fraction.length });
  }
  const minorUnits =
    BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(MINOR_DIGITS) +
    BigInt(fraction.padEnd(MINOR_DIGITS, '0'));
  if (minorUnits > BigInt(max)) return err({ kind: 'too-large', text, max });
  return ok(money(Number(minorUnits)));
}

/** What the cashier sees under the amount field. */
export function describeMoneyInputError(error: MoneyInputError, lang: Lang): string {
  switch (lang) {
    case 'ru':
      return describeInRussian(error);
    case 'en':
      return describeInEnglish(error);
    default:
      return assertNever(lang, 'language');
  }
}

function describeInRussian(error: MoneyInputError): string {
  switch (error.kind) {
    case 'empty':
      return 'Введите сумму.';
    case 'not-a-number':
      return `«${error.text.trim()}» — не сумма. Введите цифры, копейки через запятую: 1700,50.`;
    case 'too-many-decimals': {
      const digits = { one: 'цифра', few: 'цифры', many: 'цифр' }[
        russianPluralForm(error.decimals)
      ];
      return `В копейках не больше двух цифр, а введено ${error.decimals} ${digits}: 1700,50.`;
    }
    case 'negative':
      return 'Сумма не может быть отрицательной. Уберите минус.';
    case 'too-large':
      return `Сумма больше ${formatMoney(error.max, 'ru')}. Проверьте, нет ли лишних цифр.`;
    default:
      return assertNever(error, 'money input error');
  }
}

function describeInEnglish(error: MoneyInputError): string {
  switch (error.kind) {
    case 'empty':
      return 'Enter an amount.';
    case 'not-a-number':
      return `“${error.text.trim()}” is not an amount. Type digits, kopecks after a point: 1700.50.`;
    case 'too-many-decimals':
      return `Kopecks take at most two digits, ${error.decimals} were typed: 1700.50.`;
    case 'negative':
      return 'The amount cannot be negative. Remove the minus.';
    case 'too-large':
      return `The amount is over ${formatMoney(error.max, 'en')}. Check for extra digits.`;
    default:
      return assertNever(error, 'money input error');
  }
}
