import { describe, expect, it } from 'vitest';
import { points } from '../money/money';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { rub, testAccount } from '../testing/test-account';
import { dayAt, STORE_TIME_ZONE, testTerminal } from '../testing/test-terminal';
import { manualAdjustment } from '../ledger/adjustment';
import { DAY_MS } from '../time/zoned-time';
import { quoteCheckout } from './quote';
import type { CheckoutRequest } from './quote';

const at = (now: number) => ({ now, timeZone: STORE_TIME_ZONE });

/**
 * An account that reached Silver (15 000 ₽ in the window) and holds `available` points at day
 * 20, with no campaign active then (its next-purchase offer ran out on day 10).
 */
function silverCustomerWith(available: number) {
  const terminal = testTerminal();
  const account = testAccount({ terminal });
  account.buy(dayAt(-20), rub(15_000)); // 750 points, available from day −6
  const adjust = manualAdjustment(
    demoProgram,
    {
      customerId: account.customerId,
      points: points(available - 750),
      reason: 'set up the example',
      authorId: 'M1',
    },
    terminal.at(dayAt(-19)),
  );
  if (!adjust.ok) throw new Error('adjustment refused');
  account.entries.push(adjust.value);
  return account;
}

describe('quoteCheckout', () => {
  it('DOMAIN.md worked example: Silver, 2 000,00 ₽, 300 points → pays 1 700,00 ₽, earns 119 pending', () => {
    const account = silverCustomerWith(300);
    const now = dayAt(20); // 750 + (300 − 750) = 300
    const customer = account.customer(now);
    expect(customer.balance.available, '750 accrued − 450 adjusted').toBe(300);
    expect(customer.balance.tier?.current.id, '15 000 ₽ in the last 365 days').toBe('silver');

    const quote = quoteCheckout(
      demoProgram,
      customer,
      { lines: [{ amount: rub(2_000) }], pointsToSpend: points(300) },
      at(now),
    );
    if (!quote.ok) throw new Error(JSON.stringify(quote.error));
    const q = quote.value;
    expect(q.redemption.maxPoints, 'cap 30 % of 2 000 ₽ = 600, balance 300 → 300').toBe(300);
    expect(q.redemption.limitedBy).toBe('balance');
    expect(q.toPay, '2 000,00 ₽ − 300 × 1,00 ₽').toBe(rub(1_700));
    expect(q.accrual.points, '1 700 ₽ × 7 % = 119').toBe(119);
    expect(q.accrual.availableAt, 'pending 14 days').toBe(now + 14 * DAY_MS);
    expect(q.accrual.expiresAt, '365 days after availability').toBe(now + (14 + 365) * DAY_MS);
    expect(q.balanceAfter, 'available 300 − 300, pending 0 + 119').toEqual({
      available: 0,
      pending: 119,
    });
    expect(q.accrual.rules).toEqual([{ rule: 'base', rateBp: 700, tierId: 'silver', points: 119 }]);
  });

  it('happy hours double the accrual and say so', () => {
    const account = testAccount();
    const mondayTenThirty = dayAt(0, 10) + 30 * 60_000;
    const quote = quoteCheckout(
      demoProgram,
      account.customer(mondayTenThirty),
      { lines: [{ amount: rub(1_000) }], pointsToSpend: points(0) },
      at(mondayTenThirty),
    );
    if (!quote.ok) throw new Error(JSON.stringify(quote.error));
    expect(quote.value.accrual.points, '1 000 ₽ × 5 % × 2').toBe(100);
    expect(quote.value.accrual.bonusPoints, 'the extra 50 come from happy hours').toBe(50);
    expect(quote.value.accrual.rules.map((r) => r.rule)).toEqual(['base', 'happy-hours']);
  });

  it('the next purchase within 30 days gets 5 % off and double points; the one after does not', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(1_000));
    const second = account.buy(dayAt(10), rub(1_500));
    expect(second.quote.discounts, '5 % of 1 500 ₽').toEqual([
      { rule: 'next-purchase', rate: 500, amount: rub(75) },
    ]);
    expect(second.quote.accrual.points, '1 425 ₽ × 5 % × 2 = 142,5 → 142').toBe(142);
    expect(second.quote.usesNextPurchaseOffer).toBe(true);
    const third = account.buy(dayAt(11), rub(1_000));
    expect(
      third.quote.usesNextPurchaseOffer,
      'the second purchase used the offer, so it granted none',
    ).toBe(false);
    const fourth = account.buy(dayAt(50), rub(1_000));
    expect(fourth.quote.usesNextPurchaseOffer, 'the third granted one, but 39 days passed').toBe(
      false,
    );
  });

  it('category multipliers apply per line and are listed with their lines', () => {
    const program = demoProgramWith({
      categoryMultipliers: [{ category: 'coffee', multiplierPercent: 300 }],
    });
    const account = testAccount({ program });
    const request: CheckoutRequest = {
      lines: [
        { amount: rub(200), category: 'coffee' },
        { amount: rub(800), category: 'bakery' },
      ],
      pointsToSpend: points(0),
    };
    const quote = quoteCheckout(program, account.customer(dayAt(0)), request, at(dayAt(0)));
    if (!quote.ok) throw new Error(JSON.stringify(quote.error));
    expect(quote.value.accrual.points, '200 ₽ × 5 % × 3 + 800 ₽ × 5 % = 30 + 40').toBe(70);
    expect(quote.value.lines.map((l) => l.pointsEarned)).toEqual([30, 40]);
    expect(quote.value.accrual.rules).toContainEqual({
      rule: 'category',
      category: 'coffee',
      multiplierPercent: 300,
      lineIndexes: [0],
    });
  });

  it('spreads points spent over the lines in proportion, to the kopeck', () => {
    const account = silverCustomerWith(1_000);
    const request: CheckoutRequest = {
      lines: [{ amount: rub(1_500) }, { amount: rub(500) }],
      pointsToSpend: points(301),
    };
    const quote = quoteCheckout(demoProgram, account.customer(dayAt(20)), request, at(dayAt(20)));
    if (!quote.ok) throw new Error(JSON.stringify(quote.error));
    expect(
      quote.value.lines.map((l) => l.pointsSpent),
      '301 split 3 : 1 = 225,75 : 75,25 → 226 : 75',
    ).toEqual([226, 75]);
    expect(
      quote.value.lines.reduce((s, l) => s + l.paid, 0),
      'money paid adds up to the bill minus points',
    ).toBe(quote.value.toPay);
  });

  it.each([
    [{ lines: [], pointsToSpend: 0 }, 'empty-basket'],
    [{ lines: [{ amount: -1 }], pointsToSpend: 0 }, 'negative-amount'],
    [{ lines: [{ amount: 0 }], pointsToSpend: 0 }, 'zero-total'],
    [{ lines: [{ amount: 100_000 }], pointsToSpend: -5 }, 'negative-points'],
    [{ lines: [{ amount: 100_000 }], pointsToSpend: 50 }, 'below-minimum'],
    [{ lines: [{ amount: 100_000 }], pointsToSpend: 301 }, 'above-maximum'],
  ])('refuses %j with %s', (request, code) => {
    const account = silverCustomerWith(1_000);
    const quote = quoteCheckout(
      demoProgram,
      account.customer(dayAt(20)),
      request as unknown as CheckoutRequest,
      at(dayAt(20)),
    );
    expect(quote.ok ? null : quote.error.code).toBe(code);
  });
});
