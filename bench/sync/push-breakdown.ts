import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { pushRequestSchema } from '../../shared/sync/protocol';
import type { Sql } from '../../server/db/sql';
import type { ProgramStore } from '../../server/programs/program-store';
import { loadPushState } from '../../server/sync/push-load';
import { planPush } from '../../server/sync/push-plan';
import { writePushPlan } from '../../server/sync/push-store';

/**
 * Where one push's time goes on the server, step by step, by calling the server's own
 * functions in the order POST /v1/push does (sync-api.ts → push.ts pushBatch): JSON.parse of
 * the body, the protocol's zod schema, then in one transaction loadPushState (which locks
 * the batch's customers), planPush, writePushPlan (which takes the change-log lock for its
 * changes), and the commit; then the answer's JSON.stringify. Only the HTTP layer,
 * authentication and pushBatch's retry of a batch that lost a race (none here: one pusher)
 * are left out. If pushBatch changes, this sequence must follow it.
 */
export const BREAKDOWN_STEPS = [
  'JSON.parse body',
  'zod pushRequestSchema',
  'loadPushState',
  'planPush',
  'writePushPlan',
  'begin+commit',
  'JSON.stringify answer',
] as const;
export type BreakdownStep = (typeof BREAKDOWN_STEPS)[number];

export type BatchBreakdown = Record<BreakdownStep, number> & {
  readonly messages: number;
  readonly applied: number;
  readonly totalMs: number;
};

export async function pushWithBreakdown(
  sql: Sql,
  programs: ProgramStore,
  body: string,
): Promise<BatchBreakdown> {
  const t0 = performance.now();
  const json: unknown = JSON.parse(body);
  const t1 = performance.now();
  const messages: readonly OutboxMessage[] = pushRequestSchema.parse(json).messages;
  const t2 = performance.now();
  const inside = { load: 0, plan: 0, write: 0, work: 0 };
  const results = await sql.transaction(async (tx) => {
    const w0 = performance.now();
    const state = await loadPushState(
      tx,
      messages,
      (version) => programs.byVersion(tx, version),
      Date.now(),
    );
    const w1 = performance.now();
    const plan = planPush(state, messages);
    const w2 = performance.now();
    await writePushPlan(tx, plan, state);
    const w3 = performance.now();
    Object.assign(inside, { load: w1 - w0, plan: w2 - w1, write: w3 - w2, work: w3 - w0 });
    return [...plan.results];
  });
  const t3 = performance.now();
  JSON.stringify({ results });
  const t4 = performance.now();
  return {
    messages: messages.length,
    applied: results.filter((result) => result.status === 'applied').length,
    totalMs: t4 - t0,
    'JSON.parse body': t1 - t0,
    'zod pushRequestSchema': t2 - t1,
    loadPushState: inside.load,
    planPush: inside.plan,
    writePushPlan: inside.write,
    'begin+commit': t3 - t2 - inside.work,
    'JSON.stringify answer': t4 - t3,
  };
}
