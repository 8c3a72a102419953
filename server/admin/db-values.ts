/**
 * Values read from database rows, which arrive as `unknown`: `pg` returns bigint and numeric
 * as strings, PGlite as numbers, and timestamps as Date on both. Each reader accepts exactly
 * those shapes and throws on anything else, so a surprise in a row is an error, not a NaN
 * printed in a report.
 */

/** A whole number that fits a JavaScript number exactly (counts, points, kopecks, ms). */
export function dbInteger(value: unknown, what: string): number {
  const number =
    typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string'
      ? Number(value)
      : Number.NaN;
  if (!Number.isSafeInteger(number))
    throw new TypeError(`${what}: expected a whole number from the database, got ${shown(value)}`);
  return number;
}

export function dbText(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw new TypeError(`${what}: expected text from the database, got ${typeof value}`);
  return value;
}

export function dbOptionalText(value: unknown, what: string): string | null {
  return value === null ? null : dbText(value, what);
}

/** A timestamptz as epoch ms, or null for SQL null. */
export function dbOptionalInstant(value: unknown, what: string): number | null {
  if (value === null) return null;
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms))
    throw new TypeError(`${what}: expected a timestamp from the database, got ${shown(value)}`);
  return ms;
}

export function dbInstant(value: unknown, what: string): number {
  const ms = dbOptionalInstant(value, what);
  if (ms === null) throw new TypeError(`${what}: expected a timestamp, got null`);
  return ms;
}

/** A short, safe rendering of an unexpected value for an error message. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return value instanceof Date ? 'an invalid date' : `a value of type ${typeof value}`;
}
