/**
 * Text that fits a receipt printer: a small character repertoire and fixed columns.
 *
 * RECEIPT_REPERTOIRE is what every supported code page prints (CP866 and Windows-1251 both
 * hold it), one byte and one column per character: printable ASCII, the Russian alphabet
 * А–я with Ё ё, and №. Anything else is mapped before layout, so column counting is
 * character counting and the printer never prints a stray `?` in the middle of a layout:
 *
 * | input                          | printed | why                                       |
 * |--------------------------------|---------|-------------------------------------------|
 * | U+00A0, U+202F, other spaces   | ` `     | money formatting groups with no-break spaces |
 * | « » „ “ ” ″                    | `"`     | not in CP866                              |
 * | ‘ ’ ′                          | `'`     |                                           |
 * | – — − ‐ ‑                      | `-`     | en/em dash, minus sign                    |
 * | …                              | `...`   |                                           |
 * | soft hyphen, ZWJ, U+200E …     | nothing | invisible format characters (Cf)          |
 * | • ·                            | `*`     |                                           |
 * | é, ñ, ü (letter + accent)      | e, n, u | the accent dropped (NFD), letter kept     |
 * | anything else (emoji, 中)       | `?`     | one column, visibly a replacement         |
 */
const REPERTOIRE_PATTERN = /^[\x20-\x7E\u0410-\u044F\u0401\u0451\u2116]$/u;

const SUBSTITUTES: Readonly<Record<string, string>> = {
  '«': '"',
  '»': '"',
  '„': '"',
  '“': '"',
  '”': '"',
  '″': '"',
  '‘': "'",
  '’': "'",
  '′': "'",
  '–': '-',
  '—': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '…': '...',
  '•': '*',
  '·': '*',
};

export function isReceiptCharacter(char: string): boolean {
  return REPERTOIRE_PATTERN.test(char);
}

/** Maps `text` into the receipt repertoire (see the table above); whitespace runs are kept. */
export function toReceiptText(text: string): string {
  let out = '';
  for (const char of text) {
    out += toReceiptCharacter(char);
  }
  return out;
}

function toReceiptCharacter(char: string): string {
  if (isReceiptCharacter(char)) return char;
  if (/^\s$/u.test(char)) return ' ';
  // Invisible format characters (soft hyphen, zero-width joiner, direction marks) take no column.
  if (/^\p{Cf}$/u.test(char)) return '';
  const substitute = SUBSTITUTES[char];
  if (substitute !== undefined) return substitute;
  // Only characters outside the repertoire are decomposed: й and ё are in it and stay whole.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base.length === 1 && isReceiptCharacter(base)) return base;
  return '?';
}

/** Marks text cut short at the end of its last allowed line. */
const ELLIPSIS = '...';

/**
 * Wraps receipt text into lines of at most `width` characters, breaking at spaces; a word
 * longer than a line is split. More than `maxLines` lines: the last one ends in `...`.
 *
 * | text (width 10, max 2)        | lines                     |
 * |-------------------------------|---------------------------|
 * | `Кофе`                        | `Кофе`                    |
 * | `Кофе латте большой`          | `Кофе латте`, `большой`   |
 * | `Сэндвич с курицей и сыром`   | `Сэндвич с`, `курицей...` |
 * | `Суперпродукт123`             | `Суперпроду`, `кт123`     |
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  if (width < ELLIPSIS.length + 1 || maxLines < 1) {
    throw new RangeError(`Cannot wrap into ${maxLines} lines of ${width} columns`);
  }
  const words = text.split(' ').filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    let rest = word;
    if (current !== '' && current.length + 1 + rest.length <= width) {
      current += ` ${rest}`;
      continue;
    }
    if (current !== '') lines.push(current);
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    current = rest;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = last.slice(0, width - ELLIPSIS.length).trimEnd() + ELLIPSIS;
  return kept;
}

/**
 * A label with a value flush right, e.g. `К оплате          1 700,00 руб.`. The label wraps
 * (at most `maxLabelLines` lines); the value shares the label's last line when both fit
 * with a space between, otherwise it gets a line of its own, right-aligned.
 */
export function labelValueLines(
  label: string,
  value: string,
  width: number,
  maxLabelLines: number,
): string[] {
  const valueText = value.length > width ? (wrapText(value, width, 1)[0] ?? '') : value;
  const labelLines = label === '' ? [] : wrapText(label, width, maxLabelLines);
  const last = labelLines.at(-1);
  if (last !== undefined && last.length + 1 + valueText.length <= width) {
    return [...labelLines.slice(0, -1), last + valueText.padStart(width - last.length)];
  }
  return [...labelLines, valueText.padStart(width)];
}
