import { Worker } from 'node:worker_threads';
import { demoProgram } from '../../shared/testing/demo-program';
import type { Sql } from '../../server/db/sql';
import { demoChunkWriter, seedDemoChain } from '../../server/demo/seed-demo-chain';
import type { GenerateRequest, GeneratedChunk, GeneratorSettings } from './generate-protocol';

/**
 * Fills the central server with the demo chain before the measurement (not part of it).
 *
 * - `demo`: server/demo/seed-demo-chain.ts as it is (generate a chunk, write it, repeat).
 * - `bulk`: the same rows, written the same way (the demo stores and terminals by
 *   seedDemoChain itself; then per chunk ONE transaction: the change-log lock and
 *   writePushPlan, i.e. an `enrolment` message of the first demo terminal, the customers,
 *   cards and entries as jsonb arrays, and their changes in the change log), but with the
 *   generator in a worker thread that makes the next chunks while the database writes this
 *   one, and bigger chunks. On this 2-CPU machine the generator is half of seedDemoChain's
 *   time, so overlapping it with the writes about halves the seeding.
 *
 * Then ANALYZE, as autovacuum would do a little later on a real server: right after a bulk
 * load the planner has no statistics and reads the snapshot's cards and ledger entries with
 * a sequential scan per page of customers (measured: 136 ms instead of 44 ms per page at
 * 100 000 customers, growing with the chain).
 */
export type SeedMethod = 'demo' | 'bulk';

export type SeedFigures = {
  readonly method: SeedMethod;
  readonly customers: number;
  readonly chunkSize: number;
  readonly ms: number;
  /** bulk: the generator thread's time (overlapped with the writes). */
  readonly generateMs: number | null;
  /** bulk: the main thread waiting for the chunks' transactions. */
  readonly writeMs: number | null;
  /** ANALYZE after the load (included in `ms`). */
  readonly analyzeMs: number;
  readonly rows: {
    readonly customers: number;
    readonly cards: number;
    readonly ledger: number;
    readonly changes: number;
  };
  readonly databaseBytes: number;
};

/** Chunks the generator makes ahead of the writer. */
const AHEAD = 2;
const PROGRESS_EVERY_MS = 15_000;

export async function seedChain(
  sql: Sql,
  options: {
    readonly method: SeedMethod;
    readonly customers: number;
    readonly seed: number;
    readonly now: number;
    readonly chunkSize: number;
    readonly log: (line: string) => void;
  },
): Promise<SeedFigures> {
  const started = performance.now();
  const progress = progressLog(options.customers, started, options.log);
  let generateMs: number | null = null;
  let writeMs: number | null = null;
  if (options.method === 'demo') {
    await seedDemoChain(sql, {
      customers: options.customers,
      seed: options.seed,
      now: options.now,
      program: demoProgram,
      chunkSize: options.chunkSize,
      onProgress: progress,
    });
  } else {
    ({ generateMs, writeMs } = await bulkSeed(sql, options, progress));
  }
  const analyzing = performance.now();
  await sql.exec('analyze');
  const analyzeMs = performance.now() - analyzing;
  const ms = performance.now() - started;
  const [counts] = await sql.query(
    `select (select count(*) from customers)::int as customers,
            (select count(*) from cards)::int as cards,
            (select count(*) from ledger_entries)::int as ledger,
            (select count(*) from changes)::int as changes,
            pg_database_size(current_database())::bigint::text as bytes`,
  );
  return {
    method: options.method,
    customers: options.customers,
    chunkSize: options.chunkSize,
    ms,
    generateMs,
    writeMs,
    analyzeMs,
    rows: {
      customers: Number(counts?.['customers']),
      cards: Number(counts?.['cards']),
      ledger: Number(counts?.['ledger']),
      changes: Number(counts?.['changes']),
    },
    databaseBytes: Number(counts?.['bytes']),
  };
}

async function bulkSeed(
  sql: Sql,
  options: {
    readonly customers: number;
    readonly seed: number;
    readonly now: number;
    readonly chunkSize: number;
  },
  progress: (done: number) => void,
): Promise<{ generateMs: number; writeMs: number }> {
  const { chunkSize } = options;
  // The demo stores and terminals, exactly as seedDemoChain writes them (no customers).
  await seedDemoChain(sql, {
    customers: 0,
    seed: options.seed,
    now: options.now,
    program: demoProgram,
  });
  const writeChunk = demoChunkWriter(sql, options.now);

  const requests: GenerateRequest[] = [];
  for (let from = 0; from < options.customers; from += chunkSize)
    requests.push({ from, count: Math.min(chunkSize, options.customers - from) });
  const generator = startGenerator({ seed: options.seed, now: options.now });
  let generateMs = 0;
  let writeMs = 0;
  try {
    const pending: Promise<GeneratedChunk>[] = [];
    let asked = 0;
    const askNext = (): void => {
      const request = requests[asked];
      if (request === undefined) return;
      asked += 1;
      pending.push(generator.generate(request));
    };
    for (let i = 0; i < AHEAD; i++) askNext();
    for (let written = 0; written < requests.length; written++) {
      const next = pending.shift();
      if (!next) throw new Error('unreachable: a chunk was asked for');
      const chunk = await next;
      askNext();
      generateMs += chunk.generateMs;
      const writing = performance.now();
      await writeChunk(chunk);
      writeMs += performance.now() - writing;
      progress(chunk.from + chunk.customers.length);
    }
  } finally {
    await generator.close();
  }
  return { generateMs, writeMs };
}

type Generator = {
  generate(request: GenerateRequest): Promise<GeneratedChunk>;
  close(): Promise<void>;
};

/** The generator thread (generate-worker.ts, through tsx's loader). Answers come in order. */
function startGenerator(settings: GeneratorSettings): Generator {
  const entry = new URL('./generate-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)};
register();
await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: settings,
  });
  const waiting: { resolve: (chunk: GeneratedChunk) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (chunk: GeneratedChunk) => {
    waiting.shift()?.resolve(chunk);
  });
  const fail = (error: Error): void => {
    for (const pending of waiting.splice(0)) pending.reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`the generator thread exited (${String(code)})`));
  });
  return {
    generate: (request) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

function progressLog(
  total: number,
  started: number,
  log: (line: string) => void,
): (done: number) => void {
  let logged = started;
  return (done) => {
    const now = performance.now();
    if (now - logged < PROGRESS_EVERY_MS && done < total) return;
    logged = now;
    const seconds = (now - started) / 1000;
    log(
      `seeded ${String(done)}/${String(total)} customers in ${seconds.toFixed(0)} s ` +
        `(${(done / seconds).toFixed(0)}/s, ~${(((total - done) * seconds) / done).toFixed(0)} s left)`,
    );
  };
}
