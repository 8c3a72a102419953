import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReceiptCharacter, labelValueLines, toReceiptText, wrapText } from './print-text';

describe('toReceiptText', () => {
  // The table of print-text.ts.
  it.each([
    ['1\u00A0700,00', '1 700,00'],
    ['a\u202Fb', 'a b'],
    ['«Ромашка»', '"Ромашка"'],
    ['„x“ ”', '"x" "'],
    ['’', "'"],
    ['a–b—c−d', 'a-b-c-d'],
    ['Итого…', 'Итого...'],
    ['• пункт', '* пункт'],
    ['Café Señor Müller', 'Cafe Senor Muller'],
    ['Кофе ☕ 中', 'Кофе ? ?'],
    ['Анна-\u00ADМария\u200D', 'Анна-Мария'],
    ['Йогурт, ёлка, Ёж, № 5', 'Йогурт, ёлка, Ёж, № 5'],
  ])('%s → %s', (input, printed) => {
    expect(toReceiptText(input)).toBe(printed);
  });

  it('keeps й and ё whole (they are in the repertoire, never decomposed)', () => {
    expect(toReceiptText('йЙёЁ')).toBe('йЙёЁ');
  });

  it('always gives repertoire characters, one column each', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        for (const char of toReceiptText(text)) expect(isReceiptCharacter(char)).toBe(true);
      }),
    );
  });
});

describe('wrapText', () => {
  // The worked-example table of print-text.ts (width 10, at most 2 lines).
  it.each([
    ['Кофе', ['Кофе']],
    ['Кофе латте большой', ['Кофе латте', 'большой']],
    ['Сэндвич с курицей и сыром', ['Сэндвич с', 'курицей...']],
    ['Суперпродукт123', ['Суперпроду', 'кт123']],
    ['  много   пробелов  ', ['много', 'пробелов']],
    ['', []],
  ])('%j → %j', (text, lines) => {
    expect(wrapText(text, 10, 2)).toEqual(lines);
  });

  it('never gives a line wider than the width, nor more lines than allowed', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.integer({ min: 4, max: 48 }),
        fc.integer({ min: 1, max: 4 }),
        (text, width, maxLines) => {
          const lines = wrapText(text, width, maxLines);
          expect(lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('refuses a width too narrow for the ellipsis', () => {
    expect(() => wrapText('abc', 3, 1)).toThrow(RangeError);
  });
});

describe('labelValueLines', () => {
  it('puts the value flush right on the label line when both fit', () => {
    expect(labelValueLines('К оплате', '1 700,00 руб.', 32, 2)).toEqual([
      'К оплате           1 700,00 руб.',
    ]);
  });

  it('gives the value its own line when the label fills the last line', () => {
    const lines = labelValueLines('Набор чайный подарочный большой', '800,00 руб.', 32, 2);
    expect(lines).toEqual(['Набор чайный подарочный большой', '                     800,00 руб.']);
  });

  it('keeps every line exactly within the width', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 24, max: 48 }),
        (label, value, width) => {
          for (const line of labelValueLines(label, value, width, 3)) {
            expect(line.length).toBeLessThanOrEqual(width);
          }
        },
      ),
    );
  });
});
