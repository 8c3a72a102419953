import { describe, expect, it } from 'vitest';
import {
  canPrint,
  encodeStatusReplies,
  parseStatusReplies,
  statusRequest,
  toDeviceState,
} from './printer-status';
import type { PrinterCondition } from './printer-status';

/** The worked-example table of printer-status.ts, row for row. */
const EXAMPLES: readonly (readonly [string, PrinterCondition, string])[] = [
  ['12 12 12 12', 'ready', 'only the fixed bits are set'],
  ['16 12 12 12', 'ready', 'drawer pin 3 high does not matter'],
  ['12 12 12 1E', 'paper-near-end', 'n=4 0x0C near end'],
  ['1A 32 12 7E', 'paper-out', 'paper-end stop and paper end sensor'],
  ['12 12 12 72', 'paper-out', 'end sensor without a stop'],
  ['1A 16 12 12', 'cover-open', 'n=2 0x04'],
  ['1A 36 12 72', 'cover-open', 'cover open while changing the roll'],
  ['1A 52 1A 12', 'error', 'autocutter'],
  ['1A 52 32 12', 'error', 'unrecoverable'],
  ['1A 52 52 12', 'error', 'auto-recoverable'],
  ['1A 1A 12 12', 'offline', 'feed button'],
  ['1A 12 12 12', 'offline', 'offline with no cause'],
  ['00 12 12 12', 'error', 'not a status byte'],
];

function bytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.split(' ').map((h) => parseInt(h, 16)));
}

describe('parseStatusReplies (worked examples)', () => {
  it.each(EXAMPLES)('%s → %s (%s)', (hex, condition) => {
    expect(parseStatusReplies(bytes(hex)).condition, `replies ${hex}`).toBe(condition);
  });

  it('names the cause in the detail a cashier reads', () => {
    expect(parseStatusReplies(bytes('1A 52 1A 12')).detail).toMatch(/autocutter/);
    expect(parseStatusReplies(bytes('1A 1A 12 12')).detail).toMatch(/feed button/);
    expect(parseStatusReplies(bytes('00 12 12 12')).detail).toMatch(/request 1 \(0x00\)/);
  });

  it('refuses a reply of the wrong length', () => {
    expect(parseStatusReplies(bytes('12 12 12')).condition).toBe('error');
    expect(parseStatusReplies(bytes('12 12 12 12 12')).condition).toBe('error');
  });
});

describe('encodeStatusReplies', () => {
  const conditions: readonly PrinterCondition[] = [
    'ready',
    'paper-near-end',
    'paper-out',
    'cover-open',
    'offline',
    'error',
  ];
  it.each(conditions)('%s round-trips through the parser', (condition) => {
    expect(parseStatusReplies(encodeStatusReplies(condition)).condition).toBe(condition);
  });
});

describe('mapping to the bridge', () => {
  it.each([
    ['ready', 'ready', true],
    ['paper-near-end', 'ready', true],
    ['paper-out', 'paper-out', false],
    ['cover-open', 'cover-open', false],
    ['offline', 'error', false],
    ['error', 'error', false],
  ] as const)('%s → device state %s, prints: %s', (condition, state, prints) => {
    expect(toDeviceState(condition)).toBe(state);
    expect(canPrint(condition)).toBe(prints);
  });

  it('asks with DLE EOT n', () => {
    expect([...statusRequest(3)]).toEqual([0x10, 0x04, 0x03]);
  });
});
