import { generateDemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import { writeDemoChunk } from '../../renderer/demo-data/load-demo-data';
import type { TerminalDatabase } from '../../renderer/db/terminal-database';
import type { Program } from '../../shared/program/program-schema';
import { createTargetSampler } from './bench-sample';
import type { BenchTarget } from './bench-sample';
import { demoRandom } from '../../shared/demo-data/demo-random';
import { latencyStats, timed } from './latency';
import { rawWriteChunk } from './raw-operations';
import type { LoadFigure, StorageBenchOptions, StorageBenchResult } from './storage-bench-result';
import { readHeap } from './heap';

/** How many customers the lookups, searches and sales pick from. */
const TARGETS = 5_000;
const PROGRESS_EVERY_MS = 10_000;

/**
 * Loads the demo into both databases, chunk by chunk: each chunk is generated once (timed
 * apart), then written by the terminal's writeDemoChunk and by raw puts, alternating which
 * goes first so neither always meets a warmer disk cache.
 */
export async function loadPhase(
  terminal: TerminalDatabase,
  raw: IDBDatabase,
  program: Program,
  options: StorageBenchOptions,
  log: (line: string) => void,
): Promise<{
  readonly rows: StorageBenchResult['rows'];
  readonly generateMs: number;
  readonly terminal: LoadFigure;
  readonly raw: LoadFigure;
  readonly peakHeap: number | null;
  readonly targets: readonly BenchTarget[];
}> {
  const { customers, chunkSize, seed, now } = options;
  const sampler = createTargetSampler(TARGETS, demoRandom(seed ^ 0x2545f491));
  const rows = { customers: 0, cards: 0, ledger: 0, balances: 0 };
  const terminalChunks: number[] = [];
  const rawChunks: number[] = [];
  let generateMs = 0;
  let peakHeap: number | null = null;
  const started = performance.now();
  let lastReport = started;

  for (let from = 0, i = 0; from < customers; from += chunkSize, i++) {
    const count = Math.min(chunkSize, customers - from);
    const generationStarted = performance.now();
    const chunk = generateDemoChunk(seed, from, count, now, program);
    generateMs += performance.now() - generationStarted;
    const writeTerminal = () => timed(() => writeDemoChunk(terminal, chunk));
    const writeRaw = () => timed(() => rawWriteChunk(raw, chunk));
    if (i % 2 === 0) {
      terminalChunks.push(await writeTerminal());
      rawChunks.push(await writeRaw());
    } else {
      rawChunks.push(await writeRaw());
      terminalChunks.push(await writeTerminal());
    }
    sampler.add(chunk);
    rows.customers += chunk.customers.length;
    rows.cards += chunk.cards.length;
    rows.ledger += chunk.ledger.length;
    rows.balances += chunk.balances.length;
    const heap = readHeap(false);
    if (heap !== null) peakHeap = Math.max(peakHeap ?? 0, heap);

    const t = performance.now();
    if (t - lastReport >= PROGRESS_EVERY_MS || from + count >= customers) {
      lastReport = t;
      const done = from + count;
      const elapsed = (t - started) / 1000;
      const eta = (elapsed / done) * (customers - done);
      log(
        `loaded ${done} / ${customers} customers (${rows.ledger} ledger entries) in ` +
          `${elapsed.toFixed(0)} s, about ${eta.toFixed(0)} s to go`,
      );
    }
  }
  const totalRows = rows.customers + rows.cards + rows.ledger + rows.balances;
  const figure = (chunks: readonly number[]): LoadFigure => {
    const writeMs = chunks.reduce((sum, ms) => sum + ms, 0);
    return {
      writeMs: Math.round(writeMs),
      rowsPerSecond: Math.round((totalRows / writeMs) * 1000),
      customersPerSecond: Math.round((rows.customers / writeMs) * 1000),
      chunk: latencyStats(chunks),
    };
  };
  return {
    rows,
    generateMs: Math.round(generateMs),
    terminal: figure(terminalChunks),
    raw: figure(rawChunks),
    peakHeap,
    targets: sampler.targets(),
  };
}
