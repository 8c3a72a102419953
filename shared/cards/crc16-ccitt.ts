/**
 * CRC-16/CCITT-FALSE (named CRC-16/IBM-3740 in the CRC catalogue): polynomial 0x1021, initial
 * value 0xFFFF, bits not reflected, no final XOR; the catalogue's check value for `123456789`
 * is 0x29B1. Computed bit by bit over the character codes, which are the bytes of the text
 * because it must be ASCII.
 *
 * It finds accidental damage: every error within one 16-bit burst and all but 1 in 65 536 of
 * the others. It is not a signature; anyone can compute it for any text.
 *
 * | text                  | CRC    |
 * |-----------------------|--------|
 * | `` (empty)            | `FFFF` |
 * | `A`                   | `B915` |
 * | `123456789`           | `29B1` |
 * | `LTC1:2900010000015:` | `2DCD` |
 * | `LTC1:LT0010000001X:` | `787A` |
 */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    const byte = text.charCodeAt(i);
    if (byte > 0x7f) {
      throw new RangeError(
        `CRC-16 here is defined over ASCII, got U+${byte.toString(16).toUpperCase().padStart(4, '0')} at ${i}`,
      );
    }
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The CRC as the virtual card shows it: 4 upper-case hex digits, `2DCD`. */
export function crc16Hex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}
