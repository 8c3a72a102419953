/**
 * Physical key → the character a keyboard-wedge scanner meant, whatever the OS layout.
 *
 * A wedge scanner is set up for one keyboard layout (ours: "USA") and sends the key positions
 * that type each character on that layout: `]` is BracketRight, `:` is Shift+Semicolon, `L`
 * is Shift+KeyL. The OS then turns the positions into characters with the layout *it* has
 * active, so with the Russian layout on, the scanner's `LT001` arrives as `ДЕ001`. Reading
 * `KeyboardEvent.code` (the position) through the US table below undoes that, so a scan reads
 * the same on any layout. `KeyboardEvent.key` (what the layout typed) is what a *person*
 * meant, and is what typed-back keystrokes insert (see keyboard-wedge-detector.ts).
 *
 * Shift picks the second column; Caps Lock is ignored, because scanners send Shift for upper
 * case and our code parsers are case-insensitive anyway.
 *
 * | code              | no Shift | Shift | why it is in the table                         |
 * |-------------------|----------|-------|------------------------------------------------|
 * | Digit0–Digit9     | 0–9      | )!@#… | card numbers                                   |
 * | Numpad0–Numpad9   | 0–9      | 0–9   | scanners set to send digits from the keypad    |
 * | KeyA–KeyZ         | a–z      | A–Z   | Code 128 prefixes, virtual-card QR (`LTC1:…`)  |
 * | Minus             | -        | _     | separators in printed Code 128 numbers         |
 * | Semicolon         | ;        | :     | virtual-card QR field separator                |
 * | BracketRight      | ]        | }     | AIM symbology identifier (`]E0`, `]Q1`)        |
 * | other punctuation | US chars |       | foreign codes still arrive whole, then refused |
 *
 * Space is deliberately absent: no card code contains one, and a space on a focused button
 * "clicks" it, a default action a typed-back keystroke could not reproduce.
 */
const US_PUNCTUATION: readonly (readonly [code: string, plain: string, shifted: string])[] = [
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['BracketLeft', '[', '{'],
  ['BracketRight', ']', '}'],
  ['Backslash', '\\', '|'],
  ['Semicolon', ';', ':'],
  ['Quote', "'", '"'],
  ['Backquote', '`', '~'],
  ['Comma', ',', '<'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
  ['NumpadDecimal', '.', '.'],
  ['NumpadAdd', '+', '+'],
  ['NumpadSubtract', '-', '-'],
  ['NumpadMultiply', '*', '*'],
  ['NumpadDivide', '/', '/'],
];

const SHIFTED_DIGITS = ')!@#$%^&*(';

function buildTable(): ReadonlyMap<string, readonly [plain: string, shifted: string]> {
  const table = new Map<string, readonly [string, string]>();
  for (let d = 0; d <= 9; d += 1) {
    table.set(`Digit${d}`, [String(d), SHIFTED_DIGITS.charAt(d)]);
    table.set(`Numpad${d}`, [String(d), String(d)]);
  }
  for (let c = 'A'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c += 1) {
    const upper = String.fromCharCode(c);
    table.set(`Key${upper}`, [upper.toLowerCase(), upper]);
  }
  for (const [code, plain, shifted] of US_PUNCTUATION) table.set(code, [plain, shifted]);
  return table;
}

const US_TABLE = buildTable();

const US_KEYSTROKES: ReadonlyMap<string, Keystroke> = (() => {
  const keystrokes = new Map<string, Keystroke>();
  // Main-block keys win over keypad keys for the same character: digits come from the digit row.
  for (const [code, [plain, shifted]] of [...US_TABLE].reverse()) {
    keystrokes.set(shifted, { code, shiftKey: true });
    keystrokes.set(plain, { code, shiftKey: false });
  }
  return keystrokes;
})();

export type Keystroke = { readonly code: string; readonly shiftKey: boolean };

/**
 * The key a scanner set to the US layout presses for a character (the inverse of
 * wedgeCharacter), for simulated scanners and tests; undefined outside the table.
 */
export function usKeystrokeFor(char: string): Keystroke | undefined {
  return US_KEYSTROKES.get(char);
}

/** The character a wedge scanner meant by this key, or undefined for keys outside the table. */
export function wedgeCharacter(code: string, shiftKey: boolean): string | undefined {
  const entry = US_TABLE.get(code);
  return entry === undefined ? undefined : entry[shiftKey ? 1 : 0];
}

/**
 * Keys that change how others type but type nothing: pressed alone they neither join nor
 * break a burst (scanners press Shift between characters for upper case).
 */
const MODIFIER_CODES: ReadonlySet<string> = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'OSLeft',
  'OSRight',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
]);

export function isModifierCode(code: string): boolean {
  return MODIFIER_CODES.has(code);
}

const TYPES_ONE_CHARACTER = /^\P{Cc}$/u;

/**
 * Whether a `KeyboardEvent.key` is text the key types: one character, not a control. Other
 * values name an action (`Enter`, `Shift`, `Dead`, `Process` during IME composition, `End`
 * from the keypad with Num Lock off).
 */
export function typesOneCharacter(key: string): boolean {
  return TYPES_ONE_CHARACTER.test(key);
}
