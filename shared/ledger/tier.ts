import { money } from '../money/money';
import type { Money } from '../money/money';
import type { Program, TierLevel } from '../program/program-schema';
import { DAY_MS } from '../time/zoned-time';
import type { SaleTotals } from './fold-ledger';

/**
 * A customer's tier follows the money paid over a rolling window (365 days in the demo),
 * counted at the moment asked: a sale counts while `now - windowDays < sale.at <= now`, net
 * of what was refunded. The tier can therefore go down as old purchases leave the window.
 * The tier at a sale is the one reached BEFORE that sale; the sale counts from the next one.
 *
 * Worked example (demo tiers Base 0 → 5 %, Silver 15 000 ₽ → 7 %, Gold 50 000 ₽ → 10 %):
 *
 * | spend in window before | sale paid | tier applied to sale | spend after | tier after |
 * |------------------------|-----------|----------------------|-------------|------------|
 * | 14 000,00 ₽            | 1 000,00 ₽| Base (5 %)           | 15 000,00 ₽ | Silver     |
 * | 49 999,99 ₽            | 0,01 ₽    | Silver (7 %)         | 50 000,00 ₽ | Gold       |
 * | 15 000,00 ₽, 366 days old | —      | —                    | 0,00 ₽      | Base       |
 */
export type TierStatus = {
  readonly current: TierLevel;
  readonly next: TierLevel | null;
  readonly spendInWindow: Money;
  /** How much more to spend within the window to reach the next tier; null at the top. */
  readonly spendToNext: Money | null;
  readonly windowDays: number;
};

export function spendInWindow(sales: Iterable<SaleTotals>, windowDays: number, now: number): Money {
  const from = now - windowDays * DAY_MS;
  let total = 0;
  for (const sale of sales) {
    if (sale.at > from && sale.at <= now) total += sale.spend - sale.spendReturned;
  }
  return money(total);
}

export function lifetimeSpend(sales: Iterable<SaleTotals>): Money {
  let total = 0;
  for (const sale of sales) total += sale.spend - sale.spendReturned;
  return money(total);
}

/** The tier for a given spend, or null for a program without tiers. */
export function tierForSpend(
  program: Program,
  spend: Money,
  windowDays: number,
): TierStatus | null {
  const levels = program.tiers?.levels;
  if (!levels) return null;
  let index = 0;
  levels.forEach((level, i) => {
    if (spend >= level.minSpendMinor) index = i;
  });
  const current = levels[index];
  if (!current) return null;
  const next = levels[index + 1] ?? null;
  return {
    current,
    next,
    spendInWindow: spend,
    spendToNext: next ? money(next.minSpendMinor - spend) : null,
    windowDays,
  };
}

export function tierStatus(
  program: Program,
  sales: Iterable<SaleTotals>,
  now: number,
): TierStatus | null {
  if (!program.tiers) return null;
  const { windowDays } = program.tiers;
  return tierForSpend(program, spendInWindow(sales, windowDays, now), windowDays);
}
