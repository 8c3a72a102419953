import { z } from 'zod';

/**
 * Which card numbers belong to the program. Part of the program's configuration, so a chain
 * can take over another chain's cards (add its prefix) without a new terminal release.
 *
 * - `ean13Prefixes`: two-digit prefixes of our EAN-13 cards. GS1 keeps 20–29 for restricted
 *   distribution (numbers that mean something only inside one company), so a card number
 *   can never be a product's GS1 number. Stores also use this range for weighed goods
 *   (often 21–25), so a program lists exactly the prefixes of its cards. May be empty (a
 *   program with Code 128 cards only).
 * - `code128Prefix`: two upper-case letters A–Z that start our Code 128 card numbers.
 */
export type CardCodeSettings = {
  readonly ean13Prefixes: readonly string[];
  readonly code128Prefix: string;
};

export const DEFAULT_CARD_CODE_SETTINGS: CardCodeSettings = {
  ean13Prefixes: ['29'],
  code128Prefix: 'LT',
};

const EAN13_PREFIX_PATTERN = /^2\d$/;
const CODE128_PREFIX_PATTERN = /^[A-Z]{2}$/;

export function isEan13CardPrefix(prefix: string): boolean {
  return EAN13_PREFIX_PATTERN.test(prefix);
}

export function isCode128CardPrefix(prefix: string): boolean {
  return CODE128_PREFIX_PATTERN.test(prefix);
}

/** For the program schema: the same rules as checkCardCodeSettings, as a zod schema. */
export const cardCodeSettingsSchema = z.strictObject({
  ean13Prefixes: z.array(
    z.string().regex(EAN13_PREFIX_PATTERN, 'must be two digits from 20 to 29 (GS1 in-store range)'),
  ),
  code128Prefix: z.string().regex(CODE128_PREFIX_PATTERN, 'must be two upper-case letters A–Z'),
});

/**
 * Settings come from a validated program, so a bad value here is a programming error, not
 * something a cashier can fix: it throws a RangeError naming the value.
 */
export function checkCardCodeSettings(settings: CardCodeSettings): void {
  for (const prefix of settings.ean13Prefixes) {
    if (!isEan13CardPrefix(prefix)) {
      throw new RangeError(
        `EAN-13 card prefix must be two digits from 20 to 29, got ${JSON.stringify(prefix)}`,
      );
    }
  }
  if (!isCode128CardPrefix(settings.code128Prefix)) {
    throw new RangeError(
      `Code 128 card prefix must be two upper-case letters A–Z, got ${JSON.stringify(settings.code128Prefix)}`,
    );
  }
}
