import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CARD_CODE_SETTINGS,
  cardCodeSettingsSchema,
  checkCardCodeSettings,
} from './card-code-settings';
import type { CardCodeSettings } from './card-code-settings';

describe('card code settings', () => {
  it('defaults to EAN-13 prefix 29 and Code 128 prefix LT, which are valid', () => {
    expect(DEFAULT_CARD_CODE_SETTINGS).toEqual({ ean13Prefixes: ['29'], code128Prefix: 'LT' });
    expect(() => {
      checkCardCodeSettings(DEFAULT_CARD_CODE_SETTINGS);
    }).not.toThrow();
    expect(cardCodeSettingsSchema.safeParse(DEFAULT_CARD_CODE_SETTINGS).success).toBe(true);
  });

  it.each<[CardCodeSettings, string]>([
    [{ ean13Prefixes: ['19'], code128Prefix: 'LT' }, 'got "19"'],
    [{ ean13Prefixes: ['29', '30'], code128Prefix: 'LT' }, 'got "30"'],
    [{ ean13Prefixes: ['2'], code128Prefix: 'LT' }, 'got "2"'],
    [{ ean13Prefixes: ['290'], code128Prefix: 'LT' }, 'got "290"'],
    [{ ean13Prefixes: ['29'], code128Prefix: 'lt' }, 'got "lt"'],
    [{ ean13Prefixes: ['29'], code128Prefix: 'L' }, 'got "L"'],
    [{ ean13Prefixes: ['29'], code128Prefix: 'L1' }, 'got "L1"'],
    [{ ean13Prefixes: ['29'], code128Prefix: 'ЛТ' }, 'got "ЛТ"'],
  ])('refuses %j, in the check and in the schema', (settings, message) => {
    expect(() => {
      checkCardCodeSettings(settings);
    }).toThrow(message);
    expect(cardCodeSettingsSchema.safeParse(settings).success).toBe(false);
  });

  it('accepts every prefix of the in-store range 20–29, and none at all', () => {
    const all = Array.from({ length: 10 }, (_, i) => `2${i}`);
    for (const ean13Prefixes of [all, []]) {
      const settings = { ean13Prefixes, code128Prefix: 'AZ' };
      expect(() => {
        checkCardCodeSettings(settings);
      }).not.toThrow();
      expect(cardCodeSettingsSchema.safeParse(settings).success).toBe(true);
    }
  });
});
