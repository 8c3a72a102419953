import { points } from '../money/money';
import type { Program } from '../program/program-schema';
import type { BonusEntry } from '../ledger/ledger-entry';
import { entryOrigin } from '../ledger/operation-context';
import type { OperationContext } from '../ledger/operation-context';
import { DAY_MS } from '../time/zoned-time';

/**
 * The welcome bonus at enrolment: available at once, expiring after its own period (demo: 200
 * points for 90 days). Its unique key is the customer, so a retried enrolment or a
 * second grant from another terminal counts once.
 */
export function welcomeBonus(
  program: Program,
  customerId: string,
  ctx: OperationContext,
): BonusEntry | null {
  const rule = program.bonuses.welcome;
  if (!rule) return null;
  return {
    ...entryOrigin(ctx, customerId, program.version),
    kind: 'bonus',
    bonus: 'welcome',
    points: points(rule.points),
    availableAt: ctx.now,
    expiresAt: rule.expiresAfterDays === null ? null : ctx.now + rule.expiresAfterDays * DAY_MS,
    uniqueKey: `welcome:${customerId}`,
  };
}
