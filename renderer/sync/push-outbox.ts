import { outboxMessageSchema } from '../../shared/sync/outbox-message';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { MAX_PUSH_BATCH } from '../../shared/sync/protocol';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';
import type { TerminalDatabase } from '../db/terminal-database';
import type { SyncTransport } from './sync-transport';

export type PushSummary = {
  readonly applied: number;
  readonly duplicate: number;
  readonly rejected: number;
};

/**
 * Sends the outbox in order, in batches, until it is empty. A message leaves the outbox only
 * in the transaction that records the server's answer for it: an answer lost on the way
 * leaves it queued, and sending it again is safe (the server answers `duplicate`). A message
 * the server rejects is kept in syncProblems with the reason, so the ones behind it go on;
 * so is a queued row this version cannot read.
 */
export async function pushOutbox(
  db: TerminalDatabase,
  transport: SyncTransport,
  options: {
    readonly batchSize?: number;
    readonly now: () => number;
    readonly maxBatches?: number;
  },
): Promise<PushSummary> {
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
  const summary = { applied: 0, duplicate: 0, rejected: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 1_000); batch++) {
    const rows: unknown[] = await db.outbox.orderBy('seq').limit(batchSize).toArray();
    if (rows.length === 0) break;
    const messages: OutboxMessage[] = [];
    const seqById = new Map<string, number>();
    for (const row of rows) {
      const { seq, ...message } = row as { seq: number };
      const parsed = outboxMessageSchema.safeParse(message);
      if (parsed.success) {
        messages.push(parsed.data);
        seqById.set(parsed.data.id, seq);
      } else {
        await quarantine(
          db,
          seq,
          row,
          describeSchemaProblems(schemaProblems(parsed.error)),
          options.now(),
        );
      }
    }
    if (messages.length === 0) continue;
    const answer = await transport.push(messages);
    await db.transaction('rw', [db.outbox, db.syncProblems], async () => {
      for (const result of answer.results) {
        const seq = seqById.get(result.id);
        if (seq === undefined) continue; // an answer for a message not sent: ignore it
        seqById.delete(result.id);
        summary[result.status] += 1;
        if (result.status === 'rejected') {
          const message = messages.find((m) => m.id === result.id);
          await db.syncProblems.put({
            id: result.id,
            reason: result.reason,
            detail: result.detail,
            at: options.now(),
            message,
          });
        }
        await db.outbox.delete(seq);
      }
    });
    // Messages the answer did not mention stay queued; try them on the next round.
    if (seqById.size > 0) break;
  }
  return summary;
}

async function quarantine(
  db: TerminalDatabase,
  seq: number,
  row: unknown,
  problems: string,
  at: number,
): Promise<void> {
  const rowId = (row as { id?: unknown }).id;
  const id = typeof rowId === 'string' ? rowId : `seq-${String(seq)}`;
  await db.transaction('rw', [db.outbox, db.syncProblems], async () => {
    await db.syncProblems.put({ id, reason: 'unreadable', detail: problems, at, message: row });
    await db.outbox.delete(seq);
  });
}
