import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { Sql } from '../../server/db/sql';
import type { ProgramStore } from '../../server/programs/program-store';
import { loadPushState } from '../../server/sync/push-load';
import { planPush } from '../../server/sync/push-plan';
import { writePushPlan } from '../../server/sync/push-store';
import { labelOf } from './timed-sql';

/**
 * The write statements of one push batch under EXPLAIN ANALYZE (PostgreSQL), in a
 * transaction that is rolled back: execution time per statement, and how much of it the
 * foreign-key triggers took. Nothing is written.
 */
export type ExplainedWrite = {
  readonly statement: string;
  readonly rows: number;
  readonly executionMs: number;
  readonly foreignKeyMs: number;
  readonly foreignKeys: Record<string, number>;
};

class Rollback extends Error {}

export async function explainWrites(
  sql: Sql,
  programs: ProgramStore,
  batch: readonly OutboxMessage[],
): Promise<ExplainedWrite[]> {
  const explained: ExplainedWrite[] = [];
  await sql
    .transaction(async (tx) => {
      const state = await loadPushState(
        tx,
        batch,
        (version) => programs.byVersion(tx, version),
        Date.now(),
      );
      await writePushPlan(
        {
          async query(text, params) {
            // Only inserts and updates are explained (EXPLAIN ANALYZE runs them, so the rows
            // are written all the same); the change log's function call runs as it is (its
            // plan would show a function call only).
            if (!/^\s*(insert|update)\b/.test(text)) return tx.query(text, params);
            const rows = await tx.query(`explain (analyze, costs off) ${text}`, params);
            const lines = rows.map((row) => String(row['QUERY PLAN']));
            const foreignKeys: Record<string, number> = {};
            for (const line of lines) {
              const trigger = /^Trigger for constraint (\S+): time=([\d.]+) calls=\d+/.exec(line);
              if (trigger?.[1] && trigger[2]) foreignKeys[trigger[1]] = Number(trigger[2]);
            }
            const execution = /Execution Time: ([\d.]+) ms/.exec(lines.join('\n'));
            const inserted = /Function Scan on jsonb_array_elements .*rows=(\d+)/.exec(
              lines.join('\n'),
            );
            explained.push({
              statement: labelOf(text),
              rows: Number(inserted?.[1] ?? 0),
              executionMs: Number(execution?.[1] ?? 0),
              foreignKeyMs: Object.values(foreignKeys).reduce((sum, ms) => sum + ms, 0),
              foreignKeys,
            });
            return [];
          },
          exec: (text) => tx.exec(text),
        },
        planPush(state, batch),
        state,
      );
      throw new Rollback('explained only');
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return explained;
}
