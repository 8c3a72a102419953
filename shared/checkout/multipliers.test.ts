import { describe, expect, it } from 'vitest';
import { demoProgram } from '../testing/demo-program';
import { dayAt, STORE_TIME_ZONE } from '../testing/test-terminal';
import { activeHappyHour, combineMultipliers } from './multipliers';

describe('combineMultipliers: worked examples of multipliers.ts', () => {
  it.each([
    [[], 100, 100],
    [[200, 200], 200, 400],
    [[200, 300], 300, 600],
    [[150, 150], 150, 225],
    [[133, 133], 133, 176],
  ])('%j → highest %i, multiply %i', (multipliers, highest, product) => {
    expect(combineMultipliers('highest', multipliers)).toBe(highest);
    expect(combineMultipliers('multiply', multipliers)).toBe(product);
  });
});

describe('activeHappyHour (demo: Mon–Fri 10:00–12:00 ×2, store time)', () => {
  // Day 0 of the test calendar is Monday 2026-01-05 in Moscow.
  it.each([
    ['Monday 10:00', dayAt(0, 10), 200],
    ['Monday 11:59', dayAt(0, 11) + 59 * 60_000, 200],
    ['Monday 12:00 (window end is exclusive)', dayAt(0, 12), null],
    ['Monday 09:59', dayAt(0, 9) + 59 * 60_000, null],
    ['Friday 10:30', dayAt(4, 10) + 30 * 60_000, 200],
    ['Saturday 10:30', dayAt(5, 10) + 30 * 60_000, null],
  ])('%s → %s', (_label, at, expected) => {
    expect(activeHappyHour(demoProgram, at, STORE_TIME_ZONE)).toBe(expected);
  });

  it('uses the store time zone, not the machine one: 10:30 in Moscow is 07:30 UTC', () => {
    const mondayHalfPastTenMoscow = dayAt(0, 10) + 30 * 60_000;
    expect(
      activeHappyHour(demoProgram, mondayHalfPastTenMoscow, 'UTC'),
      '07:30 UTC is before 10:00',
    ).toBeNull();
    expect(
      activeHappyHour(demoProgram, mondayHalfPastTenMoscow, 'Asia/Vladivostok'),
      '17:30 there',
    ).toBeNull();
  });
});
