import { describe, expect, it } from 'vitest';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { parseProgram } from './parse-program';

describe('the demo program shipped in resources/', () => {
  it('is valid and says what DOMAIN.md says', () => {
    const parsed = parseProgram(demoProgramJson);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const program = parsed.value;
    expect(program.pointValueMinor, '1 point = 1,00 ₽').toBe(100);
    expect(program.tiers?.levels.map((l) => [l.id, l.minSpendMinor, l.accrualRateBp])).toEqual([
      ['base', 0, 500],
      ['silver', 1_500_000, 700],
      ['gold', 5_000_000, 1_000],
    ]);
    expect(program.redemption).toEqual({ maxShareBp: 3_000, minPoints: 100, allowPartial: true });
    expect(program.pendingDays).toBe(14);
    expect(program.expiry?.days).toBe(365);
    expect(program.bonuses.welcome).toEqual({ points: 200, expiresAfterDays: 90 });
    expect(program.bonuses.birthday).toEqual({ points: 500, daysBefore: 7, daysAfter: 7 });
    expect(program.bonuses.referral?.points).toBe(300);
    expect(program.happyHours).toEqual([
      {
        weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        from: '10:00',
        to: '12:00',
        multiplierPercent: 200,
      },
    ]);
    expect(program.nextPurchaseOffer).toEqual({
      days: 30,
      multiplierPercent: 200,
      discountBp: 500,
    });
  });
});

describe('parseProgram refuses invalid configurations, naming the field', () => {
  const demo = demoProgramJson as Record<string, unknown>;
  const tiers = demoProgramJson.tiers;

  it.each([
    ['not an object', 'hello', '(value)'],
    ['unknown setting (typo)', { ...demo, pendingDay: 14 }, 'pendingDay'],
    ['missing pending period', { ...demo, pendingDays: undefined }, 'pendingDays'],
    [
      'a fractional rate',
      { ...demo, tiers: { ...tiers, levels: [{ ...tiers.levels[0], accrualRateBp: 5.5 }] } },
      'tiers.levels[0].accrualRateBp',
    ],
    [
      'a rate over 100 %',
      { ...demo, redemption: { maxShareBp: 10_001, minPoints: 100 } },
      'redemption.maxShareBp',
    ],
    [
      'tiers out of order',
      { ...demo, tiers: { ...tiers, levels: [tiers.levels[0], tiers.levels[2], tiers.levels[1]] } },
      'tiers.levels[2].minSpendMinor',
    ],
    [
      'first tier not at 0',
      { ...demo, tiers: { ...tiers, levels: [tiers.levels[1]] } },
      'tiers.levels[0].minSpendMinor',
    ],
    [
      'happy hours ending before they start',
      {
        ...demo,
        happyHours: [{ weekdays: ['mon'], from: '12:00', to: '10:00', multiplierPercent: 200 }],
      },
      'happyHours[0].to',
    ],
    [
      'a time that is not a time',
      {
        ...demo,
        happyHours: [{ weekdays: ['mon'], from: '25:00', to: '26:00', multiplierPercent: 200 }],
      },
      'happyHours[0].from',
    ],
    [
      'an unknown weekday',
      {
        ...demo,
        happyHours: [{ weekdays: ['funday'], from: '10:00', to: '12:00', multiplierPercent: 200 }],
      },
      'happyHours[0].weekdays[0]',
    ],
    [
      'a multiplier under ×1',
      { ...demo, nextPurchaseOffer: { days: 30, multiplierPercent: 50, discountBp: 500 } },
      'nextPurchaseOffer.multiplierPercent',
    ],
    ['points program without redemption', { ...demo, redemption: undefined }, 'redemption'],
    ['both a flat rate and tiers', { ...demo, accrual: { rateBp: 500 } }, 'accrual'],
    ['discount card without a discount', { ...demo, kinds: ['discount-card'] }, 'discount'],
    [
      'paid club without club settings',
      { ...demo, kinds: ['points', 'tiers', 'paid-club'] },
      'club',
    ],
    [
      'cashback with points worth a rouble',
      { ...demo, kinds: ['cashback', 'tiers'] },
      'pointValueMinor',
    ],
    ['an empty list of kinds', { ...demo, kinds: [] }, 'kinds'],
    [
      'a category listed twice',
      {
        ...demo,
        categoryMultipliers: [
          { category: 'tea', multiplierPercent: 200 },
          { category: 'tea', multiplierPercent: 300 },
        ],
      },
      'categoryMultipliers[1].category',
    ],
  ])('%s → a problem at %s', (_label, input, field) => {
    const parsed = parseProgram(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.error.map((p) => p.field);
    expect(fields, parsed.error.map((p) => `${p.field}: ${p.message}`).join('; ')).toContain(field);
    for (const problem of parsed.error)
      expect(problem.message.length, 'every problem says what is wrong').toBeGreaterThan(3);
  });

  it('accepts a plain discount card and a cashback program', () => {
    const discountCard = {
      schemaVersion: 1,
      programId: 'card',
      version: 1,
      name: 'Card',
      currency: 'RUB',
      kinds: ['discount-card'],
      pointValueMinor: 100,
      discount: { rateBp: 300 },
      pendingDays: 0,
      expiry: null,
    };
    expect(parseProgram(discountCard).ok).toBe(true);
    const cashback = {
      ...discountCard,
      kinds: ['cashback'],
      pointValueMinor: 1,
      discount: undefined,
      accrual: { rateBp: 300 },
      redemption: { maxShareBp: 10_000, minPoints: 1 },
    };
    expect(parseProgram(cashback).ok).toBe(true);
  });
});
