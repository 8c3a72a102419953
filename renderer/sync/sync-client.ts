import type { FromSyncWorker, SyncView, ToSyncWorker } from './sync-worker-protocol';

/** The page's handle on the sync worker. */
export type SyncClient = {
  syncNow(): Promise<SyncView>;
  stop(): void;
};

/**
 * Starts the sync worker on the terminal's database and forwards the browser's online and
 * offline events to it; `onView` receives every change of the sync view.
 */
export function startSyncWorker(
  databaseName: string,
  onView: (view: SyncView) => void,
): SyncClient {
  const worker = new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (view: SyncView) => void>();
  let nextRequest = 0;
  const send = (message: ToSyncWorker): void => worker.postMessage(message);
  worker.onmessage = (event: MessageEvent<FromSyncWorker>) => {
    const message = event.data;
    onView(message.view);
    if (message.type === 'synced') {
      waiting.get(message.requestId)?.(message.view);
      waiting.delete(message.requestId);
    }
  };
  const online = (): void => send({ type: 'link', online: true });
  const offline = (): void => send({ type: 'link', online: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  send({ type: 'start', databaseName });
  return {
    syncNow() {
      nextRequest += 1;
      const requestId = nextRequest;
      return new Promise((resolve) => {
        waiting.set(requestId, resolve);
        send({ type: 'sync-now', requestId });
      });
    },
    stop() {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      worker.terminate();
    },
  };
}
