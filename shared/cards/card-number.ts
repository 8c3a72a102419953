/**
 * The canonical number of a loyalty card: the key by which the ledger, the customer record
 * and the central server know a card. Every card has exactly one spelling, so numbers are
 * compared and indexed as plain text; the parsers of this folder turn every accepted spelling
 * (lower case, hyphens, look-alike letters, a QR payload) into it.
 *
 * | format  | canonical form                                                  | example         |
 * |---------|-----------------------------------------------------------------|-----------------|
 * | ean13   | 13 digits: our prefix (20–29), 10 digits, GS1 check digit       | `2900010000015` |
 * | code128 | our 2-letter prefix, 10 Crockford base-32 characters, 1 check   | `LT0010000001X` |
 *
 * A virtual card (a QR code on a phone) carries one of these numbers; it is a way of showing
 * a card, not a third kind of number.
 *
 * Only the parsers and generators of this folder create a CardNumber (with `as CardNumber`
 * right after the check that makes it true).
 */

declare const cardNumberBrand: unique symbol;

export type CardNumber = string & { readonly [cardNumberBrand]: true };

/** How a card number is printed on a plastic card. */
export type CardNumberFormat = 'ean13' | 'code128';

/** Canonical EAN-13 numbers start with a digit, canonical Code 128 numbers with a letter. */
export function cardNumberFormat(number: CardNumber): CardNumberFormat {
  return /^\d/.test(number) ? 'ean13' : 'code128';
}

/** Length of every canonical card number, in both formats. */
export const CARD_NUMBER_LENGTH = 13;
