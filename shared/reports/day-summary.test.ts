import { describe, expect, it } from 'vitest';
import { points } from '../money/money';
import { rub, testAccount } from '../testing/test-account';
import { dayAt } from '../testing/test-terminal';
import { summarizeDay } from './day-summary';

describe('summarizeDay', () => {
  it('a day of sales, a redemption and a partial refund, from the real engine', () => {
    const account = testAccount();
    account.buy(dayAt(0, 10), rub(6000)); // an earlier day: points to spend today
    const first = account.buy(dayAt(30, 10), rub(1000));
    const available = account.balance(dayAt(30, 11)).available;
    const second = account.buy(dayAt(30, 11), rub(2000), Math.min(available, 300));
    const refund = account.refund(dayAt(30, 12), first, [rub(400)]);
    const day = summarizeDay([...first.entries, ...second.entries, ...refund.entries]);
    const spent = -(second.entries.find((e) => e.kind === 'redemption')?.points ?? points(0));
    expect(day).toMatchObject({
      sales: 2,
      salesMinor: first.quote.toPay + second.quote.toPay,
      pointsAccrued: first.quote.accrual.points + second.quote.accrual.points,
      pointsSpent: spent,
      refunds: 1,
      moneyReturnedMinor: rub(400),
    });
    expect(spent).toBeGreaterThan(0);
    expect(day.pointsReversed).toBeGreaterThan(0);
  });

  it('an entry repeated counts once', () => {
    const account = testAccount();
    const sale = account.buy(dayAt(30, 10), rub(1000));
    expect(summarizeDay([...sale.entries, ...sale.entries]).sales).toBe(1);
    expect(summarizeDay([...sale.entries, ...sale.entries]).pointsAccrued).toBe(
      sale.quote.accrual.points,
    );
  });
});
