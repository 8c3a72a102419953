import { TerminalDatabase } from '../../renderer/db/terminal-database';
import type { Program } from '../../shared/program/program-schema';
import { canCollectGarbage, readHeap } from './heap';
import { loadRatio } from './chunk-plan';
import { loadPhase } from './load-phase';
import { operationsPhase } from './operations-phase';
import { shuffledTargets } from './bench-sample';
import { latencyStats } from './latency';
import { deleteDatabase, openRawDatabase, requestDone } from './raw-database';
import type {
  LoadFigure,
  LoadProgress,
  StorageBenchOptions,
  StorageBenchOutcome,
  StorageBenchResult,
} from './storage-bench-result';
import { AMOUNT_ENTRY_MS } from './storage-bench-result';

const TERMINAL_DB = 'bench-terminal';
const RAW_DB = 'bench-raw';
/** The target: loading through the terminal at ≥ 80 % of raw IndexedDB's rows/s. */
const TARGET_LOAD_RATIO = 0.8;

/**
 * The whole measurement, inside the page: load both stores (or go on loading them, see
 * StorageBenchOptions.resume), then time the operations. A load stopped by its budget
 * answers its progress instead of figures.
 */
export async function runStorageBench(
  program: Program,
  options: StorageBenchOptions,
  save: (progress: LoadProgress) => Promise<void>,
  log: (line: string) => void,
): Promise<StorageBenchOutcome> {
  const started = performance.now();
  if (options.resume === null) {
    await deleteDatabase(TERMINAL_DB);
    await deleteDatabase(RAW_DB);
  }
  const terminal = new TerminalDatabase(TERMINAL_DB);
  await terminal.open();
  const raw = await openRawDatabase(RAW_DB);
  try {
    if (options.resume !== null) await checkResumable(terminal, raw, options.resume, log);
    const remaining = options.customers - (options.resume?.loadedCustomers ?? 0);
    if (remaining > 0) log(`loading ${remaining} demo customers in chunks of ${options.chunkSize}`);
    const load = await loadPhase(terminal, raw, program, options, save, log);
    if (load.loadedCustomers < options.customers) return { done: false, progress: load };
    const afterLoad = readHeap(true);
    if (options.settleMs > 0) {
      log(`letting the store settle for ${options.settleMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, options.settleMs));
    }
    const targets = shuffledTargets(load.targets, options.seed ^ 0x5bd1e995);
    const { latencies, floor } = await operationsPhase(terminal, program, targets, options, log);
    const atEnd = readHeap(true);
    const estimate = await navigator.storage.estimate();
    const result: StorageBenchResult = {
      // The progress resumed from is stale by now; `load` holds the whole load's figures.
      options: { ...options, resume: null },
      rows: load.rows,
      load: {
        generateMs: Math.round(load.generateMs),
        terminal: loadFigure(load.rows, load.terminalChunksMs),
        raw: loadFigure(load.rows, load.rawChunksMs),
        ratio: loadRatio(load.terminalChunksMs, load.rawChunksMs, load.crossoverFromChunk),
        targetRatio: TARGET_LOAD_RATIO,
        runs: load.runs,
        loadedThisRun: load.loadedCustomers - (options.resume?.loadedCustomers ?? 0),
      },
      latencies,
      saleSetup: { afterCustomerScreen: true, amountEntryMs: AMOUNT_ENTRY_MS },
      floor,
      heap: { afterLoad, peakDuringLoad: load.peakHeap, atEnd, afterGc: canCollectGarbage() },
      storageUsage: estimate.usage ?? null,
      environment: {
        userAgent: navigator.userAgent,
        crossOriginIsolated: globalThis.crossOriginIsolated,
        wallMs: Math.round(performance.now() - started),
      },
    };
    return { done: true, result };
  } finally {
    terminal.close();
    raw.close();
  }
}

/**
 * The stores of a profile must hold at least what its progress says, and at most the whole
 * load (see LoadProgress): anything else is not this load, and measuring it would mislead.
 * More than the progress says is logged: those chunks are written again, over their rows.
 */
async function checkResumable(
  terminal: TerminalDatabase,
  raw: IDBDatabase,
  progress: LoadProgress,
  log: (line: string) => void,
): Promise<void> {
  const expected = progress.loadedCustomers;
  const most = progress.shape.customers;
  const found = {
    terminal: await terminal.customers.count(),
    raw: await requestDone(raw.transaction('customers').objectStore('customers').count()),
  };
  for (const [store, count] of Object.entries(found)) {
    if (count < expected || count > most)
      throw new Error(
        `the ${store} store holds ${count} customers, its saved progress says ${expected} ` +
          `of ${most}: not the load the progress describes; delete the profile folder to load afresh`,
      );
    if (count > expected)
      log(
        `the ${store} store holds ${count - expected} customers more than the saved progress ` +
          'says: their chunks are written again, over the rows already there',
      );
  }
}

/** Rows per second over the chunks' write time (generation not included). */
function loadFigure(rows: StorageBenchResult['rows'], chunksMs: readonly number[]): LoadFigure {
  const totalRows = rows.customers + rows.cards + rows.ledger + rows.balances;
  const writeMs = chunksMs.reduce((sum, ms) => sum + ms, 0);
  return {
    writeMs: Math.round(writeMs),
    rowsPerSecond: Math.round((totalRows / writeMs) * 1000),
    customersPerSecond: Math.round((rows.customers / writeMs) * 1000),
    chunk: latencyStats(chunksMs),
  };
}
