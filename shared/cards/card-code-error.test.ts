import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import { characterAt, describeCardCodeError, showCharacter } from './card-code-error';
import type { CardCodeError, NotOurCardReason } from './card-code-error';

// What the cashier reads, for every kind of error and every reason, in both languages.
const messages: [CardCodeError, string, string][] = [
  [
    { kind: 'empty' },
    'Нет номера карты — отсканируйте карту или введите номер вручную.',
    'No card number — scan the card or type the number.',
  ],
  [
    { kind: 'invalid-characters', char: 'x' },
    'Символа «x» не может быть в номере карты — отсканируйте карту ещё раз или введите номер вручную.',
    '“x” cannot be part of a card number — scan again or type the number.',
  ],
  [
    { kind: 'invalid-characters', char: '\x1D' },
    'Символа «U+001D» не может быть в номере карты — отсканируйте карту ещё раз или введите номер вручную.',
    '“U+001D” cannot be part of a card number — scan again or type the number.',
  ],
  [
    { kind: 'too-short', format: 'ean13', actual: 12, expected: 13 },
    'Номер карты слишком короткий: 12 цифр вместо 13 — проверьте, все ли введены.',
    'Card number too short: 12 digits instead of 13 — check that none is missing.',
  ],
  [
    { kind: 'too-short', format: 'ean13', actual: 1, expected: 13 },
    'Номер карты слишком короткий: 1 цифра вместо 13 — проверьте, все ли введены.',
    'Card number too short: 1 digit instead of 13 — check that none is missing.',
  ],
  [
    { kind: 'too-short', format: 'code128', actual: 12, expected: 13 },
    'Номер карты слишком короткий: 12 символов вместо 13 — проверьте, все ли введены.',
    'Card number too short: 12 characters instead of 13 — check that none is missing.',
  ],
  [
    { kind: 'too-short', format: 'code128', actual: 2, expected: 13 },
    'Номер карты слишком короткий: 2 символа вместо 13 — проверьте, все ли введены.',
    'Card number too short: 2 characters instead of 13 — check that none is missing.',
  ],
  [
    { kind: 'too-long', format: 'ean13', actual: 14, expected: 13 },
    'Номер карты слишком длинный: 14 цифр вместо 13 — проверьте, нет ли лишних.',
    'Card number too long: 14 digits instead of 13 — check for extra ones.',
  ],
  [
    { kind: 'too-long', format: 'code128', actual: 21, expected: 13 },
    'Номер карты слишком длинный: 21 символ вместо 13 — проверьте, нет ли лишних.',
    'Card number too long: 21 characters instead of 13 — check for extra ones.',
  ],
  [
    { kind: 'check-digit', format: 'ean13', expected: '5', got: '6' },
    'Неверная контрольная цифра — отсканируйте карту ещё раз или введите номер вручную.',
    'Check digit is wrong — scan again or type the number.',
  ],
  [
    { kind: 'check-digit', format: 'code128', expected: 'X', got: 'Y' },
    'Неверный контрольный символ — отсканируйте карту ещё раз или введите номер вручную.',
    'Check character is wrong — scan again or type the number.',
  ],
  [
    { kind: 'not-our-card', reason: 'product-barcode' },
    'Это штрихкод товара, а не карта — отсканируйте карту покупателя.',
    'This is a product barcode, not a card — scan the customer’s card.',
  ],
  [
    { kind: 'not-our-card', reason: 'foreign-prefix' },
    'Это карта другой компании или код весового товара — отсканируйте карту нашей программы.',
    'This is another company’s card or a weighed-item label — scan a card of our program.',
  ],
  [
    { kind: 'not-our-card', reason: 'foreign-qr' },
    'Этот QR-код — не карта нашей программы: попросите покупателя открыть карту в приложении.',
    'This QR code is not one of our cards — ask the customer to open the card in the app.',
  ],
  [
    { kind: 'not-our-card', reason: 'unknown-format' },
    'Это не карта нашей программы — отсканируйте карту покупателя или введите её номер.',
    'This is not one of our cards — scan the customer’s card or type its number.',
  ],
  [
    { kind: 'unsupported-version', version: 2 },
    'Карта из более новой версии приложения — введите номер карты вручную.',
    'Card from a newer app version — type the card number instead.',
  ],
  [
    { kind: 'damaged-qr', problem: { kind: 'layout' } },
    'QR-код повреждён или изменён — попросите покупателя заново открыть карту в приложении.',
    'QR code damaged or altered — ask the customer to reopen the card in the app.',
  ],
  [
    { kind: 'damaged-qr', problem: { kind: 'check', expected: '2DCD', got: '2DCE' } },
    'QR-код повреждён или изменён — попросите покупателя заново открыть карту в приложении.',
    'QR code damaged or altered — ask the customer to reopen the card in the app.',
  ],
];

describe('describeCardCodeError', () => {
  it.each(messages)('explains %o', (error, ru, en) => {
    expect(describeCardCodeError(error, 'ru')).toBe(ru);
    expect(describeCardCodeError(error, 'en')).toBe(en);
  });

  it('has a row above for every kind and every not-our-card reason', () => {
    // Records over the unions: adding a kind or a reason is a compile error here.
    const kinds: Record<CardCodeError['kind'], true> = {
      empty: true,
      'invalid-characters': true,
      'too-short': true,
      'too-long': true,
      'check-digit': true,
      'not-our-card': true,
      'unsupported-version': true,
      'damaged-qr': true,
    };
    const reasons: Record<NotOurCardReason, true> = {
      'product-barcode': true,
      'foreign-prefix': true,
      'foreign-qr': true,
      'unknown-format': true,
    };
    const rows = messages.map(([error]) => error);
    expect(new Set(rows.map((e) => e.kind))).toEqual(new Set(Object.keys(kinds)));
    expect(new Set(rows.flatMap((e) => (e.kind === 'not-our-card' ? [e.reason] : [])))).toEqual(
      new Set(Object.keys(reasons)),
    );
  });

  it.each(LANGS)('never shows the expected check digit (%s)', (lang) => {
    const error: CardCodeError = { kind: 'check-digit', format: 'ean13', expected: '7', got: '6' };
    expect(describeCardCodeError(error, lang)).not.toMatch(/[67]/);
  });

  it.each(LANGS)('gives one sentence of one line in every case (%s)', (lang) => {
    for (const [error] of messages) {
      const text = describeCardCodeError(error, lang);
      expect(text, text).toMatch(/^[^\n]+\.$/);
      expect(text.match(/\. /g), text).toBeNull();
    }
  });
});

describe('showCharacter', () => {
  it.each([
    ['x', 'x'],
    ['Ж', 'Ж'],
    ['😀', '😀'],
    ['\x00', 'U+0000'],
    ['\x1D', 'U+001D'],
    ['\x7F', 'U+007F'],
    [' ', 'U+0020'],
    ['\u00A0', 'U+00A0'],
    ['\u200B', 'U+200B'],
    ['\uFEFF', 'U+FEFF'],
  ])('%j is shown as %s', (char, shown) => {
    expect(showCharacter(char)).toBe(shown);
  });

  it('takes whole characters, not halves of a surrogate pair', () => {
    expect(characterAt('a😀b', 1)).toBe('😀');
    expect(characterAt('ab', 5)).toBe('\uFFFD');
  });
});
