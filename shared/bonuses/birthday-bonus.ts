import { points } from '../money/money';
import type { Program } from '../program/program-schema';
import type { BonusEntry } from '../ledger/ledger-entry';
import { entryOrigin } from '../ledger/operation-context';
import type { OperationContext } from '../ledger/operation-context';
import { DAY_MS, MINUTE_MS, dayNumber, isLeapYear, localParts } from '../time/zoned-time';
import type { LocalDate } from '../time/zoned-time';

/**
 * The birthday bonus: granted once a year, when the customer is served inside the window
 * around the birthday (demo: 500 points, 7 days before to 7 days after), in the store's time
 * zone. It is available at once and expires when the window closes (midnight after its last
 * day). A 29 February birthday falls on 28 February in other years. The unique key names the
 * customer and the year of the birthday, so it is granted once a year across all terminals.
 *
 * | birthday   | today (store) | window (±7 days)          | due? | key year |
 * |------------|---------------|---------------------------|------|----------|
 * | 1990-05-20 | 2026-05-13    | 2026-05-13 … 2026-05-27   | yes  | 2026     |
 * | 1990-05-20 | 2026-05-12    | 2026-05-13 … 2026-05-27   | no   | —        |
 * | 1990-01-03 | 2026-12-30    | 2026-12-27 … 2027-01-10   | yes  | 2027     |
 * | 1992-02-29 | 2027-03-07    | 2027-02-21 … 2027-03-07   | yes  | 2027     |
 */
export type BirthdayWindow = {
  readonly year: number;
  /** First and last local day of the window, as day numbers (days since 1970-01-01). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Epoch ms of the local midnight after the last day. */
  readonly closesAt: number;
};

/** The birthday window that contains `now` (store time), or null if `now` is outside all. */
export function birthdayWindowAt(
  birthday: LocalDate,
  rule: { readonly daysBefore: number; readonly daysAfter: number },
  now: number,
  timeZone: string,
): BirthdayWindow | null {
  const local = localParts(now, timeZone);
  const today = dayNumber(local);
  for (const year of [local.year - 1, local.year, local.year + 1]) {
    const day =
      birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
    const occurrence = dayNumber({ year, month: birthday.month, day });
    const firstDay = occurrence - rule.daysBefore;
    const lastDay = occurrence + rule.daysAfter;
    if (today >= firstDay && today <= lastDay) {
      // Local midnight after the last day: now's start of minute, moved to that midnight.
      const startOfToday = now - (now % MINUTE_MS) - local.minuteOfDay * MINUTE_MS;
      return { year, firstDay, lastDay, closesAt: startOfToday + (lastDay - today + 1) * DAY_MS };
    }
  }
  return null;
}

export function birthdayBonusKey(customerId: string, year: number): string {
  return `birthday:${customerId}:${year}`;
}

/** The birthday bonus due now, or null (no rule, no birthday, outside the window, already granted). */
export function birthdayBonusDue(
  program: Program,
  customer: { readonly customerId: string; readonly birthday: LocalDate | null },
  grantedKeys: ReadonlySet<string>,
  ctx: OperationContext,
): BonusEntry | null {
  const rule = program.bonuses.birthday;
  if (!rule || !customer.birthday) return null;
  const window = birthdayWindowAt(customer.birthday, rule, ctx.now, ctx.timeZone);
  if (!window) return null;
  const uniqueKey = birthdayBonusKey(customer.customerId, window.year);
  if (grantedKeys.has(uniqueKey)) return null;
  return {
    ...entryOrigin(ctx, customer.customerId, program.version),
    kind: 'bonus',
    bonus: 'birthday',
    points: points(rule.points),
    availableAt: ctx.now,
    expiresAt: window.closesAt,
    uniqueKey,
  };
}
