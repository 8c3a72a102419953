import { serverLinkSchema } from '../db/rows';
import { TerminalDatabase } from '../db/terminal-database';
import { createSyncLoop, INITIAL_SYNC_STATUS } from './sync-loop';
import type { SyncLoop, SyncStatus } from './sync-loop';
import type { FromSyncWorker, SyncView, ToSyncWorker } from './sync-worker-protocol';
import { syncOnce } from './sync-once';
import { httpSyncTransport } from './sync-transport';

/**
 * What runs in the sync worker: it opens the terminal's database (the same IndexedDB the page
 * uses; IndexedDB orders the two sides' transactions), becomes the ONE sync leader of this
 * terminal through a Web Lock (a second window waits), and runs the sync loop. Kept apart
 * from the worker entry so that tests run it in the page.
 */
export type SyncAgentDeps = {
  readonly post: (message: FromSyncWorker) => void;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
  readonly locks?: LockManager;
  readonly intervalMs?: number;
};

const WAITING_REFRESH_MS = 2_000;

export type SyncAgent = { handle(message: ToSyncWorker): void; stop(): void };

export function createSyncAgent(deps: SyncAgentDeps): SyncAgent {
  const now = deps.now ?? Date.now;
  let db: TerminalDatabase | null = null;
  let loop: SyncLoop | null = null;
  let view: SyncView = {
    registered: false,
    leader: false,
    status: INITIAL_SYNC_STATUS,
    waiting: 0,
    bootstrap: null,
  };
  let releaseLock: (() => void) | null = null;
  let counting: ReturnType<typeof setInterval> | null = null;
  const queuedNow: number[] = [];

  const publish = async (status: SyncStatus = view.status): Promise<void> => {
    const waiting = db ? await db.outbox.count() : 0;
    view = { ...view, status, waiting };
    deps.post({ type: 'view', view });
  };

  const syncNow = (requestId: number): void => {
    if (!loop) {
      queuedNow.push(requestId);
      void publish();
      return;
    }
    void loop.syncNow().then(async (status) => {
      await publish(status);
      deps.post({ type: 'synced', requestId, view });
    });
  };

  const start = async (databaseName: string): Promise<void> => {
    const database = new TerminalDatabase(databaseName);
    db = database;
    await database.open();
    const link = serverLinkSchema.safeParse((await database.settings.get('link'))?.value);
    if (!link.success) {
      // Not registered: nothing to sync with. The page restarts the worker after registering.
      for (const requestId of queuedNow.splice(0)) deps.post({ type: 'synced', requestId, view });
      await publish();
      return;
    }
    view = { ...view, registered: true };
    await publish();
    // The page adds messages with every operation: the count shown stays at most 2 s old.
    counting = setInterval(() => void publish(), WAITING_REFRESH_MS);
    const transport = httpSyncTransport({
      ...link.data,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    const locks = deps.locks ?? navigator.locks;
    void locks.request(`loyalty-sync:${databaseName}`, () => {
      view = { ...view, leader: true };
      loop = createSyncLoop({
        runOnce: () =>
          syncOnce(database, transport, {
            now,
            onBootstrap: (progress) => {
              view = { ...view, bootstrap: progress.done < progress.total ? progress : null };
              void publish();
            },
          }),
        now,
        random: Math.random,
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        onStatus: (status) => void publish(status),
        ...(deps.intervalMs === undefined ? {} : { intervalMs: deps.intervalMs }),
      });
      loop.start();
      for (const requestId of queuedNow.splice(0)) syncNow(requestId);
      // Held until the worker stops: exactly one sync loop per terminal.
      return new Promise<void>((resolve) => (releaseLock = resolve));
    });
  };

  return {
    handle(message) {
      switch (message.type) {
        case 'start':
          void start(message.databaseName);
          return;
        case 'sync-now':
          syncNow(message.requestId);
          return;
        case 'link':
          loop?.linkChanged(message.online);
          return;
      }
    },
    stop() {
      if (counting !== null) clearInterval(counting);
      loop?.stop();
      releaseLock?.();
      db?.close();
    },
  };
}
