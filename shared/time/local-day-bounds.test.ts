import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayNumber, localParts } from './zoned-time';
import { localDayBounds } from './local-day-bounds';

const HOUR_MS = 3_600_000;

describe('localDayBounds: a calendar day of a time zone in epoch ms', () => {
  // The worked-example table of local-day-bounds.ts.
  it.each([
    ['Europe/Moscow', '2026-01-10', Date.UTC(2026, 0, 9, 21), Date.UTC(2026, 0, 10, 21), 24],
    ['Europe/Berlin', '2026-03-29', Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 22), 23],
    ['Europe/Berlin', '2026-10-25', Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 23), 25],
    ['Asia/Kolkata', '2026-01-10', Date.UTC(2026, 0, 9, 18, 30), Date.UTC(2026, 0, 10, 18, 30), 24],
  ])('%s %s → [%i, %i), %i h', (zone, date, start, end, hours) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const bounds = localDayBounds({ year, month, day }, zone);
    expect(bounds).toEqual({ startMs: start, endMs: end });
    expect((bounds.endMs - bounds.startMs) / HOUR_MS).toBe(hours);
  });

  it('starts at the first instant of the date, wherever the zone and whatever the clock change', () => {
    // Zones with DST, half- and quarter-hour offsets, +14 h, −11 h, and (Santiago) a clock
    // change that skips midnight. The day starts where the local date turns to it.
    const zones = [
      'Europe/Moscow',
      'Europe/Berlin',
      'America/Santiago',
      'America/Havana',
      'America/St_Johns',
      'Asia/Kolkata',
      'Asia/Tehran',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: dayNumber({ year: 2000, month: 1, day: 1 }), max: 25_000 }),
        (zone, days) => {
          const utc = new Date(days * DAY_MS);
          const date = {
            year: utc.getUTCFullYear(),
            month: utc.getUTCMonth() + 1,
            day: utc.getUTCDate(),
          };
          const { startMs, endMs } = localDayBounds(date, zone);
          expect(dayNumber(localParts(startMs, zone))).toBe(days);
          expect(dayNumber(localParts(startMs - 1, zone))).toBe(days - 1);
          expect(dayNumber(localParts(endMs - 1, zone))).toBe(days);
          expect(dayNumber(localParts(endMs, zone))).toBe(days + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
