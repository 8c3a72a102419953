import { describe, expect, it } from 'vitest';
import { rub, testAccount } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';

describe('refund after the earned points were spent', () => {
  it('leaves a negative balance, flagged, which the next purchase pays off', () => {
    const account = testAccount();
    const first = account.buy(dayAt(0), rub(4_000)); // 200 points, available on day 14
    account.buy(dayAt(40), rub(1_000), 200); // spends them (cap 300) and earns 40 pending
    const spent = account.balance(dayAt(40, 16));
    expect(
      [spent.available, spent.pending],
      '200 − 200 available; (1 000 ₽ − 200) × 5 % = 40 pending',
    ).toEqual([0, 40]);

    const refund = account.refund(dayAt(41), first, [rub(4_000)]);
    expect(refund.pointsReversed, 'all 200 points of the first sale').toBe(200);
    const balance = account.balance(dayAt(41, 16));
    expect(
      [balance.available, balance.pending],
      'the 200 taken back: 40 from the pending points, 160 owed',
    ).toEqual([-160, 0]);
    expect(balance.negative).toBe(true);
    expect(
      balance.anomalies.map((a) => a.kind),
      'shown for reconciliation',
    ).toContain('overdraft');

    account.buy(dayAt(100), rub(6_000)); // 300 points
    const repaid = account.balance(dayAt(100, 16));
    expect(
      [repaid.available, repaid.pending],
      'the debt of 160 is paid from the new 300: 0 available, 140 pending',
    ).toEqual([0, 140]);
  });
});
