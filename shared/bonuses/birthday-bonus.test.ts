import { describe, expect, it } from 'vitest';
import { demoProgram } from '../testing/demo-program';
import { STORE_TIME_ZONE, testTerminal } from '../testing/test-terminal';
import { DAY_MS, dayNumber, parseLocalDate } from '../time/zoned-time';
import type { LocalDate } from '../time/zoned-time';
import { birthdayBonusDue, birthdayBonusKey, birthdayWindowAt } from './birthday-bonus';

const rule = { daysBefore: 7, daysAfter: 7 };

function date(text: string): LocalDate {
  const parsed = parseLocalDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
}

/** Noon in Moscow (UTC+3) on a calendar date. */
function moscowNoon(text: string): number {
  return dayNumber(date(text)) * DAY_MS + 9 * 3_600_000;
}

describe('birthdayWindowAt: worked examples of birthday-bonus.ts', () => {
  it.each([
    ['1990-05-20', '2026-05-13', 2026, '2026-05-13', '2026-05-27'],
    ['1990-01-03', '2026-12-30', 2027, '2026-12-27', '2027-01-10'],
    ['1992-02-29', '2027-03-07', 2027, '2027-02-21', '2027-03-07'],
  ])('born %s, today %s → year %i, window %s … %s', (birthday, today, year, first, last) => {
    const window = birthdayWindowAt(date(birthday), rule, moscowNoon(today), STORE_TIME_ZONE);
    expect(window?.year).toBe(year);
    expect(window?.firstDay).toBe(dayNumber(date(first)));
    expect(window?.lastDay).toBe(dayNumber(date(last)));
  });

  it.each([
    ['1990-05-20', '2026-05-12'],
    ['1992-02-29', '2027-03-08'],
  ])('born %s, today %s → outside the window', (birthday, today) => {
    expect(birthdayWindowAt(date(birthday), rule, moscowNoon(today), STORE_TIME_ZONE)).toBeNull();
  });

  it('closes at the store midnight after the last day', () => {
    const window = birthdayWindowAt(
      date('1990-05-20'),
      rule,
      moscowNoon('2026-05-20'),
      STORE_TIME_ZONE,
    );
    const midnightMoscowMay28 = Date.UTC(2026, 4, 27, 21, 0);
    expect(window?.closesAt).toBe(midnightMoscowMay28);
  });
});

describe('birthdayBonusDue', () => {
  const terminal = testTerminal();
  const customer = { customerId: terminal.at(0).newId(), birthday: date('1990-05-20') };

  it('grants 500 points inside the window, available at once, expiring when it closes', () => {
    const now = moscowNoon('2026-05-18');
    const bonus = birthdayBonusDue(demoProgram, customer, new Set(), terminal.at(now));
    expect(bonus).toMatchObject({
      kind: 'bonus',
      bonus: 'birthday',
      points: 500,
      availableAt: now,
      uniqueKey: birthdayBonusKey(customer.customerId, 2026),
    });
    expect(bonus?.expiresAt).toBe(Date.UTC(2026, 4, 27, 21, 0));
  });

  it('grants nothing when this year’s bonus is in the ledger already, or outside the window, or without a birthday', () => {
    const granted = new Set([birthdayBonusKey(customer.customerId, 2026)]);
    expect(
      birthdayBonusDue(demoProgram, customer, granted, terminal.at(moscowNoon('2026-05-19'))),
    ).toBeNull();
    expect(
      birthdayBonusDue(demoProgram, customer, new Set(), terminal.at(moscowNoon('2026-06-19'))),
    ).toBeNull();
    expect(
      birthdayBonusDue(
        demoProgram,
        { ...customer, birthday: null },
        new Set(),
        terminal.at(moscowNoon('2026-05-19')),
      ),
    ).toBeNull();
  });
});
