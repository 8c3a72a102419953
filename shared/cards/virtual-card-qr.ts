import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import type { CardCodeError } from './card-code-error';
import type { CardCodeSettings } from './card-code-settings';
import type { CardNumber } from './card-number';
import { parseCode128CardNumber } from './code128-number';
import { crc16Hex } from './crc16-ccitt';
import { parseEan13CardNumber } from './ean13';

/**
 * The QR code a customer's phone shows instead of a plastic card:
 *
 *     LTC1:<card number>:<check>
 *
 * - `LTC` + version: `LTC` (Loyalty Terminal Card) tells our payload from any other QR code;
 *   the version lets a later app put more in the code. A terminal refuses a version it does
 *   not know ("card from a newer app version") instead of guessing.
 * - card number: canonical, as printed on a plastic card (13 digits, or the Code 128 number).
 * - check: CRC-16/CCITT-FALSE (crc16-ccitt.ts) of everything before it, the second `:`
 *   included, as 4 upper-case hex digits. QR codes correct their own misreads, but a photo of
 *   a cracked screen or an edited screenshot can still give valid-looking text.
 *
 * The payload is ASCII and upper case, so decoding ignores case: a keyboard-wedge scanner
 * with Caps Lock on sends `ltc1:…` and the payload is still the same.
 *
 * | payload                         | result                                         |
 * |---------------------------------|------------------------------------------------|
 * | `LTC1:2900010000015:2DCD`       | ok `2900010000015`                             |
 * | `LTC1:LT0010000001X:787A`       | ok `LT0010000001X`                             |
 * | `ltc1:lt0010000001x:787a`       | ok `LT0010000001X`                             |
 * | `LTC1:2900010000015:2DCE`       | damaged-qr: check, expected `2DCD`, got `2DCE` |
 * | `LTC1:2900010000015`            | damaged-qr: layout                             |
 * | `LTC2:…`                        | unsupported-version 2                          |
 * | `https://example.com/pay`       | not-our-card: foreign-qr                       |
 *
 * A number inside a payload with a correct check was put there by whoever made the code, so
 * its own problems are a layout fault (damaged-qr), except `not-our-card`, which is passed
 * on: a program that drops a prefix makes old virtual cards with it foreign, not damaged.
 */
export const VIRTUAL_CARD_QR_TAG = 'LTC';
export const VIRTUAL_CARD_QR_VERSION = 1;

const VERSION_PATTERN = /^LTC(\d*):/i;
const CANONICAL_VERSION_PATTERN = /^[1-9]\d{0,5}$/;
const V1_PATTERN = /^LTC1:([0-9A-Z]{1,64}):([0-9A-F]{4})$/;
const PRINTABLE_ASCII_PATTERN = /^[\x20-\x7E]*$/;

export function encodeVirtualCardQr(number: CardNumber): string {
  const signed = `${VIRTUAL_CARD_QR_TAG}${VIRTUAL_CARD_QR_VERSION}:${number}:`;
  return signed + crc16Hex(signed);
}

/** True for text that claims to be our virtual card (any version), `LTC<digits>:`. */
export function isVirtualCardQrPayload(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

export function decodeVirtualCardQr(
  text: string,
  settings: CardCodeSettings,
): Result<CardNumber, CardCodeError> {
  const version = VERSION_PATTERN.exec(text)?.[1];
  if (version === undefined) return err({ kind: 'not-our-card', reason: 'foreign-qr' });
  if (!CANONICAL_VERSION_PATTERN.test(version)) return damaged();
  if (Number(version) !== VIRTUAL_CARD_QR_VERSION) {
    return err({ kind: 'unsupported-version', version: Number(version) });
  }
  if (!PRINTABLE_ASCII_PATTERN.test(text)) return damaged();
  const payload = text.toUpperCase();
  const layout = V1_PATTERN.exec(payload);
  const inner = layout?.[1];
  const got = layout?.[2];
  if (inner === undefined || got === undefined) return damaged();
  const expected = crc16Hex(payload.slice(0, payload.length - got.length));
  if (expected !== got)
    return err({ kind: 'damaged-qr', problem: { kind: 'check', expected, got } });
  const number = /^\d/.test(inner)
    ? parseEan13CardNumber(inner, settings.ean13Prefixes)
    : parseCode128CardNumber(inner, settings.code128Prefix);
  if (!number.ok) return number.error.kind === 'not-our-card' ? number : damaged();
  // The parsers accept look-alikes (O for 0); a code we made holds the canonical spelling.
  return number.value === inner ? ok(number.value) : damaged();
}

function damaged(): Result<CardNumber, CardCodeError> {
  return err({ kind: 'damaged-qr', problem: { kind: 'layout' } });
}
