import type { LoadRatio } from './storage-bench-result';

/** Any this many chunks in a row hold each of chunkPlan's four plans once. */
const CYCLE = 4;

/**
 * Which engine writes which database for chunk `i`. The two databases need not write as fast
 * as each other (the report shows each one's time: on LevelDB they share the origin's files,
 * on SQLite each is a file of its own), and the second transaction of a chunk meets the
 * background work the first left (a compaction, a checkpoint). So over any four
 * chunks in a row each engine writes each database twice, once first and once second; over
 * whole cycles the ratio of the engines' times is that of the engines alone.
 */
export function chunkPlan(i: number): { swapped: boolean; terminalEngineFirst: boolean } {
  const phase = i % CYCLE;
  return { swapped: phase % 2 === 1, terminalEngineFirst: phase === 0 || phase === 3 };
}

/**
 * The terminal's load throughput over raw IndexedDB's, from each chunk's write times (both
 * engines wrote the same rows, so it is the ratio of their times): over the whole cycles of
 * chunks written as chunkPlan says from `crossoverFromChunk` on (a trailing part-cycle would
 * tilt it towards the engine that wrote the faster database more often); over all chunks,
 * flagged, when there is no whole cycle (a load begun before the engines took turns).
 */
export function loadRatio(
  terminalChunksMs: readonly number[],
  rawChunksMs: readonly number[],
  crossoverFromChunk: number,
): LoadRatio {
  const cycles = Math.floor((terminalChunksMs.length - crossoverFromChunk) / CYCLE);
  const crossover = cycles > 0;
  const from = crossover ? crossoverFromChunk : 0;
  const to = crossover ? from + cycles * CYCLE : terminalChunksMs.length;
  const onTerminalDatabase = { terminalEngineMs: 0, rawEngineMs: 0 };
  const onRawDatabase = { terminalEngineMs: 0, rawEngineMs: 0 };
  for (let i = from; i < to; i++) {
    const swapped = crossover && chunkPlan(i).swapped;
    (swapped ? onRawDatabase : onTerminalDatabase).terminalEngineMs += terminalChunksMs[i] ?? 0;
    (swapped ? onTerminalDatabase : onRawDatabase).rawEngineMs += rawChunksMs[i] ?? 0;
  }
  const terminalMs = onTerminalDatabase.terminalEngineMs + onRawDatabase.terminalEngineMs;
  const rawMs = onTerminalDatabase.rawEngineMs + onRawDatabase.rawEngineMs;
  return {
    value: rawMs / terminalMs,
    fromChunk: from,
    chunks: to - from,
    crossover,
    onTerminalDatabase: rounded(onTerminalDatabase),
    onRawDatabase: rounded(onRawDatabase),
  };
}

function rounded(times: LoadRatio['onTerminalDatabase']): LoadRatio['onTerminalDatabase'] {
  return {
    terminalEngineMs: Math.round(times.terminalEngineMs),
    rawEngineMs: Math.round(times.rawEngineMs),
  };
}
