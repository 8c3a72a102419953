import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  isValidTimeZone,
  localParts,
  parseLocalDate,
  parseTimeOfDay,
} from './zoned-time';

describe('store-time calendar helpers', () => {
  it('reads the local date, weekday and minute in the store time zone', () => {
    const instant = Date.UTC(2026, 0, 4, 21, 30); // Sunday 21:30 UTC = Monday 00:30 in Moscow
    expect(localParts(instant, 'Europe/Moscow')).toEqual({
      year: 2026,
      month: 1,
      day: 5,
      weekday: 'mon',
      minuteOfDay: 30,
    });
    expect(localParts(instant, 'UTC')).toMatchObject({
      day: 4,
      weekday: 'sun',
      minuteOfDay: 21 * 60 + 30,
    });
  });

  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2025-02-29', null],
    ['2026-13-01', null],
    ['26-01-01', null],
    ['2026-01-01T00:00', null],
  ])('parseLocalDate(%s) = %j', (text, expected) => {
    expect(parseLocalDate(text)).toEqual(expected);
  });

  it.each([
    ['00:00', 0],
    ['10:00', 600],
    ['24:00', 1440],
    ['24:01', null],
    ['12:60', null],
    ['9:00', null],
  ])('parseTimeOfDay(%s) = %s', (text, expected) => {
    expect(parseTimeOfDay(text)).toBe(expected);
  });

  it('numbers days continuously across years', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(
      dayNumber({ year: 2027, month: 1, day: 1 }) - dayNumber({ year: 2026, month: 12, day: 31 }),
    ).toBe(1);
  });

  it('tells a real time zone from a typo', () => {
    expect(isValidTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isValidTimeZone('Europe/Moscw')).toBe(false);
  });
});
