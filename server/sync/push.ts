import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { PushResult } from '../../shared/sync/protocol';
import type { Sql } from '../db/sql';
import type { ProgramStore } from '../programs/program-store';
import { lockChangeLog } from './change-log';
import { planPush } from './push-plan';
import { loadPushState, writePushPlan } from './push-store';

/**
 * Applies a batch of outbox messages (already validated and scoped to the sending terminal)
 * in ONE transaction: every message at most once, answered one by one. If the transaction
 * fails nothing of the batch is written and the terminal sends it again, which is safe.
 */
export async function pushBatch(
  sql: Sql,
  programs: ProgramStore,
  batch: readonly OutboxMessage[],
  receivedAt: number,
): Promise<PushResult[]> {
  return sql.transaction(async (tx) => {
    await lockChangeLog(tx);
    const state = await loadPushState(
      tx,
      batch,
      (version) => programs.byVersion(tx, version),
      receivedAt,
    );
    const plan = planPush(state, batch);
    await writePushPlan(tx, plan);
    return [...plan.results];
  });
}
