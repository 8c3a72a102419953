import { DAY_MS, MINUTE_MS } from '../time/zoned-time';
import type { DemoRandom } from './demo-random';

/**
 * The demo chain where the demo customers enrolled and shopped: a few Moscow stores, each
 * with its terminals and cashiers. These ids only label history; the terminal that loads the
 * demo keeps its own identity and staff.
 */
export type DemoStore = {
  readonly storeId: string;
  readonly terminalIds: readonly string[];
  readonly cashierIds: readonly string[];
};

export const DEMO_STORES: readonly DemoStore[] = [
  { storeId: 'S1', terminalIds: ['S1-T1', 'S1-T2', 'S1-T3'], cashierIds: ['C11', 'C12', 'C13'] },
  { storeId: 'S2', terminalIds: ['S2-T1', 'S2-T2'], cashierIds: ['C21', 'C22'] },
  { storeId: 'S3', terminalIds: ['S3-T1', 'S3-T2'], cashierIds: ['C31', 'C32', 'C33'] },
  { storeId: 'S4', terminalIds: ['S4-T1'], cashierIds: ['C41', 'C42'] },
];

export const DEMO_TIME_ZONE = 'Europe/Moscow';

/** Moscow keeps UTC+3 all year (no daylight saving since 2014), so local days are fixed. */
const MOSCOW_OFFSET_MS = 3 * 60 * MINUTE_MS;
const OPENS_AT_MINUTE = 9 * 60;
const CLOSES_AT_MINUTE = 22 * 60;

/**
 * A moment during opening hours (9:00–22:00 Moscow time) of the day `daysAgo` days before
 * the local day of `now`. With `daysAgo` ≥ 1 the moment is always before `now`.
 */
export function openingHoursMoment(now: number, daysAgo: number, random: DemoRandom): number {
  const localMidnight =
    Math.floor((now + MOSCOW_OFFSET_MS) / DAY_MS) * DAY_MS - MOSCOW_OFFSET_MS - daysAgo * DAY_MS;
  const minute = random.int(OPENS_AT_MINUTE, CLOSES_AT_MINUTE - 1);
  return localMidnight + minute * MINUTE_MS + random.int(0, MINUTE_MS - 1);
}
