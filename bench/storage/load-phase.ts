import Dexie from 'dexie';
import { generateDemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import type { DemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import { writeDemoChunk } from '../../renderer/demo-data/load-demo-data';
import type { TerminalDatabase } from '../../renderer/db/terminal-database';
import type { Program } from '../../shared/program/program-schema';
import { createTargetSampler } from './bench-sample';
import { timed } from './latency';
import { chunkPlan } from './chunk-plan';
import { rawWriteChunk } from './raw-operations';
import type { LoadProgress, StorageBenchOptions } from './storage-bench-result';
import { readHeap } from './heap';

/** How many customers the lookups, searches and sales pick from. */
const TARGETS = 5_000;
const PROGRESS_EVERY_MS = 10_000;

/**
 * Loads the demo into both databases, chunk by chunk, from where `options.resume` left off
 * (or from the start): each chunk is generated once (timed apart), then written once into
 * each database, once by the terminal's writeDemoChunk (Dexie) and once by raw puts, as
 * chunkPlan says. After every chunk `save` gets the progress; past `options.loadBudgetMs`
 * loading stops after the chunk at hand. Chunk i is the same whatever run writes it: its rows
 * come from (seed, first customer), its plan from i.
 */
export async function loadPhase(
  terminal: TerminalDatabase,
  raw: IDBDatabase,
  program: Program,
  options: StorageBenchOptions,
  save: (progress: LoadProgress) => Promise<void>,
  log: (line: string) => void,
): Promise<LoadProgress> {
  const { customers, chunkSize, seed, now } = options;
  const sampler = createTargetSampler(customers, TARGETS, seed ^ 0x2545f491);
  const resumed = options.resume;
  let progress: LoadProgress = resumed
    ? { ...resumed, runs: resumed.runs + (resumed.loadedCustomers < customers ? 1 : 0) }
    : {
        shape: { customers, chunkSize, seed, now },
        loadedCustomers: 0,
        rows: { customers: 0, cards: 0, ledger: 0, balances: 0 },
        generateMs: 0,
        terminalChunksMs: [],
        rawChunksMs: [],
        peakHeap: null,
        targets: [],
        runs: 1,
        crossoverFromChunk: 0,
      };
  const started = performance.now();
  let lastReport = started;
  const startedAt = progress.loadedCustomers;

  const rawThroughDexie = await openThroughDexie(raw.name);
  try {
    for (let from = startedAt; from < customers; from += chunkSize) {
      if (options.loadBudgetMs !== null && performance.now() - started >= options.loadBudgetMs)
        break;
      const i = from / chunkSize;
      const count = Math.min(chunkSize, customers - from);
      const generationStarted = performance.now();
      const chunk = generateDemoChunk(seed, from, count, now, program);
      const generateMs = performance.now() - generationStarted;
      const { terminalMs, rawMs } = await writeIntoBoth(
        { terminal, raw, rawThroughDexie },
        chunk,
        i,
      );
      const { rows } = progress;
      const heap = readHeap(false);
      progress = {
        ...progress,
        loadedCustomers: from + count,
        rows: {
          customers: rows.customers + chunk.customers.length,
          cards: rows.cards + chunk.cards.length,
          ledger: rows.ledger + chunk.ledger.length,
          balances: rows.balances + chunk.balances.length,
        },
        generateMs: progress.generateMs + generateMs,
        terminalChunksMs: [...progress.terminalChunksMs, terminalMs],
        rawChunksMs: [...progress.rawChunksMs, rawMs],
        peakHeap: heap === null ? progress.peakHeap : Math.max(progress.peakHeap ?? 0, heap),
        targets: [...progress.targets, ...sampler.targetsIn(chunk, from)],
      };
      await save(progress);

      const t = performance.now();
      if (t - lastReport >= PROGRESS_EVERY_MS || from + count >= customers) {
        lastReport = t;
        const done = from + count;
        const elapsed = (t - started) / 1000;
        const eta = (elapsed / (done - startedAt)) * (customers - done);
        log(
          `loaded ${done} / ${customers} customers (${progress.rows.ledger} ledger entries); ` +
            `this run: ${elapsed.toFixed(0)} s, about ${eta.toFixed(0)} s to go`,
        );
      }
    }
  } finally {
    rawThroughDexie.close();
  }
  return progress;
}

/** The two databases, each reachable through both engines. */
type Connections = {
  readonly terminal: TerminalDatabase;
  readonly raw: IDBDatabase;
  readonly rawThroughDexie: Dexie;
};

/** Writes chunk `i` once into each database, as chunkPlan says; each engine's write time. */
async function writeIntoBoth(
  connections: Connections,
  chunk: DemoChunk,
  i: number,
): Promise<{ terminalMs: number; rawMs: number }> {
  const { terminal, raw, rawThroughDexie } = connections;
  const { swapped, terminalEngineFirst } = chunkPlan(i);
  const terminalEngine = () =>
    timed(() => writeDemoChunk(swapped ? rawThroughDexie : terminal, chunk));
  const rawEngine = () => timed(() => rawWriteChunk(swapped ? terminal.backendDB() : raw, chunk));
  if (terminalEngineFirst) {
    const terminalMs = await terminalEngine();
    return { terminalMs, rawMs: await rawEngine() };
  }
  const rawMs = await rawEngine();
  return { terminalMs: await terminalEngine(), rawMs };
}

/**
 * Another connection to a database, through Dexie, with the terminal's durability: Dexie
 * declares no schema (its dynamic mode), so it opens the database as it is.
 */
async function openThroughDexie(name: string): Promise<Dexie> {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  await db.open();
  return db;
}
