import { TerminalDatabase } from '../../renderer/db/terminal-database';
import type { Program } from '../../shared/program/program-schema';
import { canCollectGarbage, readHeap } from './heap';
import { loadPhase } from './load-phase';
import { operationsPhase } from './operations-phase';
import { deleteDatabase, openRawDatabase } from './raw-database';
import type { StorageBenchOptions, StorageBenchResult } from './storage-bench-result';

const TERMINAL_DB = 'bench-terminal';
const RAW_DB = 'bench-raw';
/** The target: loading through the terminal at ≥ 80 % of raw IndexedDB's rows/s. */
const TARGET_LOAD_RATIO = 0.8;

/** The whole measurement, inside the page: load both stores, then time the operations. */
export async function runStorageBench(
  program: Program,
  options: StorageBenchOptions,
  log: (line: string) => void,
): Promise<StorageBenchResult> {
  const started = performance.now();
  await deleteDatabase(TERMINAL_DB);
  await deleteDatabase(RAW_DB);
  const terminal = new TerminalDatabase(TERMINAL_DB);
  await terminal.open();
  const raw = await openRawDatabase(RAW_DB);
  try {
    log(`loading ${options.customers} demo customers in chunks of ${options.chunkSize}`);
    const load = await loadPhase(terminal, raw, program, options, log);
    const afterLoad = readHeap(true);
    if (options.settleMs > 0) {
      log(`letting the store settle for ${options.settleMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, options.settleMs));
    }
    const { latencies, floor } = await operationsPhase(
      terminal,
      raw,
      program,
      load.targets,
      options,
      log,
    );
    const atEnd = readHeap(true);
    const estimate = await navigator.storage.estimate();
    return {
      options,
      rows: load.rows,
      load: {
        generateMs: load.generateMs,
        terminal: load.terminal,
        raw: load.raw,
        targetRatio: TARGET_LOAD_RATIO,
      },
      latencies,
      floor,
      heap: { afterLoad, peakDuringLoad: load.peakHeap, atEnd, afterGc: canCollectGarbage() },
      storageUsage: estimate.usage ?? null,
      environment: {
        userAgent: navigator.userAgent,
        crossOriginIsolated: globalThis.crossOriginIsolated,
        wallMs: Math.round(performance.now() - started),
      },
    };
  } finally {
    terminal.close();
    raw.close();
  }
}
