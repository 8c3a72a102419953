import { describe, expect, it } from 'vitest';
import { chunkPlan } from '../../bench/storage/chunk-plan';

describe('the storage benchmark’s load plan', () => {
  it('has each engine write each database first and second once in any four chunks in a row', () => {
    for (const start of [0, 1, 2, 3, 174, 175]) {
      const plans = [0, 1, 2, 3].map((offset) => chunkPlan(start + offset));
      const distinct = new Set(plans.map((p) => `${p.swapped}/${p.terminalEngineFirst}`));
      expect(distinct.size).toBe(4);
    }
  });

  it('starts a fresh load the old way round: the terminal engine on its own database, first', () => {
    expect(chunkPlan(0)).toEqual({ swapped: false, terminalEngineFirst: true });
  });
});
