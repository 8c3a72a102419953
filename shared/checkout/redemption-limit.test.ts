import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualAdjustment } from '../ledger/adjustment';
import { money, points } from '../money/money';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { testAccount } from '../testing/test-account';
import { dayAt, STORE_TIME_ZONE, testTerminal } from '../testing/test-terminal';
import { quoteCheckout } from './quote';
import { checkRedemption, redemptionRange } from './redemption-limit';

describe('redemptionRange: worked examples of redemption-limit.ts (cap 30 %, minimum 100)', () => {
  it.each([
    [200_000, 300, 300, 'balance'],
    [200_000, 1_000, 600, 'cap'],
    [33_333, 1_000, 0, 'below-minimum'],
    [100_000, 80, 0, 'below-minimum'],
    [100_000, -50, 0, 'below-minimum'],
  ] as const)(
    'bill %i kopecks, %i available → at most %i points (%s)',
    (bill, available, max, limitedBy) => {
      const range = redemptionRange(demoProgram, money(bill), points(available));
      expect(
        range.maxPoints,
        `min(floor(${bill} × 30 % ÷ 100), ${available}), 0 if under 100`,
      ).toBe(max);
      expect(range.limitedBy).toBe(limitedBy);
    },
  );

  it('a program without redemption allows none', () => {
    const discountOnly = demoProgramWith({
      kinds: ['discount-card'],
      tiers: undefined,
      redemption: undefined,
      discount: { rateBp: 300 },
    });
    expect(redemptionRange(discountOnly, money(100_000), points(1_000))).toMatchObject({
      maxPoints: 0,
      limitedBy: 'no-redemption',
    });
  });
});

describe('checkRedemption', () => {
  const range = redemptionRange(demoProgram, money(200_000), points(1_000)); // 100 … 600

  it.each([
    [0, null],
    [100, null],
    [600, null],
    [99, 'below-minimum'],
    [601, 'above-maximum'],
  ] as const)('spending %i points → %s', (requested, code) => {
    expect(checkRedemption(range, points(requested))?.code ?? null).toBe(code);
  });

  it('without partial redemption only the maximum or nothing is accepted', () => {
    const strict = { ...range, allowPartial: false };
    expect(checkRedemption(strict, points(300))?.code).toBe('partial-not-allowed');
    expect(checkRedemption(strict, points(600))).toBeNull();
  });
});

describe('redemption never exceeds the cap or the available balance (property)', () => {
  it('for any balance, basket, offer and requested amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000 }),
        (startingPoints, amounts, hadRecentPurchase, requested) => {
          const terminal = testTerminal();
          const account = testAccount({ terminal });
          if (hadRecentPurchase) account.buy(dayAt(-5), money(10_000)); // grants the next-purchase 5 % off
          if (startingPoints !== 0) {
            const adjust = manualAdjustment(
              demoProgram,
              {
                customerId: account.customerId,
                points: points(startingPoints),
                reason: 'start',
                authorId: 'M1',
              },
              terminal.at(dayAt(-4)),
            );
            if (adjust.ok) account.entries.push(adjust.value);
          }
          const customer = account.customer(dayAt(0));
          const request = {
            lines: amounts.map((amount) => ({ amount: money(amount) })),
            pointsToSpend: points(requested),
          };
          const quote = quoteCheckout(demoProgram, customer, request, {
            now: dayAt(0),
            timeZone: STORE_TIME_ZONE,
          });
          if (!quote.ok) return;
          const { total, redemption } = quote.value;
          const cap = Math.floor(Math.floor((total * 3_000) / 10_000) / 100);
          expect(
            redemption.spent,
            `spent ≤ 30 % of the bill after discounts (${total} kopecks) = ${cap}`,
          ).toBeLessThanOrEqual(cap);
          expect(
            redemption.spent,
            `spent ≤ available ${customer.balance.available}`,
          ).toBeLessThanOrEqual(Math.max(0, customer.balance.available));
          expect(
            redemption.spent === 0 || redemption.spent >= 100,
            'at least the minimum, or nothing',
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
