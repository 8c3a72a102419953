import { describe, expect, it } from 'vitest';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { DAY_MS } from '../time/zoned-time';
import { clubMembershipPurchase } from './club-membership';
import { rub, testAccount } from '../testing/test-account';
import { dayAt } from '../testing/test-terminal';
import { quoteCheckout } from './quote';
import { points } from '../money/money';

const club = { feeMinor: 99_900, periodDays: 30, discountBp: 1_000, multiplierPercent: 150 };
const clubProgram = demoProgramWith({ kinds: ['points', 'tiers', 'paid-club'], club });

describe('paid club: worked example of club-membership.ts', () => {
  it.each([
    ['first purchase', null, 0, 30],
    ['early renewal keeps the paid days', 20, 10, 50],
    ['after a lapse it starts again from now', 5, 10, 40],
  ])(
    '%s: member until day %s, bought on day %i → until day %i',
    (_label, until, bought, expected) => {
      const result = clubMembershipPurchase(
        clubProgram,
        until === null ? null : until * DAY_MS,
        bought * DAY_MS,
      );
      expect(result).toEqual({ fee: 99_900, memberUntil: expected * DAY_MS });
    },
  );

  it('a program without a club sells none', () => {
    expect(clubMembershipPurchase(demoProgram, null, 0)).toBeNull();
  });

  it('members get the club discount and multiplier while the membership lasts', () => {
    const account = testAccount({ program: clubProgram });
    const request = { lines: [{ amount: rub(1_000) }], pointsToSpend: points(0) };
    const at = { now: dayAt(0), timeZone: 'Europe/Moscow' };
    const member = quoteCheckout(
      clubProgram,
      account.customer(dayAt(0), { clubMemberUntil: dayAt(10) }),
      request,
      at,
    );
    const lapsed = quoteCheckout(
      clubProgram,
      account.customer(dayAt(0), { clubMemberUntil: dayAt(-1) }),
      request,
      at,
    );
    if (!member.ok || !lapsed.ok) throw new Error('refused');
    expect(member.value.toPay, '1 000 ₽ − 10 %').toBe(rub(900));
    expect(member.value.accrual.points, '900 ₽ × 5 % × 1,5 = 67,5 → 67').toBe(67);
    expect(lapsed.value.toPay).toBe(rub(1_000));
    expect(lapsed.value.accrual.points).toBe(50);
  });
});
