import type { Lang } from '../i18n/lang';
import { russianPluralForm } from '../money/format';
import { assertNever } from '../util/assert-never';
import type { CardNumberFormat } from './card-number';

/**
 * Why a scanned or typed code was not accepted as one of our cards. Each variant maps to one
 * thing the cashier can do (scan again, type the number, ask for another card), which
 * describeCardCodeError says in one sentence.
 *
 * | kind                | cashier's next step                                          |
 * |---------------------|--------------------------------------------------------------|
 * | empty               | scan or type the number                                      |
 * | invalid-characters  | scan again or retype (a stray character, a wrong keyboard)   |
 * | too-short, too-long | check the typed number for a missing or extra character      |
 * | check-digit         | scan again or retype: a misread or a typo                    |
 * | not-our-card        | ask for our card: the code is a product or someone else's    |
 * | unsupported-version | type the number shown under the QR code                      |
 * | damaged-qr          | ask the customer to reopen the card in the app               |
 */
export type CardCodeError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid-characters'; readonly char: string }
  | {
      readonly kind: 'too-short' | 'too-long';
      readonly format: CardNumberFormat;
      readonly actual: number;
      readonly expected: number;
    }
  | {
      readonly kind: 'check-digit';
      readonly format: CardNumberFormat;
      readonly expected: string;
      readonly got: string;
    }
  | { readonly kind: 'not-our-card'; readonly reason: NotOurCardReason }
  | { readonly kind: 'unsupported-version'; readonly version: number }
  | { readonly kind: 'damaged-qr'; readonly problem: DamagedQrProblem };

/**
 * - `product-barcode`: a 13-digit code outside the in-store range 20–29, i.e. a GS1 product
 *   number (or a UPC-A product sent as 13 digits with a leading 0).
 * - `foreign-prefix`: in the in-store range but not one of the program's prefixes: another
 *   company's card or the price label of a weighed item.
 * - `foreign-qr`: a QR or DataMatrix code that is not our virtual card (a website, a payment,
 *   a product marking code).
 * - `unknown-format`: text that fits none of our formats (another company's Code 128 card,
 *   a code typed with the wrong keyboard layout).
 */
export type NotOurCardReason =
  'product-barcode' | 'foreign-prefix' | 'foreign-qr' | 'unknown-format';

/**
 * - `layout`: the text starts like our virtual card but is not `LTC1:<number>:<4 hex>`.
 * - `check`: the CRC-16 of the payload differs from the one it carries.
 */
export type DamagedQrProblem =
  | { readonly kind: 'layout' }
  | { readonly kind: 'check'; readonly expected: string; readonly got: string };

/**
 * One short sentence for the cashier. It never shows the expected check digit: a cashier who
 * typed it in would turn a typo into a valid number, most likely another customer's card.
 */
export function describeCardCodeError(error: CardCodeError, lang: Lang): string {
  switch (lang) {
    case 'ru':
      return describeInRussian(error);
    case 'en':
      return describeInEnglish(error);
    default:
      return assertNever(lang, 'language');
  }
}

/**
 * A character as the cashier can read it: invisible ones (controls, spaces, zero-width
 * characters) as their code point, `U+001D`, so "«»" never appears on the screen.
 */
export function showCharacter(char: string): string {
  if (!/^[\p{C}\p{Z}]$/u.test(char)) return char;
  const codePoint = char.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The whole character at `index`, so an emoji is reported as itself, not half a pair. */
export function characterAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0xfffd);
}

function describeInRussian(error: CardCodeError): string {
  switch (error.kind) {
    case 'empty':
      return 'Нет номера карты — отсканируйте карту или введите номер вручную.';
    case 'invalid-characters':
      return `Символа «${showCharacter(error.char)}» не может быть в номере карты — отсканируйте карту ещё раз или введите номер вручную.`;
    case 'too-short':
      return `Номер карты слишком короткий: ${error.actual} ${russianUnit(error.format, error.actual)} вместо ${error.expected} — проверьте, все ли введены.`;
    case 'too-long':
      return `Номер карты слишком длинный: ${error.actual} ${russianUnit(error.format, error.actual)} вместо ${error.expected} — проверьте, нет ли лишних.`;
    case 'check-digit':
      return `${russianCheckName(error.format)} — отсканируйте карту ещё раз или введите номер вручную.`;
    case 'not-our-card':
      return russianNotOurCard(error.reason);
    case 'unsupported-version':
      return 'Карта из более новой версии приложения — введите номер карты вручную.';
    case 'damaged-qr':
      return 'QR-код повреждён или изменён — попросите покупателя заново открыть карту в приложении.';
    default:
      return assertNever(error, 'card code error');
  }
}

function describeInEnglish(error: CardCodeError): string {
  switch (error.kind) {
    case 'empty':
      return 'No card number — scan the card or type the number.';
    case 'invalid-characters':
      return `“${showCharacter(error.char)}” cannot be part of a card number — scan again or type the number.`;
    case 'too-short':
      return `Card number too short: ${error.actual} ${englishUnit(error.format, error.actual)} instead of ${error.expected} — check that none is missing.`;
    case 'too-long':
      return `Card number too long: ${error.actual} ${englishUnit(error.format, error.actual)} instead of ${error.expected} — check for extra ones.`;
    case 'check-digit':
      return `${englishCheckName(error.format)} is wrong — scan again or type the number.`;
    case 'not-our-card':
      return englishNotOurCard(error.reason);
    case 'unsupported-version':
      return 'Card from a newer app version — type the card number instead.';
    case 'damaged-qr':
      return 'QR code damaged or altered — ask the customer to reopen the card in the app.';
    default:
      return assertNever(error, 'card code error');
  }
}

/** «13 цифр», «2 цифры», «21 символ»: EAN-13 numbers are digits, Code 128 numbers are not. */
function russianUnit(format: CardNumberFormat, count: number): string {
  const form = russianPluralForm(count);
  switch (format) {
    case 'ean13':
      return { one: 'цифра', few: 'цифры', many: 'цифр' }[form];
    case 'code128':
      return { one: 'символ', few: 'символа', many: 'символов' }[form];
    default:
      return assertNever(format, 'card number format');
  }
}

function englishUnit(format: CardNumberFormat, count: number): string {
  const plural = Math.abs(count) === 1 ? '' : 's';
  switch (format) {
    case 'ean13':
      return `digit${plural}`;
    case 'code128':
      return `character${plural}`;
    default:
      return assertNever(format, 'card number format');
  }
}

function russianCheckName(format: CardNumberFormat): string {
  switch (format) {
    case 'ean13':
      return 'Неверная контрольная цифра';
    case 'code128':
      return 'Неверный контрольный символ';
    default:
      return assertNever(format, 'card number format');
  }
}

function englishCheckName(format: CardNumberFormat): string {
  switch (format) {
    case 'ean13':
      return 'Check digit';
    case 'code128':
      return 'Check character';
    default:
      return assertNever(format, 'card number format');
  }
}

function russianNotOurCard(reason: NotOurCardReason): string {
  switch (reason) {
    case 'product-barcode':
      return 'Это штрихкод товара, а не карта — отсканируйте карту покупателя.';
    case 'foreign-prefix':
      return 'Это карта другой компании или код весового товара — отсканируйте карту нашей программы.';
    case 'foreign-qr':
      return 'Этот QR-код — не карта нашей программы: попросите покупателя открыть карту в приложении.';
    case 'unknown-format':
      return 'Это не карта нашей программы — отсканируйте карту покупателя или введите её номер.';
    default:
      return assertNever(reason, 'not-our-card reason');
  }
}

function englishNotOurCard(reason: NotOurCardReason): string {
  switch (reason) {
    case 'product-barcode':
      return 'This is a product barcode, not a card — scan the customer’s card.';
    case 'foreign-prefix':
      return 'This is another company’s card or a weighed-item label — scan a card of our program.';
    case 'foreign-qr':
      return 'This QR code is not one of our cards — ask the customer to open the card in the app.';
    case 'unknown-format':
      return 'This is not one of our cards — scan the customer’s card or type its number.';
    default:
      return assertNever(reason, 'not-our-card reason');
  }
}
