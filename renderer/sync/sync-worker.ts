import { createSyncAgent } from './sync-agent';
import type { ToSyncWorker } from './sync-worker-protocol';

/** The sync Web Worker's entry: sync never runs on the thread that serves the cashier. */
const agent = createSyncAgent({ post: (message) => self.postMessage(message) });
self.onmessage = (event: MessageEvent<ToSyncWorker>) => agent.handle(event.data);
