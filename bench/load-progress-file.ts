import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../electron/devices/durable-file';
import { describeSchemaProblems, schemaProblems } from '../shared/util/schema-problems';
import type { LoadProgress, LoadShape } from './storage/storage-bench-result';

/**
 * The storage benchmark's load progress, kept next to a kept browser profile (--profile) so
 * that a load of 1 000 000 customers, hours long on a small machine, can be spread over runs.
 */
const FILE_NAME = 'load-progress.json';

const count = z.number().int().nonnegative();
const durations = z.array(z.number().nonnegative());
const loadProgressSchema = z.strictObject({
  shape: z.strictObject({
    customers: count,
    chunkSize: count.min(1),
    seed: count,
    now: count,
  }),
  loadedCustomers: count,
  rows: z.strictObject({ customers: count, cards: count, ledger: count, balances: count }),
  generateMs: z.number().nonnegative(),
  terminalChunksMs: durations,
  rawChunksMs: durations,
  peakHeap: count.nullable(),
  targets: z.array(
    z.strictObject({
      customerId: z.string(),
      cardNumber: z.string(),
      phoneLast4: z.string(),
      namePrefix: z.string(),
    }),
  ),
  runs: count.min(1),
  // Absent from progress saved before the load took turns (see LoadProgress): then every
  // chunk loaded so far was written the old way.
  crossoverFromChunk: count.optional(),
});

/** The progress kept in `folder`, null when there is none; a clear error when unreadable. */
export function readLoadProgress(folder: string): LoadProgress | null {
  const file = path.join(folder, FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const unreadable = (why: string) =>
    new Error(`${file} is unreadable (${why}); delete ${folder} to load afresh`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unreadable('not JSON');
  }
  const parsed = loadProgressSchema.safeParse(json);
  if (!parsed.success) throw unreadable(describeSchemaProblems(schemaProblems(parsed.error)));
  const { crossoverFromChunk, ...rest } = parsed.data;
  const progress: LoadProgress = {
    ...rest,
    crossoverFromChunk: crossoverFromChunk ?? chunksOf(rest.shape, rest.loadedCustomers),
  };
  const problem = inconsistency(progress);
  if (problem !== null) throw unreadable(problem);
  return progress;
}

/** What the numbers of a well-formed progress contradict, or null: loading resumes on them. */
function inconsistency(progress: LoadProgress): string | null {
  const { shape, loadedCustomers: loaded, rows } = progress;
  if (loaded > shape.customers)
    return `${String(loaded)} customers loaded of ${String(shape.customers)}`;
  if (loaded % shape.chunkSize !== 0 && loaded !== shape.customers)
    return `${String(loaded)} customers loaded: not whole chunks of ${String(shape.chunkSize)}`;
  if (rows.customers !== loaded || rows.cards !== loaded || rows.balances !== loaded)
    return `${String(loaded)} customers loaded, but other counts of customer, card or balance rows`;
  const chunks = chunksOf(shape, loaded);
  if (progress.terminalChunksMs.length !== chunks || progress.rawChunksMs.length !== chunks)
    return `${String(chunks)} chunks loaded, but not as many chunk times`;
  if (progress.crossoverFromChunk > chunks)
    return `${String(chunks)} chunks loaded, but the crossover from chunk ${String(progress.crossoverFromChunk)}`;
  return null;
}

function chunksOf(shape: LoadShape, customers: number): number {
  return Math.ceil(customers / shape.chunkSize);
}

export async function saveLoadProgress(folder: string, progress: LoadProgress): Promise<void> {
  await writeFileDurably(folder, FILE_NAME, JSON.stringify(progress));
}

/** Why a kept load cannot go on under these options, or null when it can. */
export function shapeMismatch(kept: LoadShape, wanted: LoadShape): string | null {
  const differs = (Object.keys(wanted) as (keyof LoadShape)[]).filter(
    (key) => kept[key] !== wanted[key],
  );
  if (differs.length === 0) return null;
  return (
    `it holds a load of ${String(kept.customers)} customers in chunks of ` +
    `${String(kept.chunkSize)}, seed ${String(kept.seed)}, demo day ${String(kept.now)} ` +
    `(this run differs in ${differs.join(', ')})`
  );
}
