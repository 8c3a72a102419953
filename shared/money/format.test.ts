import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import type { Lang } from '../i18n/lang';
import { formatMoney, formatPoints, pointsNoun, russianPluralForm } from './format';
import { money, points } from './money';
import type { Money } from './money';

/** Shows invisible characters, so a failure says which space or minus differs. */
const visible = (text: string): string =>
  text.replaceAll('\u00A0', '⍽').replaceAll('\u202F', '⍿').replaceAll('\u2212', '−(U+2212)');

/** The reference: what the runtime's ICU produces (tests may use Intl and floats). */
const currencyFormats: Record<Lang, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }),
  en: new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
  }),
};
const integerFormats: Record<Lang, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU'),
  en: new Intl.NumberFormat('en-US'),
};

describe('formatMoney', () => {
  // The worked-example table of format.ts, with the no-break spaces written out.
  it.each([
    [170000, '1\u00A0700,00\u00A0₽', '₽1,700.00'],
    [5, '0,05\u00A0₽', '₽0.05'],
    [0, '0,00\u00A0₽', '₽0.00'],
    [-123456789, '-1\u00A0234\u00A0567,89\u00A0₽', '-₽1,234,567.89'],
    [99999, '999,99\u00A0₽', '₽999.99'],
    [100000, '1\u00A0000,00\u00A0₽', '₽1,000.00'],
  ])('%i kopecks → %s / %s', (kopecks, ru, en) => {
    expect(visible(formatMoney(money(kopecks), 'ru'))).toBe(visible(ru));
    expect(formatMoney(money(kopecks), 'en', 'RUB')).toBe(en);
  });

  it.each([
    [1, '0,01'],
    [-1, '-0,01'],
    [10, '0,10'],
    [-99, '-0,99'],
    [100, '1,00'],
    [Number.MAX_SAFE_INTEGER, '90\u00A0071\u00A0992\u00A0547\u00A0409,91'],
    [Number.MIN_SAFE_INTEGER, '-90\u00A0071\u00A0992\u00A0547\u00A0409,91'],
  ])('pads and signs %i kopecks as %s ₽', (kopecks, number) => {
    expect(visible(formatMoney(money(kopecks), 'ru'))).toBe(visible(`${number}\u00A0₽`));
  });

  it('never shows a minus for zero, even a negative zero', () => {
    expect(formatMoney(-0 as Money, 'ru')).toBe('0,00\u00A0₽');
    expect(formatMoney(-0 as Money, 'en')).toBe('₽0.00');
  });

  it.each(LANGS)('equals Intl.NumberFormat (%s) for any amount within ±10^12 kopecks', (lang) => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (kopecks) => {
        // kopecks / 100 is the double nearest to the decimal amount, and its shortest
        // representation is that decimal (at most 13 significant digits), so Intl sees it.
        const expected = currencyFormats[lang].format(kopecks / 100);
        expect(visible(formatMoney(money(kopecks), lang))).toBe(visible(expected));
      }),
      { numRuns: 2_000 },
    );
  });

  it.each(LANGS)(
    'equals Intl.NumberFormat (%s) on a decimal string for any safe integer',
    (lang) => {
      fc.assert(
        fc.property(
          fc.maxSafeInteger().filter((n) => n !== 0),
          (kopecks) => {
            // A decimal string reaches ICU without a float in between (Intl.NumberFormat v3).
            const abs = String(Math.abs(kopecks)).padStart(3, '0');
            const decimal = `${kopecks < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
            const expected = currencyFormats[lang].format(decimal as unknown as number);
            expect(visible(formatMoney(money(kopecks), lang))).toBe(visible(expected));
          },
        ),
        { numRuns: 1_000 },
      );
    },
  );
});

describe('formatPoints', () => {
  it.each([
    [0, '0', '0'],
    [7, '7', '7'],
    [999, '999', '999'],
    [1700, '1\u00A0700', '1,700'],
    [-1700, '-1\u00A0700', '-1,700'],
    [1234567, '1\u00A0234\u00A0567', '1,234,567'],
  ])('%i → %s / %s', (count, ru, en) => {
    expect(visible(formatPoints(points(count), 'ru'))).toBe(visible(ru));
    expect(formatPoints(points(count), 'en')).toBe(en);
  });

  it.each(LANGS)('equals Intl.NumberFormat (%s) for any safe integer', (lang) => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (count) => {
        const expected = integerFormats[lang].format(count === 0 ? 0 : count);
        expect(visible(formatPoints(points(count), lang))).toBe(visible(expected));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('pointsNoun', () => {
  // The worked-example table of pointsNoun.
  it.each([
    [0, 'баллов', 'points'],
    [1, 'балл', 'point'],
    [2, 'балла', 'points'],
    [4, 'балла', 'points'],
    [5, 'баллов', 'points'],
    [11, 'баллов', 'points'],
    [12, 'баллов', 'points'],
    [14, 'баллов', 'points'],
    [21, 'балл', 'points'],
    [22, 'балла', 'points'],
    [25, 'баллов', 'points'],
    [101, 'балл', 'points'],
    [111, 'баллов', 'points'],
    [112, 'баллов', 'points'],
    [1000, 'баллов', 'points'],
    [-1, 'балл', 'point'],
    [-2, 'балла', 'points'],
  ])('%i %s / %s', (count, ru, en) => {
    expect(`${count} ${pointsNoun(points(count), 'ru')}`).toBe(`${count} ${ru}`);
    expect(`${count} ${pointsNoun(points(count), 'en')}`).toBe(`${count} ${en}`);
  });

  it('agrees with the CLDR plural rules of Intl.PluralRules for any whole number', () => {
    const ru = new Intl.PluralRules('ru');
    const en = new Intl.PluralRules('en');
    const ruNoun = { one: 'балл', few: 'балла', many: 'баллов' } as const;
    fc.assert(
      fc.property(fc.maxSafeInteger(), (count) => {
        expect(russianPluralForm(count)).toBe(ru.select(count));
        expect(pointsNoun(points(count), 'ru')).toBe(ruNoun[russianPluralForm(count)]);
        expect(pointsNoun(points(count), 'en')).toBe(
          en.select(count) === 'one' ? 'point' : 'points',
        );
      }),
      { numRuns: 2_000 },
    );
  });
});
