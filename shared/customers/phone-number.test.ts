import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhoneNumber, phoneLast4 } from './phone-number';
import type { PhoneNumber } from './phone-number';
import { maskName, nameSearchKeys } from './person-name';

describe('parsePhoneNumber: worked examples', () => {
  it.each([
    ['+7 (916) 123-45-67', '79161234567'],
    ['8 916 123 45 67', '79161234567'],
    ['9161234567', '79161234567'],
    ['+375 29 123-45-67', '375291234567'],
  ])('%s → %s', (typed, canonical) => {
    expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345', 'too-short'],
    ['+7 916 abc', 'invalid-characters'],
    ['1234567890123456', 'too-long'],
  ])('%j → %s', (typed, code) => {
    const parsed = parsePhoneNumber(typed);
    expect(parsed.ok ? null : parsed.error.code).toBe(code);
  });

  it('masks all but the country code and the last two digits; keeps the last 4 for search', () => {
    const phone = '79161234567' as PhoneNumber;
    expect(maskPhone(phone)).toBe('+7 *** ***-**-67');
    expect(phoneLast4(phone)).toBe('4567');
  });
});

describe('names', () => {
  it('search keys: each word, lower case, ё as е', () => {
    expect(nameSearchKeys('Алёна  Иванова-Петрова')).toEqual(['алена', 'иванова-петрова']);
    expect(nameSearchKeys('  ')).toEqual([]);
  });

  it('masking shows the first name and initials', () => {
    expect(maskName('Алёна Иванова')).toBe('Алёна И.');
    expect(maskName('Cher')).toBe('Cher');
  });
});
