import { describe, expect, it } from 'vitest';
import { money, points } from '../money/money';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { checkRedemption, redemptionRange } from './redemption-limit';

describe('redemptionRange: worked examples of redemption-limit.ts (cap 30 %, minimum 100)', () => {
  it.each([
    [200_000, 300, 300, 'balance'],
    [200_000, 1_000, 600, 'cap'],
    [33_333, 1_000, 0, 'below-minimum'],
    [100_000, 80, 0, 'below-minimum'],
    [100_000, -50, 0, 'below-minimum'],
  ] as const)('bill %i kopecks, %i available → at most %i points (%s)', (bill, available, max, limitedBy) => {
    const range = redemptionRange(demoProgram, money(bill), points(available));
    expect(range.maxPoints, `min(floor(${bill} × 30 % ÷ 100), ${available}), 0 if under 100`).toBe(max);
    expect(range.limitedBy).toBe(limitedBy);
  });

  it('a program without redemption allows none', () => {
    const discountOnly = demoProgramWith({ kinds: ['discount-card'], tiers: undefined, redemption: undefined, discount: { rateBp: 300 } });
    expect(redemptionRange(discountOnly, money(100_000), points(1_000))).toMatchObject({ maxPoints: 0, limitedBy: 'no-redemption' });
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
