import { describe, expect, it } from 'vitest';
import { rub, testAccount } from '../testing/test-account';
import { dayAt } from '../testing/test-terminal';

describe('tiers: worked example of tier.ts (Base 0, Silver 15 000 ₽, Gold 50 000 ₽)', () => {
  it('14 000 ₽ + a 1 000 ₽ sale: the sale earns at Base, the next one at Silver', () => {
    const account = testAccount();
    account.buy(dayAt(-100), rub(14_000));
    const sale = account.buy(dayAt(0), rub(1_000));
    expect(sale.quote.tier?.current.id, 'tier before the sale: 14 000 ₽').toBe('base');
    expect(sale.quote.accrual.points, '1 000 ₽ × 5 %').toBe(50);
    expect(account.balance(dayAt(1)).tier?.current.id, 'after: 15 000 ₽').toBe('silver');
  });

  it('49 999,99 ₽ + 0,01 ₽ reaches Gold exactly at 50 000,00 ₽', () => {
    const account = testAccount();
    account.buy(dayAt(-100), rub(49_999.99));
    expect(account.balance(dayAt(0)).tier?.current.id).toBe('silver');
    account.buy(dayAt(0), rub(0.01));
    const tier = account.balance(dayAt(1)).tier;
    expect(tier?.current.id).toBe('gold');
    expect(tier?.next, 'no tier above Gold').toBeNull();
    expect(tier?.spendToNext).toBeNull();
  });

  it('spend older than 365 days leaves the window and the tier goes down', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(15_000));
    expect(account.balance(dayAt(364)).tier?.current.id).toBe('silver');
    expect(account.balance(dayAt(366)).tier?.current.id).toBe('base');
    expect(account.balance(dayAt(366)).lifetimeSpend, 'lifetime spend stays').toBe(rub(15_000));
  });

  it('a refund takes its money back out of the tier spend', () => {
    const account = testAccount();
    const sale = account.buy(dayAt(0), rub(15_000));
    account.refund(dayAt(1), sale, [rub(1_000)]);
    expect(account.balance(dayAt(2)).tier?.spendInWindow, '15 000 ₽ − 1 000 ₽').toBe(rub(14_000));
    expect(account.balance(dayAt(2)).tier?.current.id).toBe('base');
  });
});
