import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type {
  LoadResult,
  PushTask,
  PushTaskResult,
  SyncRoundsResult,
  SyncRoundsTask,
  WorkerAnswer,
  WorkerRequest,
} from './load-protocol';

/**
 * Starts the load worker (load-worker.ts). The benchmark runs under tsx; a worker thread does
 * not inherit tsx's loader, so the worker's first line registers it before importing the
 * TypeScript entry.
 */
export type LoadClient = {
  push(task: Omit<PushTask, 'kind'>): Promise<PushTaskResult>;
  syncRounds(task: Omit<SyncRoundsTask, 'kind'>): Promise<SyncRoundsResult>;
  /** The worker thread's event-loop utilisation so far (see cpu-meter.ts). */
  elu(): EventLoopUtilization;
  close(): Promise<void>;
};

export function startLoadClient(): LoadClient {
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)};
register();
await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
  const waiting = new Map<
    number,
    { resolve: (result: LoadResult) => void; reject: (error: Error) => void }
  >();
  let failure: Error | null = null;
  const failAll = (error: Error): void => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: WorkerAnswer) => {
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if ('error' in answer) pending.reject(new Error(`load worker: ${answer.error}`));
    else pending.resolve(answer.result);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`load worker exited (${String(code)})`)));

  let next = 0;
  const run = (task: PushTask | SyncRoundsTask): Promise<LoadResult> => {
    if (failure) return Promise.reject(failure);
    const request: WorkerRequest = { id: ++next, task };
    return new Promise((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  };
  return {
    async push(task) {
      const result = await run({ kind: 'push', ...task });
      if (result.kind !== 'push') throw new Error('load worker: wrong answer kind');
      return result;
    },
    async syncRounds(task) {
      const result = await run({ kind: 'sync-rounds', ...task });
      if (result.kind !== 'sync-rounds') throw new Error('load worker: wrong answer kind');
      return result;
    },
    elu: () => worker.performance.eventLoopUtilization(),
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
