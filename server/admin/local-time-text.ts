import { localParts } from '../../shared/time/zoned-time';
import type { LocalDate } from '../../shared/time/zoned-time';

/**
 * Dates and times as the admin CLI prints them: ISO-like and sortable, in the time zone of
 * the store they belong to (a manager thinks in the store's hours).
 */

/** `2026-01-10` for a local date. */
export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** `2026-01-10 13:05` in `timeZone` (minutes; seconds are cut, not rounded). */
export function formatLocalDateTime(epochMs: number, timeZone: string): string {
  const parts = localParts(epochMs, timeZone);
  const hours = Math.floor(parts.minuteOfDay / 60);
  return `${formatLocalDate(parts)} ${pad2(hours)}:${pad2(parts.minuteOfDay % 60)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
