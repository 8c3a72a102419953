import { describe, expect, it } from 'vitest';
import { demoProgram } from '../testing/demo-program';
import { rub, testAccount } from '../testing/test-account';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { welcomeBonus } from '../bonuses/welcome-bonus';
import { DAY_MS } from '../time/zoned-time';
import { balanceOf } from './balance';

describe('balance: worked example of balance.ts', () => {
  const terminal = testTerminal();
  const account = testAccount({ terminal });
  const welcome = welcomeBonus(demoProgram, account.customerId, terminal.at(dayAt(0, 9)));
  if (!welcome) throw new Error('demo has a welcome bonus');
  account.entries.push(welcome);
  account.buy(dayAt(1), rub(2_000)); // 5 % → 100 points, available on day 15

  it('follows the table: available and pending by day', () => {
    const rows: [string, number, number, number][] = [
      ['day 1: the purchase adds 100 pending points', dayAt(1, 16), 200, 100],
      ['day 15: they become available', dayAt(15, 16), 300, 0],
      ['day 90: the welcome lot has expired', dayAt(90, 10), 100, 0],
    ];
    const onlyWelcome = balanceOf([welcome], demoProgram, dayAt(0, 10));
    expect(
      [onlyWelcome.available, onlyWelcome.pending],
      'day 0: the welcome bonus is available at once',
    ).toEqual([200, 0]);
    for (const [label, now, available, pending] of rows) {
      const balance = account.balance(now);
      expect([balance.available, balance.pending], label).toEqual([available, pending]);
    }
  });

  it('lists pending points with the day they become available', () => {
    expect(account.balance(dayAt(2)).pendingLots).toEqual([
      { points: 100, availableAt: dayAt(1) + 14 * DAY_MS },
    ]);
  });

  it('warns 30 days ahead of the welcome bonus expiring, with its date', () => {
    const expiresAt = dayAt(0, 9) + 90 * DAY_MS;
    expect(account.balance(dayAt(59)).expiringSoon, '31 days before: no warning yet').toEqual([]);
    expect(account.balance(dayAt(61)).expiringSoon, '29 days before').toEqual([
      { points: 200, expiresAt },
    ]);
  });

  it('after expiry the lot is due for an expiry entry, and counted nowhere else', () => {
    const balance = account.balance(dayAt(91));
    expect(balance.dueForExpiry).toEqual([{ lotId: welcome.id, points: 200 }]);
    expect(balance.available + balance.pending, 'only the purchase points remain').toBe(100);
  });

  it('reports lifetime spend, purchase count and tier progress', () => {
    const balance = account.balance(dayAt(2));
    expect(balance.lifetimeSpend).toBe(rub(2_000));
    expect(balance.purchaseCount).toBe(1);
    expect(balance.tier?.current.id).toBe('base');
    expect(balance.tier?.spendToNext, '15 000 ₽ − 2 000 ₽ to Silver').toBe(rub(13_000));
  });
});
