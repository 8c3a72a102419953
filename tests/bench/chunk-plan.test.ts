import { describe, expect, it } from 'vitest';
import { chunkPlan, loadRatio } from '../../bench/storage/chunk-plan';

describe('the storage benchmark’s load plan', () => {
  it('has each engine write each database first and second once in any four chunks in a row', () => {
    for (const start of [0, 1, 2, 3]) {
      const plans = [0, 1, 2, 3].map((offset) => chunkPlan(start + offset));
      const distinct = new Set(plans.map((p) => `${p.swapped}/${p.terminalEngineFirst}`));
      expect(distinct.size).toBe(4);
    }
  });

  it('starts a fresh load the old way round: the terminal engine on its own database, first', () => {
    expect(chunkPlan(0)).toEqual({ swapped: false, terminalEngineFirst: true });
  });
});

describe('the load’s throughput ratio', () => {
  // The terminal's database writes in 30 ms, the raw one in 20 ms, whichever engine writes
  // it; the terminal's engine adds 10 %. Chunk i's times follow chunkPlan(i).
  const timesFrom = (from: number, count: number) => {
    const terminal: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < from + count; i++) {
      const swapped = i >= from && chunkPlan(i).swapped;
      terminal.push((swapped ? 20 : 30) * 1.1);
      raw.push(swapped ? 30 : 20);
    }
    return { terminal, raw };
  };

  it('is the engines’ alone over whole cycles, and says each database’s times', () => {
    const { terminal, raw } = timesFrom(0, 8);
    const ratio = loadRatio(terminal, raw, 0);
    expect(ratio.value).toBeCloseTo(1 / 1.1);
    expect(ratio).toMatchObject({ fromChunk: 0, chunks: 8, crossover: true });
    expect(ratio.onTerminalDatabase).toEqual({ terminalEngineMs: 132, rawEngineMs: 120 });
    expect(ratio.onRawDatabase).toEqual({ terminalEngineMs: 88, rawEngineMs: 80 });
  });

  it('leaves out the chunks before the engines took turns and a trailing part-cycle', () => {
    const { terminal, raw } = timesFrom(175, 25);
    const ratio = loadRatio(terminal, raw, 175);
    expect(ratio.value).toBeCloseTo(1 / 1.1);
    expect(ratio).toMatchObject({ fromChunk: 175, chunks: 24, crossover: true });
  });

  it('falls back to every chunk, flagged, when no whole cycle took turns', () => {
    const { terminal, raw } = timesFrom(10, 3);
    const ratio = loadRatio(terminal, raw, 10);
    expect(ratio).toMatchObject({ fromChunk: 0, chunks: 13, crossover: false });
    // Each engine charged for its database: 20 / (30 × 1.1) on the old chunks.
    expect(ratio.value).toBeLessThan(0.7);
  });
});
