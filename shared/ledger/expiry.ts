import { points } from '../money/money';
import type { Program } from '../program/program-schema';
import type { ExpiryEntry } from './ledger-entry';
import type { CustomerBalance } from './balance';
import { entryOrigin } from './operation-context';
import type { OperationContext } from './operation-context';

/**
 * Expiry as entries: every lot past its expiry with points left gets one expiry entry for what
 * is left. The balance already leaves such lots out (balance.ts), so writing the entries changes
 * no balance; it records the fact for reports and the audit trail. Idempotent: the entry's
 * unique key is the lot, so running it twice, or on two terminals, expires a lot once.
 *
 * Expiry order is per lot, and spending takes the soonest-expiring lot first (fold-ledger.ts),
 * so what expires is always the newest points left. Worked example (demo: available 14 days
 * after the sale, expiring 365 days after that):
 *
 * | lot          | credited | available from | expires on | after spending 250 on day 100 | expiry entry        |
 * |--------------|----------|----------------|------------|-------------------------------|---------------------|
 * | A: sale day 1  | 200    | day 15         | day 380    | 0 left (expires first, spent first) | none          |
 * | B: sale day 10 | 100    | day 24         | day 389    | 50 left                       | −50 on day 389      |
 */
export function expireDue(
  program: Program,
  customerId: string,
  balance: Pick<CustomerBalance, 'dueForExpiry'>,
  ctx: OperationContext,
): ExpiryEntry[] {
  return balance.dueForExpiry.map(({ lotId, points: left }) => ({
    ...entryOrigin(ctx, customerId, program.version),
    kind: 'expiry' as const,
    points: points(-left),
    lotId,
    uniqueKey: `expiry:${lotId}`,
  }));
}
