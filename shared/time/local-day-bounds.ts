import { DAY_MS, dayNumber, localParts } from './zoned-time';
import type { LocalDate } from './zoned-time';

/**
 * The instants a calendar day of a time zone covers: [startMs, endMs) in epoch ms. A day is
 * not always 24 hours: in Europe/Berlin 2026-03-29 lasts 23 h and 2026-10-25 lasts 25 h; where
 * a clock change skips midnight (America/Santiago in September) the day starts at 01:00.
 *
 * | zone           | date       | startMs (UTC)     | endMs (UTC)       | hours |
 * |----------------|------------|-------------------|-------------------|-------|
 * | Europe/Moscow  | 2026-01-10 | 2026-01-09 21:00  | 2026-01-10 21:00  | 24    |
 * | Europe/Berlin  | 2026-03-29 | 2026-03-28 23:00  | 2026-03-29 22:00  | 23    |
 * | Europe/Berlin  | 2026-10-25 | 2026-10-24 22:00  | 2026-10-25 23:00  | 25    |
 * | Asia/Kolkata   | 2026-01-10 | 2026-01-09 18:30  | 2026-01-10 18:30  | 24    |
 */
export type DayBounds = { readonly startMs: number; readonly endMs: number };

export function localDayBounds(date: LocalDate, timeZone: string): DayBounds {
  const next = new Date((dayNumber(date) + 1) * DAY_MS);
  return {
    startMs: startOfLocalDay(date, timeZone),
    endMs: startOfLocalDay(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      timeZone,
    ),
  };
}

/**
 * The first instant whose local date in `timeZone` is `date`, found by bisection over
 * milliseconds (about 28 steps), so it is exact for any offset, including offsets with
 * seconds, and for days whose midnight a clock change skips.
 *
 * Invariant: UTC offsets lie within −12 h…+14 h, so one day either side of the date's UTC
 * midnight brackets the local midnight: before the window the local date is earlier, at its
 * end it is `date` or later. The local date only grows with time, except where a clock
 * goes back across midnight (no zone does this today); there the result is one of the two
 * midnights.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const target = dayNumber(date);
  const utcMidnight = target * DAY_MS;
  const reached = (ms: number): boolean => dayNumber(localParts(ms, timeZone)) >= target;
  let before = utcMidnight - DAY_MS; // local date < target here
  let after = utcMidnight + DAY_MS; // local date ≥ target here
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (reached(middle)) after = middle;
    else before = middle;
  }
  return after;
}
