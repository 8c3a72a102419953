import Dexie from 'dexie';
import { demoProgram } from '../../shared/testing/demo-program';
import { runStorageBench } from './run-storage-bench';
import { RUN_FUNCTION, SAVE_PROGRESS_FUNCTION } from './storage-bench-result';
import type { LoadProgress, StorageBenchOptions } from './storage-bench-result';

// Dexie turns on its debug mode (a console task per operation) on any 127.0.0.1 page. The
// terminal runs from a custom protocol in production, without it, so measure it without.
Dexie.debug = false;

/** Progress goes to the console; the Node script prints it. */
const log = (line: string): void => {
  console.log(`[storage-bench] ${line}`);
};

/** Progress goes to the Node script, which keeps it with a kept profile (--profile). */
const save = async (progress: LoadProgress): Promise<void> => {
  const keep = (
    globalThis as Partial<Record<typeof SAVE_PROGRESS_FUNCTION, (p: LoadProgress) => Promise<void>>>
  )[SAVE_PROGRESS_FUNCTION];
  await keep?.(progress);
};

Object.assign(globalThis, {
  [RUN_FUNCTION]: (options: StorageBenchOptions) =>
    runStorageBench(demoProgram, options, save, log),
});
