import { points } from '../money/money';
import type { Points } from '../money/money';
import type { Program } from '../program/program-schema';
import { DAY_MS } from '../time/zoned-time';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import type { AdjustmentEntry } from './ledger-entry';
import { entryOrigin } from './operation-context';
import type { OperationContext } from './operation-context';

/**
 * A manager's manual correction of a balance. It always has a reason and an author and stays
 * in the ledger (the audit trail); it never edits or deletes another entry. Added points are
 * available at once and expire like accruals; removed points are taken like a redemption.
 */
export type AdjustmentRequest = {
  readonly customerId: string;
  readonly points: Points;
  readonly reason: string;
  /** The manager who approved the correction (may differ from the signed-in cashier). */
  readonly authorId: string;
};

export type AdjustmentError =
  | { readonly code: 'zero-points' }
  | { readonly code: 'reason-required' }
  | { readonly code: 'reason-too-long'; readonly maxLength: number };

export const ADJUSTMENT_REASON_MAX_LENGTH = 500;

export function manualAdjustment(
  program: Program,
  request: AdjustmentRequest,
  ctx: OperationContext,
): Result<AdjustmentEntry, AdjustmentError> {
  if (request.points === 0) return err({ code: 'zero-points' });
  const reason = request.reason.trim();
  if (reason.length < 3) return err({ code: 'reason-required' });
  if (reason.length > ADJUSTMENT_REASON_MAX_LENGTH) {
    return err({ code: 'reason-too-long', maxLength: ADJUSTMENT_REASON_MAX_LENGTH });
  }
  return ok({
    ...entryOrigin(ctx, request.customerId, program.version),
    kind: 'adjustment',
    points: points(request.points),
    reason,
    authorId: request.authorId,
    availableAt: ctx.now,
    expiresAt: request.points > 0 && program.expiry ? ctx.now + program.expiry.days * DAY_MS : null,
  });
}
