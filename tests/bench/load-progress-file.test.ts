import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLoadProgress, saveLoadProgress, shapeMismatch } from '../../bench/load-progress-file';
import type { LoadProgress } from '../../bench/storage/storage-bench-result';

const PROGRESS: LoadProgress = {
  shape: { customers: 60_000, chunkSize: 5_000, seed: 1, now: 1_793_610_000_000 },
  loadedCustomers: 10_000,
  rows: { customers: 10_000, cards: 10_000, ledger: 41_411, balances: 10_000 },
  generateMs: 1_500.5,
  terminalChunksMs: [4_901.3, 4_848.1],
  rawChunksMs: [4_463.3, 4_791.9],
  peakHeap: 60_000_000,
  targets: [
    { customerId: 'c1', cardNumber: '2900010000015', phoneLast4: '4567', namePrefix: 'але' },
  ],
  runs: 1,
  crossoverFromChunk: 0,
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'load-progress-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the storage benchmark’s kept load progress', () => {
  it('reads back what was saved, and null where nothing was', async () => {
    expect(readLoadProgress(folder)).toBeNull();
    await saveLoadProgress(folder, PROGRESS);
    expect(readLoadProgress(folder)).toEqual(PROGRESS);
  });

  it.each([
    ['not JSON', '{"shape":', /not JSON/],
    ['a field missing', JSON.stringify({ ...PROGRESS, runs: undefined }), /runs/],
    ['a negative count', JSON.stringify({ ...PROGRESS, loadedCustomers: -5 }), /loadedCustomers/],
    ['a field unknown', JSON.stringify({ ...PROGRESS, extra: 1 }), /extra/],
    [
      'more customers loaded than the load has',
      JSON.stringify({ ...PROGRESS, loadedCustomers: 65_000 }),
      /65000 customers loaded of 60000/,
    ],
    [
      'part of a chunk loaded',
      JSON.stringify({ ...PROGRESS, loadedCustomers: 7_500 }),
      /not whole chunks of 5000/,
    ],
    [
      'row counts that disagree with the customers loaded',
      JSON.stringify({ ...PROGRESS, rows: { ...PROGRESS.rows, cards: 9_999 } }),
      /other counts of customer, card or balance rows/,
    ],
    [
      'fewer chunk times than chunks loaded',
      JSON.stringify({ ...PROGRESS, rawChunksMs: [1] }),
      /2 chunks loaded, but not as many chunk times/,
    ],
    [
      'a crossover from a chunk not loaded yet',
      JSON.stringify({ ...PROGRESS, crossoverFromChunk: 3 }),
      /2 chunks loaded, but the crossover from chunk 3/,
    ],
  ])('refuses a file with %s, naming the file and how to start afresh', (_what, text, why) => {
    writeFileSync(path.join(folder, 'load-progress.json'), text);
    expect(() => readLoadProgress(folder)).toThrow(why);
    expect(() => readLoadProgress(folder)).toThrow(`delete ${folder} to load afresh`);
  });

  it('reads progress saved before the engines took turns as written the old way so far', () => {
    const { crossoverFromChunk: _, ...saved } = PROGRESS;
    writeFileSync(path.join(folder, 'load-progress.json'), JSON.stringify(saved));
    expect(readLoadProgress(folder)).toEqual({ ...PROGRESS, crossoverFromChunk: 2 });
  });

  it('lets a load go on only under the same customers, chunk, seed and demo day', () => {
    expect(shapeMismatch(PROGRESS.shape, { ...PROGRESS.shape })).toBeNull();
    expect(
      shapeMismatch(PROGRESS.shape, { ...PROGRESS.shape, customers: 1_000_000, seed: 2 }),
    ).toBe(
      'it holds a load of 60000 customers in chunks of 5000, seed 1, demo day 1793610000000 ' +
        '(this run differs in customers, seed)',
    );
  });
});
