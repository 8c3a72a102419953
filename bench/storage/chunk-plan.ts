/**
 * Which engine writes which database for chunk `i`, over a cycle of four. The two databases
 * share the origin's LevelDB, and as they grow one of them can take longer to write a chunk
 * than the other, whichever engine writes it (the report shows each database's time); and the second transaction of a chunk meets the compaction the first left. So
 * each engine writes each database half the time and goes first half the time, and the ratio
 * of their times is that of the engines alone.
 */
export function chunkPlan(i: number): { swapped: boolean; terminalEngineFirst: boolean } {
  const phase = i % 4;
  return { swapped: phase % 2 === 1, terminalEngineFirst: phase === 0 || phase === 3 };
}
