/**
 * What the benchmark page is asked to do and what it answers: plain data, passed between
 * the page and the Node script through Playwright (structured clone), so they hold no functions.
 */

export type StorageBenchOptions = {
  readonly customers: number;
  readonly chunkSize: number;
  readonly seed: number;
  /** The demo's "today", epoch ms. */
  readonly now: number;
  /** Measured operations per lookup kind and of sales (each also done raw). */
  readonly lookups: number;
  readonly searches: number;
  /**
   * 2000 by default (--sales). Chromium's SQLite checkpoints its write-ahead log inline, in
   * the commit that brings it to 10 000 pages (40 MB), and otherwise only after 5 s idle
   * (its database_connection.cc and bucket_context.cc). Back-to-back sales never idle, so a
   * few commits a run, the terminal's and the raw ones alike, carry a checkpoint; at a till,
   * the seconds between customers let it run in the background. With 500 sales the p99 is
   * the 5th-worst, which a handful of such commits set; with 2000 it is the 20th-worst.
   */
  readonly sales: number;
  /**
   * A pause between loading and the lookups: the store settles what was just written in the
   * background (LevelDB compacts it, SQLite checkpoints its write-ahead log), which a terminal
   * that loaded its data hours ago no longer does.
   */
  readonly settleMs: number;
  /**
   * Unmeasured random reads (card, then customer; through Dexie, then raw) of the terminal's
   * database, where every operation is measured, before anything is timed.
   * The first few thousand random reads after a load bring the store's pages into memory,
   * and on LevelDB they also pay for compactions ("seek compaction": a file is compacted once
   * enough reads have had to look through it), which a terminal that has been running for hours
   * has long done. `--warmup-reads 0` shows the cost: the card lookups, measured first, then
   * carry it in their p99.
   */
  readonly warmupReads: number;
  /**
   * An idle pause before each timed lookup, floor read and search, on both sides (--gap-ms;
   * 0: back to back). At a till each scan comes alone, after seconds in which Chromium's
   * threads have gone to sleep; back to back they stay awake, and each read answers sooner
   * than it would alone. `--gap-ms 20` shows the difference.
   */
  readonly gapMs: number;
  /**
   * Chromium's IndexedDB engine (--idb-backend, bench/idb-backend.ts): SQLite, on which the
   * terminal keeps every new store, or LevelDB, Chromium's older default, measured to compare.
   */
  readonly idbBackend: 'sqlite' | 'leveldb';
  /**
   * A load begun by an earlier run in the same browser profile (--profile): loading goes on
   * from there, and a complete one is measured without loading anything. Null: a fresh load.
   */
  readonly resume: LoadProgress | null;
  /** Loading stops after this long, its progress saved, to go on in a later run; null: no limit. */
  readonly loadBudgetMs: number | null;
};

/** What shapes the loaded data: a load resumes only under the same. */
export type LoadShape = Pick<StorageBenchOptions, 'customers' | 'chunkSize' | 'seed' | 'now'>;

/**
 * How far a load has come, saved by the Node script after every chunk (SAVE_PROGRESS_FUNCTION)
 * in the profile's folder. The stores may hold more than `loadedCustomers` says: one chunk
 * when a run stopped between a chunk's commit and the save, more when chunks were written
 * without saving (an experiment on the profile). Loading them again writes the same rows;
 * their time is then that of overwriting rows already there, for both engines alike, and the
 * run says how many there were.
 */
export type LoadProgress = {
  readonly shape: LoadShape;
  readonly loadedCustomers: number;
  readonly rows: StorageBenchResult['rows'];
  readonly generateMs: number;
  /** Each chunk's write time, in load order. */
  readonly terminalChunksMs: readonly number[];
  readonly rawChunksMs: readonly number[];
  readonly peakHeap: number | null;
  /** The sampled customers loaded so far (bench-sample.ts), in load order. */
  readonly targets: readonly BenchTarget[];
  /** How many runs have loaded part of it. */
  readonly runs: number;
  /**
   * The first chunk written as chunk-plan.ts says (each engine into each database
   * in turn): 0, except for a load begun before that, whose earlier chunks were written by
   * each engine into its own database. Those charged the terminal's engine for its database's
   * slower writes, so the throughput ratio leaves them out.
   */
  readonly crossoverFromChunk: number;
};

/** A loaded customer to look up, search for and sell to, picked while the data loads. */
export type BenchTarget = {
  readonly customerId: string;
  readonly cardNumber: string;
  readonly phoneLast4: string;
  /** The first 3 letters of one of the name's words, as a cashier starts typing. */
  readonly namePrefix: string;
};

/** Durations of one operation, in milliseconds. */
export type LatencyStats = {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
};

export type LatencyFigure = {
  readonly name: string;
  /** Through the terminal's code: Dexie, row schemas, the operation's transaction. */
  readonly terminal: LatencyStats;
  /**
   * The same reads or writes with plain IndexedDB calls, on the terminal's database: reads of
   * other customers than the terminal's side of the round, a sale's rows under other keys.
   */
  readonly raw: LatencyStats;
  /** The target for the terminal's p99, if the issue sets one. */
  readonly targetP99Ms: number | null;
};

export type LoadFigure = {
  /** Time spent writing (transactions only; generation is timed apart). */
  readonly writeMs: number;
  readonly rowsPerSecond: number;
  readonly customersPerSecond: number;
  /** Per chunk transaction. */
  readonly chunk: LatencyStats;
};

/** The load's throughput ratio and the times it comes from (chunk-plan.ts loadRatio). */
export type LoadRatio = {
  /** Terminal ÷ raw throughput (raw ÷ terminal write time). */
  readonly value: number;
  /** The chunks it is over: `chunks` from `fromChunk` on. */
  readonly fromChunk: number;
  readonly chunks: number;
  /** False: each engine wrote its own database in those chunks (a load begun before turns). */
  readonly crossover: boolean;
  /** Each engine's write time into each database over those chunks, ms. */
  readonly onTerminalDatabase: { readonly terminalEngineMs: number; readonly rawEngineMs: number };
  readonly onRawDatabase: { readonly terminalEngineMs: number; readonly rawEngineMs: number };
};

export type StorageBenchResult = {
  readonly options: StorageBenchOptions;
  readonly rows: {
    readonly customers: number;
    readonly cards: number;
    readonly ledger: number;
    readonly balances: number;
  };
  readonly load: {
    readonly generateMs: number;
    readonly terminal: LoadFigure;
    readonly raw: LoadFigure;
    /** The terminal's throughput over raw IndexedDB's (chunk-plan.ts loadRatio). */
    readonly ratio: LoadRatio;
    /** The target: the terminal writes at ≥ 80 % of raw IndexedDB's throughput. */
    readonly targetRatio: number;
    /** How many runs the load took: more than 1 when it was resumed (--profile). */
    readonly runs: number;
    /** Customers loaded by this run: 0 when it only measured a kept, complete load. */
    readonly loadedThisRun: number;
  };
  readonly latencies: readonly LatencyFigure[];
  /**
   * How each sale was set up before its timed commit (salePhase): after its customer's
   * screen (the twin: after reading its customer's rows), then a pause for the amount.
   * Results saved before this field existed timed sales back to back on cold rows.
   */
  readonly saleSetup: { readonly afterCustomerScreen: true; readonly amountEntryMs: number };
  /**
   * IndexedDB's own floor on this machine, for reading the lookup figures: raw reads of the
   * terminal's database, each in a read-only transaction of its own, answered at the
   * request's success (not at the transaction's completion). `oneRead`: the card row;
   * `twoReads`: the card, then its customer (the reads a card lookup needs);
   * `twoReadsThroughDexie`: the same two reads in the terminal's readSnapshot, rows not
   * parsed (what Dexie adds to the floor).
   */
  readonly floor: {
    readonly oneRead: LatencyStats;
    readonly twoReads: LatencyStats;
    readonly twoReadsThroughDexie: LatencyStats;
    /**
     * The disk's floor under the sale commit: a one-page append and fdatasync on the profile's
     * file system, done by the Node script after each sale (bench/disk-flush-probe.ts);
     * null when the page runs without the script.
     */
    readonly diskFlush: LatencyStats | null;
  };
  /** performance.memory.usedJSHeapSize, bytes; null where the browser does not tell. */
  readonly heap: {
    /** After this run's loading: before measuring, when it loaded nothing. */
    readonly afterLoad: number | null;
    readonly peakDuringLoad: number | null;
    readonly atEnd: number | null;
    /** True when the figures were taken right after a forced garbage collection. */
    readonly afterGc: boolean;
  };
  /** navigator.storage.estimate() at the end (both databases), bytes. */
  readonly storageUsage: number | null;
  readonly environment: {
    readonly userAgent: string;
    readonly crossOriginIsolated: boolean;
    readonly wallMs: number;
  };
};

/** The function the page exposes on `window` for the Node script. */
export const RUN_FUNCTION = 'runStorageBench' as const;
/** The function the Node script exposes to the page: one timed disk flush, in ms. */
export const DISK_FLUSH_FUNCTION = 'benchDiskFlush' as const;
/** The function the Node script exposes to the page: keep this LoadProgress (--profile). */
export const SAVE_PROGRESS_FUNCTION = 'benchSaveLoadProgress' as const;

/** What a run answers: the figures, or a load to go on with in a later run. */
export type StorageBenchOutcome =
  | { readonly done: true; readonly result: StorageBenchResult }
  | { readonly done: false; readonly progress: LoadProgress };

/**
 * Between a customer's screen and the sale (salePhase): seconds at a real till; here long
 * enough for the page to go idle, which gives pending garbage-collection work a chance to
 * run before the commit (it does not guarantee it).
 */
export const AMOUNT_ENTRY_MS = 20;
