import { MAX_PULL_PAGE } from '../../shared/sync/protocol';
import type { TerminalDatabase } from '../db/terminal-database';
import { applyPullPage, readCursor } from './apply-pull-page';
import { bootstrapIfNeeded } from './bootstrap';
import type { BootstrapProgress } from './bootstrap';
import { pushOutbox } from './push-outbox';
import type { PushSummary } from './push-outbox';
import type { SyncTransport } from './sync-transport';

export type SyncReport = {
  readonly pushed: PushSummary;
  readonly pulled: number;
  readonly cursor: number;
  /** Program versions received in this round. */
  readonly programs: readonly number[];
  /** The newest clock stamp received, for the terminal's clock to continue after it. */
  readonly newestStamp: string | null;
};

/**
 * One sync round: the outbox first (this terminal's facts reach the server), the bootstrap
 * snapshot if this terminal has none yet, then every page of changes after the cursor. Any failure throws a SyncError and leaves the local
 * store consistent: each batch answered and each page applied is committed on its own.
 */
export async function syncOnce(
  db: TerminalDatabase,
  transport: SyncTransport,
  options: {
    readonly now: () => number;
    readonly pageSize?: number;
    readonly maxPages?: number;
    readonly onBootstrap?: (progress: BootstrapProgress) => void;
  },
): Promise<SyncReport> {
  const pushed = await pushOutbox(db, transport, { now: options.now });
  await bootstrapIfNeeded(db, transport, {
    now: options.now,
    ...(options.onBootstrap ? { onProgress: options.onBootstrap } : {}),
  });
  let pulled = 0;
  const programs: number[] = [];
  let newestStamp: string | null = null;
  let cursor = await readCursor(db);
  for (let page = 0; page < (options.maxPages ?? 10_000); page++) {
    const answer = await transport.pull(cursor, options.pageSize ?? MAX_PULL_PAGE);
    const applied = await applyPullPage(db, answer, options.now());
    programs.push(...applied.programs);
    if (applied.newestStamp !== null && (newestStamp === null || applied.newestStamp > newestStamp))
      newestStamp = applied.newestStamp;
    pulled += answer.changes.length;
    cursor = answer.cursor;
    if (!answer.more) break;
  }
  return { pushed, pulled, cursor, programs, newestStamp };
}
