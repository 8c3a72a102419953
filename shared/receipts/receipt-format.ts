import type { Lang } from '../i18n/lang';
import { formatMoney, formatPoints } from '../money/format';
import type { Money, Points } from '../money/money';
import { localParts } from '../time/zoned-time';
import { assertNever } from '../util/assert-never';
import { toReceiptText } from './print-text';
import { receiptTexts } from './receipt-texts';

/**
 * Amounts, points and dates as a receipt prints them: the terminal's formatters
 * (shared/money/format) with the ₽ sign spelled out, which no receipt code page holds,
 * then mapped into the receipt repertoire (no-break spaces become spaces).
 *
 * | value                      | ru                  | en                  |
 * |----------------------------|---------------------|---------------------|
 * | 170000 kopecks             | `1 700,00 руб.`     | `RUB 1,700.00`      |
 * | -5 kopecks                 | `-0,05 руб.`        | `-RUB 0.05`         |
 * | 1700 points                | `1 700`             | `1,700`             |
 * | 2026-11-24 21:05 (store)   | `24.11.2026 21:05`  | `2026-11-24 21:05`  |
 */
export function receiptMoney(amount: Money, lang: Lang): string {
  const symbol = receiptTexts(lang).currency;
  const text = formatMoney(amount, lang);
  switch (lang) {
    case 'ru':
      return toReceiptText(text.replace('₽', symbol));
    case 'en':
      return toReceiptText(text.replace('₽', `${symbol} `));
    default:
      return assertNever(lang, 'language');
  }
}

export function receiptPoints(count: Points, lang: Lang): string {
  return toReceiptText(formatPoints(count, lang));
}

/** The store-local date of an instant: `24.11.2026` (ru) or `2026-11-24` (en). */
export function receiptDate(epochMs: number, timeZone: string, lang: Lang): string {
  const { year, month, day } = localParts(epochMs, timeZone);
  const dd = pad2(day);
  const mm = pad2(month);
  switch (lang) {
    case 'ru':
      return `${dd}.${mm}.${year}`;
    case 'en':
      return `${year}-${mm}-${dd}`;
    default:
      return assertNever(lang, 'language');
  }
}

/** The store-local date and time (24-hour clock) of an instant. */
export function receiptDateTime(epochMs: number, timeZone: string, lang: Lang): string {
  const { minuteOfDay } = localParts(epochMs, timeZone);
  const time = `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
  return `${receiptDate(epochMs, timeZone, lang)} ${time}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
