import { z } from 'zod';
import { WEEKDAYS, parseTimeOfDay } from '../time/zoned-time';

/**
 * A loyalty program is data: a versioned configuration published by the chain, validated by
 * this schema wherever it enters (server publish, terminal pull, files). Units are in the
 * field names: `…Minor` is money in minor units (kopecks), `…Bp` a rate in basis points
 * (500 = 5 %), `…Percent` a multiplier in percent (200 = ×2), `…Days` whole days.
 * Unknown fields are rejected, so a misspelt setting is an error rather than silently ignored.
 */

const minor = z.int().nonnegative();
const rateBp = z.int().min(0).max(10_000);
const multiplierPercent = z
  .int()
  .min(100, 'must be at least 100 (×1)')
  .max(1_000, 'must be at most 1000 (×10)');
const days = z.int().min(1).max(3_650);
const timeOfDay = z
  .string()
  .refine((t) => parseTimeOfDay(t) !== null, 'must be a time HH:MM between 00:00 and 24:00');
const weekday = z.enum(WEEKDAYS as [string, ...string[]]);

export const PROGRAM_KINDS = [
  'points',
  'discount-card',
  'tiers',
  'cashback',
  'paid-club',
  'hybrid',
] as const;

const tierLevel = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'must be 1–20 lower-case letters, digits or hyphens'),
  name: z.string().min(1).max(40),
  minSpendMinor: minor,
  accrualRateBp: rateBp,
  discountBp: rateBp.default(0),
});

const bonus = z.strictObject({
  points: z.int().positive(),
  /** null: the bonus points never expire. */
  expiresAfterDays: days.nullable(),
});

const happyHour = z.strictObject({
  weekdays: z.array(weekday).min(1),
  from: timeOfDay,
  to: timeOfDay,
  multiplierPercent,
});

export const programSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    programId: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lower-case letters, digits or hyphens'),
    version: z.int().positive(),
    name: z.string().min(1).max(80),
    currency: z.literal('RUB'),
    kinds: z.array(z.enum(PROGRAM_KINDS)).min(1),
    /** Money value of one point: 100 = 1 point is 1,00 ₽; cashback programs use 1 (1 kopeck). */
    pointValueMinor: z.int().positive(),
    /** The accrual rate when the program has no tiers. */
    accrual: z.strictObject({ rateBp }).optional(),
    tiers: z
      .strictObject({
        /** Spend is summed over this many days back from the moment of the sale. */
        windowDays: days,
        levels: z.array(tierLevel).min(1),
      })
      .optional(),
    /** Discount-card programs: this share off every purchase. */
    discount: z.strictObject({ rateBp }).optional(),
    redemption: z
      .strictObject({
        /** At most this share of the bill (after discounts) may be paid with points. */
        maxShareBp: rateBp.min(1),
        /** Fewer points than this cannot be spent in one purchase. */
        minPoints: z.int().positive(),
        /** If false the customer spends either the maximum or nothing. */
        allowPartial: z.boolean().default(true),
      })
      .optional(),
    /** Accrued points become available this many days after the sale (the return window). */
    pendingDays: z.int().min(0).max(365),
    /** Per accrual lot: expiry this many days after availability; null = points never expire. */
    expiry: z.strictObject({ days, warnDays: z.int().min(0).max(365) }).nullable(),
    bonuses: z
      .strictObject({
        welcome: bonus.optional(),
        /** Granted once a year when the customer is served inside the window; expires at its end. */
        birthday: z
          .strictObject({
            points: z.int().positive(),
            daysBefore: z.int().min(0).max(31),
            daysAfter: z.int().min(0).max(31),
          })
          .optional(),
        /** Credited to the referrer after the referred customer's first purchase. */
        referral: bonus.optional(),
      })
      .default({}),
    happyHours: z.array(happyHour).default([]),
    /** After a purchase that did not use the offer: the next purchase within `days` gets both. */
    nextPurchaseOffer: z.strictObject({ days, multiplierPercent, discountBp: rateBp }).optional(),
    categoryMultipliers: z
      .array(z.strictObject({ category: z.string().min(1).max(40), multiplierPercent }))
      .default([]),
    /** How several multipliers on one line combine: only the highest, or their product. */
    multiplierStacking: z.enum(['highest', 'multiply']).default('highest'),
    club: z
      .strictObject({
        feeMinor: z.int().positive(),
        periodDays: days,
        discountBp: rateBp,
        multiplierPercent,
      })
      .optional(),
  })
  .superRefine((program, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const has = (kind: (typeof PROGRAM_KINDS)[number]): boolean => program.kinds.includes(kind);
    const earnsPoints = has('points') || has('cashback') || has('hybrid');

    if (new Set(program.kinds).size !== program.kinds.length)
      issue(['kinds'], 'lists a kind twice');
    if (earnsPoints && !program.accrual && !program.tiers) {
      issue(['accrual'], 'is required for a points, cashback or hybrid program (or give tiers)');
    }
    if (program.accrual && program.tiers) {
      issue(
        ['accrual'],
        'must be left out when tiers are given: each tier has its own accrual rate',
      );
    }
    if (earnsPoints && !program.redemption) {
      issue(['redemption'], 'is required for a points, cashback or hybrid program');
    }
    if ((has('discount-card') || has('hybrid')) && !program.discount) {
      issue(['discount'], 'is required for a discount-card or hybrid program');
    }
    if (has('tiers') && !program.tiers) issue(['tiers'], 'is required for a tiers program');
    if (program.tiers && !has('tiers'))
      issue(['kinds'], 'must include "tiers" when tiers are given');
    if (has('paid-club') && !program.club) issue(['club'], 'is required for a paid-club program');
    if (has('cashback') && program.pointValueMinor !== 1) {
      issue(['pointValueMinor'], 'must be 1 for a cashback program (one point is one kopeck)');
    }

    const levels = program.tiers?.levels ?? [];
    if (levels[0] && levels[0].minSpendMinor !== 0) {
      issue(
        ['tiers', 'levels', 0, 'minSpendMinor'],
        'must be 0: the first tier is where everybody starts',
      );
    }
    levels.forEach((level, i) => {
      const previous = levels[i - 1];
      if (previous && level.minSpendMinor <= previous.minSpendMinor) {
        issue(
          ['tiers', 'levels', i, 'minSpendMinor'],
          `must be greater than tiers.levels[${i - 1}].minSpendMinor`,
        );
      }
      if (levels.findIndex((l) => l.id === level.id) !== i) {
        issue(['tiers', 'levels', i, 'id'], `"${level.id}" is used by another tier`);
      }
    });

    program.happyHours.forEach((window, i) => {
      const from = parseTimeOfDay(window.from);
      const to = parseTimeOfDay(window.to);
      if (from !== null && to !== null && from >= to) {
        issue(['happyHours', i, 'to'], 'must be later than "from" (a window ends the same day)');
      }
    });

    const categories = program.categoryMultipliers.map((c) => c.category);
    categories.forEach((category, i) => {
      if (categories.indexOf(category) !== i) {
        issue(['categoryMultipliers', i, 'category'], `"${category}" is listed twice`);
      }
    });
  });

export type Program = z.output<typeof programSchema>;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export type TierLevel = z.output<typeof tierLevel>;
