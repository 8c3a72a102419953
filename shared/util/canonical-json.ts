/**
 * Canonical JSON: the one text of a JSON value that signatures are computed over, so a
 * browser and Node (or anyone with Python) get the same bytes from the same value:
 *
 * - no whitespace; arrays in order;
 * - object members sorted by key in UTF-16 code unit order (JavaScript's default sort);
 *   a member whose value is `undefined` is left out, as `JSON.stringify` leaves it out;
 * - strings and keys as `JSON.stringify` writes them, then every code unit above U+007E
 *   written `\uXXXX` (lowercase hex), so the text is printable ASCII and its UTF-8 bytes
 *   are its code units whatever the runtime's encoder;
 * - numbers as `JSON.stringify` writes them (finite only); true, false, null.
 *
 * For values with integer numbers and ASCII keys (all this app signs) the text equals
 * Python's `json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=True)`.
 *
 * | value                               | canonical text                      |
 * |-------------------------------------|-------------------------------------|
 * | `{b: 1, a: [true, null]}`           | `{"a":[true,null],"b":1}`           |
 * | `{name: 'Анна', x: undefined}`      | `{"name":"\u0410\u043d\u043d\u0430"}` |
 * | `'tab\t"q"'`                        | `"tab\t\"q\""`                      |
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError(`canonical JSON: ${String(value)} is not JSON`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    // A value with toJSON (a Date…) would be written differently by JSON.stringify.
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
      throw new TypeError('canonical JSON: only plain objects, not objects with toJSON');
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${asciiString(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON: a ${typeof value} is not JSON`);
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
