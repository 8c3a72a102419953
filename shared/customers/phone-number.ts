import { err, ok } from '../util/result';
import type { Result } from '../util/result';

/**
 * Phone numbers as a cashier types them and a customer says them, reduced to one canonical
 * form: the digits of the international number, e.g. `79161234567`. Russian habits are
 * understood: a leading 8 is the trunk prefix for +7, and a 10-digit number starting with 9
 * is a mobile number without the country code.
 *
 * | typed                  | canonical     |
 * |------------------------|---------------|
 * | +7 (916) 123-45-67     | 79161234567   |
 * | 8 916 123 45 67        | 79161234567   |
 * | 9161234567             | 79161234567   |
 * | +375 29 123-45-67      | 375291234567  |
 * | 12345                  | too short     |
 */
export type PhoneNumber = string & { readonly __phone: true };

export type PhoneNumberError =
  | { readonly code: 'empty' }
  | { readonly code: 'invalid-characters' }
  | { readonly code: 'too-short'; readonly digits: number }
  | { readonly code: 'too-long'; readonly digits: number };

export function parsePhoneNumber(text: string): Result<PhoneNumber, PhoneNumberError> {
  const trimmed = text.trim();
  if (trimmed === '') return err({ code: 'empty' });
  if (!/^\+?[\d\s()\-.]+$/.test(trimmed)) return err({ code: 'invalid-characters' });
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8') && !trimmed.startsWith('+'))
    digits = `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`;
  if (digits.length < 11) return err({ code: 'too-short', digits: digits.length });
  if (digits.length > 15) return err({ code: 'too-long', digits: digits.length });
  return ok(digits as PhoneNumber);
}

/** The last four digits, by which a cashier finds a customer who forgot the card. */
export function phoneLast4(phone: PhoneNumber): string {
  return phone.slice(-4);
}

/**
 * Shown to cashiers and on slips: country code and last two digits only.
 * `79161234567` → `+7 *** ***-**-67`.
 */
export function maskPhone(phone: PhoneNumber): string {
  const country =
    phone.length === 11 && phone.startsWith('7') ? '7' : phone.slice(0, phone.length - 10);
  return `+${country} *** ***-**-${phone.slice(-2)}`;
}
