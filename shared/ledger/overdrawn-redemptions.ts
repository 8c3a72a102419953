import type { Program } from '../program/program-schema';
import { balanceFromFold } from './balance';
import { compareEntries, EMPTY_FOLD, extendFold } from './fold-ledger';
import type { LedgerFold } from './fold-ledger';
import type { LedgerEntry } from './ledger-entry';

/**
 * Redemptions that spent more than the customer had available just before them: entries in
 * stamp order, the available points (pending ones do not count) at the redemption's time.
 * Two stores spending the same points offline make the later one (by stamp) overdrawn,
 * whichever reached the server first. Returned with the points it was short.
 *
 * | ledger in stamp order                              | overdrawn                      |
 * |----------------------------------------------------|--------------------------------|
 * | +300 available, −300 (store A), −300 (store B)     | store B's, short by 300        |
 * | +300 available, +265 pending, −300, −300           | the second, short by 300       |
 * | +300 available, −100, −100                         | none                           |
 */
export function overdrawnRedemptions(
  entries: readonly LedgerEntry[],
  program: Program,
): { readonly entryId: string; readonly shortBy: number }[] {
  const ordered = [...new Map(entries.map((entry) => [entry.id, entry])).values()].sort(
    compareEntries,
  );
  const overdrawn: { entryId: string; shortBy: number }[] = [];
  let fold: LedgerFold = EMPTY_FOLD;
  for (const entry of ordered) {
    if (entry.kind === 'redemption') {
      const available = balanceFromFold(fold, program, entry.at).available;
      if (available < -entry.points)
        overdrawn.push({ entryId: entry.id, shortBy: -entry.points - Math.max(0, available) });
    }
    fold = extendFold(fold, [entry]) ?? fold;
  }
  return overdrawn;
}
