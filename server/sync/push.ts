import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { PushResult } from '../../shared/sync/protocol';
import type { Sql } from '../db/sql';
import type { ProgramStore } from '../programs/program-store';
import { loadPushState } from './push-load';
import { planPush } from './push-plan';
import { retryOnWriteConflict } from './push-retry';
import { writePushPlan } from './push-store';

/**
 * Applies a batch of outbox messages (already validated and scoped to the sending terminal)
 * in ONE transaction: every message at most once, answered one by one. If the transaction
 * fails nothing of the batch is written and the terminal sends it again, which is safe.
 *
 * Batches run in parallel: the load locks the customers the batch touches (push-load.ts),
 * the write takes the change-log lock only for its changes and the commit (change-log.ts),
 * and a batch that lost a race on a new row is planned again from the start
 * (push-retry.ts), so it answers what it would have answered had it come second.
 */
export async function pushBatch(
  sql: Sql,
  programs: ProgramStore,
  batch: readonly OutboxMessage[],
  receivedAt: number,
): Promise<PushResult[]> {
  return retryOnWriteConflict(() =>
    sql.transaction(async (tx) => {
      const state = await loadPushState(
        tx,
        batch,
        (version) => programs.byVersion(tx, version),
        receivedAt,
      );
      const plan = planPush(state, batch);
      await writePushPlan(tx, plan, state);
      return [...plan.results];
    }),
  );
}
