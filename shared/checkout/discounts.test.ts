import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { cascadeDiscounts } from './discounts';

const none = { tier: null, clubMember: false, nextPurchaseOffer: false };

describe('cascadeDiscounts: worked examples of discounts.ts', () => {
  it('1 500,00 ₽ with the next-purchase offer: 5 % → 75,00 ₽', () => {
    const applied = cascadeDiscounts(demoProgram, money(150_000), {
      ...none,
      nextPurchaseOffer: true,
    });
    expect(applied).toEqual([{ rule: 'next-purchase', rate: 500, amount: 7_500 }]);
  });

  it('1 000,00 ₽ with a 3 % card then the 5 % offer: 30,00 ₽ then 5 % of 970,00 ₽ = 48,50 ₽', () => {
    const program = demoProgramWith({
      kinds: ['points', 'tiers', 'discount-card'],
      discount: { rateBp: 300 },
    });
    const applied = cascadeDiscounts(program, money(100_000), { ...none, nextPurchaseOffer: true });
    expect(applied.map((d) => [d.rule, d.amount])).toEqual([
      ['discount-card', 3_000],
      ['next-purchase', 4_850],
    ]);
  });

  it('999,99 ₽ with a 3 % card: 29,9997 ₽ rounds down to 29,99 ₽', () => {
    const program = demoProgramWith({
      kinds: ['points', 'tiers', 'discount-card'],
      discount: { rateBp: 300 },
    });
    expect(cascadeDiscounts(program, money(99_999), none)).toEqual([
      { rule: 'discount-card', rate: 300, amount: 2_999 },
    ]);
  });

  it('no discount applies without a qualifying fact', () => {
    expect(cascadeDiscounts(demoProgram, money(100_000), none)).toEqual([]);
  });
});
