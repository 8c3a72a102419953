import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { money } from './money';
import type { Money } from './money';
import { MAX_MONEY_INPUT, describeMoneyInputError, parseMoneyInput } from './parse-money-input';
import type { MoneyInputError } from './parse-money-input';

const NBSP = '\u00A0';

describe('parseMoneyInput', () => {
  // The worked-example table of parse-money-input.ts.
  it.each([
    ['1700', 170000],
    ['1700,5', 170050],
    ['1 700,50', 170050],
    ['1700.50', 170050],
    ['  0,05 ', 5],
    ['1700,', 170000],
    [',5', 50],
    ['100000000', 10_000_000_000],
  ])('reads %j as %i kopecks', (typed, kopecks) => {
    expect(parseMoneyInput(typed)).toEqual({ ok: true, value: kopecks });
  });

  it.each([
    ['0', 0],
    ['0,00', 0],
    ['000120', 12000],
    ['.99', 99],
    ['12.3', 1230],
    [`1${NBSP}700,50`, 170050],
    ['1\u202F700,50', 170050],
    ['1\u2009700,50', 170050],
    [`${NBSP}1 234 567,89${NBSP}`, 123456789],
    ['\t42\n', 4200],
    ['100 000 000,00', 10_000_000_000],
  ])('also reads %j as %i kopecks', (typed, kopecks) => {
    expect(parseMoneyInput(typed)).toEqual({ ok: true, value: kopecks });
  });

  it.each<[string, MoneyInputError]>([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [NBSP, { kind: 'empty' }],
    ['abc', { kind: 'not-a-number', text: 'abc' }],
    [',', { kind: 'not-a-number', text: ',' }],
    ['17 00', { kind: 'not-a-number', text: '17 00' }],
    ['1 7000', { kind: 'not-a-number', text: '1 7000' }],
    ['1  700', { kind: 'not-a-number', text: '1  700' }],
    ['1,700.00', { kind: 'not-a-number', text: '1,700.00' }],
    ['1.700,00', { kind: 'not-a-number', text: '1.700,00' }],
    ['1 700 ,50', { kind: 'not-a-number', text: '1 700 ,50' }],
    ['12,3,4', { kind: 'not-a-number', text: '12,3,4' }],
    ['+5', { kind: 'not-a-number', text: '+5' }],
    ['1e3', { kind: 'not-a-number', text: '1e3' }],
    ['0x10', { kind: 'not-a-number', text: '0x10' }],
    ['Infinity', { kind: 'not-a-number', text: 'Infinity' }],
    ['١٧٠٠', { kind: 'not-a-number', text: '١٧٠٠' }],
    ['1700 ₽', { kind: 'not-a-number', text: '1700 ₽' }],
    ['-', { kind: 'not-a-number', text: '-' }],
    ['-abc', { kind: 'not-a-number', text: '-abc' }],
    ['1,700', { kind: 'too-many-decimals', text: '1,700', decimals: 3 }],
    ['0.12345', { kind: 'too-many-decimals', text: '0.12345', decimals: 5 }],
    ['-5', { kind: 'negative', text: '-5' }],
    ['\u22125', { kind: 'negative', text: '\u22125' }],
    [' - 1 700,50', { kind: 'negative', text: ' - 1 700,50' }],
    ['-0', { kind: 'negative', text: '-0' }],
    ['100000000,01', { kind: 'too-large', text: '100000000,01', max: MAX_MONEY_INPUT }],
    [
      '99999999999999999999999999',
      { kind: 'too-large', text: '99999999999999999999999999', max: MAX_MONEY_INPUT },
    ],
  ])('refuses %j', (typed, error) => {
    expect(parseMoneyInput(typed)).toEqual({ ok: false, error });
  });

  it('takes the maximum as a parameter, inclusive', () => {
    const max = money(500_00);
    expect(parseMoneyInput('500', max)).toEqual({ ok: true, value: 50000 });
    expect(parseMoneyInput('500,01', max)).toEqual({
      ok: false,
      error: { kind: 'too-large', text: '500,01', max },
    });
  });

  /** The plain numbers a cashier may type or paste for an amount. */
  const spellings = (amount: Money): string[] => {
    const digits = String(amount).padStart(3, '0');
    const [whole, minor] = [digits.slice(0, -2), digits.slice(-2)];
    const ruGrouped = formatMoney(amount, 'ru').replace(`${NBSP}₽`, '');
    return [
      ruGrouped,
      ruGrouped.replaceAll(NBSP, ' '),
      `${whole},${minor}`,
      `${whole}.${minor}`,
      minor === '00' ? whole : `${whole},${minor.replace(/0$/, '')}`,
      ` ${whole}.${minor}\t`,
    ];
  };

  it('round-trips every amount in range through its plain spellings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MONEY_INPUT }), (kopecks) => {
        for (const typed of spellings(money(kopecks))) {
          expect(parseMoneyInput(typed), JSON.stringify(typed)).toEqual({
            ok: true,
            value: kopecks,
          });
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses every amount above the maximum as too large', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_MONEY_INPUT + 1, max: Number.MAX_SAFE_INTEGER }),
        (kopecks) => {
          const typed = spellings(money(kopecks))[0]!;
          expect(parseMoneyInput(typed)).toEqual({
            ok: false,
            error: { kind: 'too-large', text: typed, max: MAX_MONEY_INPUT },
          });
        },
      ),
    );
  });

  it('never throws and never returns a fraction, whatever is typed', () => {
    const keypad = fc.constantFrom(...'0123456789,. -\u00A0'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: keypad })), (typed) => {
        const result = parseMoneyInput(typed);
        if (result.ok) {
          expect(Number.isSafeInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(MAX_MONEY_INPUT);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('describeMoneyInputError', () => {
  it.each<[MoneyInputError, string, string]>([
    [{ kind: 'empty' }, 'Введите сумму.', 'Enter an amount.'],
    [
      { kind: 'not-a-number', text: ' 12a ' },
      '«12a» — не сумма. Введите цифры, копейки через запятую: 1700,50.',
      '“12a” is not an amount. Type digits, kopecks after a point: 1700.50.',
    ],
    [
      { kind: 'too-many-decimals', text: '1,700', decimals: 3 },
      'В копейках не больше двух цифр, а введено 3 цифры: 1700,50.',
      'Kopecks take at most two digits, 3 were typed: 1700.50.',
    ],
    [
      { kind: 'too-many-decimals', text: '1,70000', decimals: 5 },
      'В копейках не больше двух цифр, а введено 5 цифр: 1700,50.',
      'Kopecks take at most two digits, 5 were typed: 1700.50.',
    ],
    [
      { kind: 'negative', text: '-5' },
      'Сумма не может быть отрицательной. Уберите минус.',
      'The amount cannot be negative. Remove the minus.',
    ],
    [
      { kind: 'too-large', text: '200000000', max: MAX_MONEY_INPUT },
      `Сумма больше 100${NBSP}000${NBSP}000,00${NBSP}₽. Проверьте, нет ли лишних цифр.`,
      'The amount is over ₽100,000,000.00. Check for extra digits.',
    ],
  ])('explains %o', (error, ru, en) => {
    expect(describeMoneyInputError(error, 'ru')).toBe(ru);
    expect(describeMoneyInputError(error, 'en')).toBe(en);
  });
});
