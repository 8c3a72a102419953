import type { SyncStatus } from './sync-loop';

/** Messages between the page and the sync worker (both sides are this app's own code). */
export type ToSyncWorker =
  | { readonly type: 'start'; readonly databaseName: string }
  | { readonly type: 'sync-now'; readonly requestId: number }
  | { readonly type: 'link'; readonly online: boolean };

/** What the page shows about sync. */
export type SyncView = {
  /** False until the terminal is registered with a central server (demo without server). */
  readonly registered: boolean;
  /** False while another window of this terminal holds the sync (it shows its own status). */
  readonly leader: boolean;
  readonly status: SyncStatus;
  /** Messages in the outbox, not yet answered by the server. */
  readonly waiting: number;
  /** Customers loaded by the first copy of the chain, while it runs. */
  readonly bootstrap: { readonly done: number; readonly total: number } | null;
};

export type FromSyncWorker =
  | { readonly type: 'view'; readonly view: SyncView }
  | { readonly type: 'synced'; readonly requestId: number; readonly view: SyncView };
