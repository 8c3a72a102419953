import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { maximumAccrual } from './accrual-bound';

describe('maximumAccrual: the most points any checkout can earn for the money paid', () => {
  it.each([
    // spend (kopecks), bound: top rate 10 % × the largest multiplier ×2 (stacking: highest)
    [100_000, 200],
    [99_999, 199],
    [0, 0],
  ])('demo program, %i kopecks paid → at most %i points', (spend, bound) => {
    expect(maximumAccrual(demoProgram, money(spend))).toBe(bound);
  });

  it('with stacking "multiply", the multipliers multiply: ×2 happy hours × ×2 next purchase', () => {
    const program = demoProgramWith({ multiplierStacking: 'multiply' });
    expect(maximumAccrual(program, money(100_000))).toBe(400);
  });

  it('without tiers or campaigns, the base rate alone', () => {
    const program = demoProgramWith({
      kinds: ['points'],
      tiers: undefined,
      accrual: { rateBp: 300 },
      happyHours: [],
      nextPurchaseOffer: undefined,
    });
    expect(maximumAccrual(program, money(100_000))).toBe(30);
  });
});
