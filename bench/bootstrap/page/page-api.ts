/**
 * What the bootstrap benchmark's page offers the Node script (bench/bootstrap.bench.ts) and
 * what it answers: plain data, passed through Playwright (structured clone).
 */

/** The name under which the page puts its PageApi on `window`. */
export const PAGE_API = '__bootstrapBench';

/** The central server the page talks to, and the credential of a registered terminal. */
export type SyncTarget = { readonly serverUrl: string; readonly credential: string };

/** Reading the snapshot stream with no terminal code: fetch, bytes counted, dropped. */
export type FetchProbe = {
  readonly ms: number;
  /** From the request to the first body bytes. */
  readonly firstByteMs: number;
  readonly bytes: number;
  readonly lines: number;
};

/** The stream read line by line and parsed, then dropped. */
export type ParseProbe = {
  /** Wall time, less `prepareMs`. */
  readonly ms: number;
  readonly customers: number;
  readonly cards: number;
  readonly entries: number;
  /**
   * CPU of what bootstrap.ts does to a chunk before writing it (toCustomerRow, foldLedger),
   * done here on the same chunks and timed apart; 0 when not asked for.
   */
  readonly prepareMs: number;
};

export type DurationStats = {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly totalMs: number;
};

/** A chunk committed: when (ms after the start) and customers written so far. */
export type ProgressPoint = { readonly atMs: number; readonly done: number };

export type PageBootstrapResult = {
  readonly chunkSize: number;
  /** bootstrapIfNeeded from its call to its return (the stream's end and the cursor set). */
  readonly totalMs: number;
  /** The first chunk's transaction committed: its customers can be served from here on. */
  readonly firstChunkMs: number | null;
  /** Waiting for the next parsed line (server, network, TextDecoder, JSON.parse, zod). */
  readonly waitMs: number;
  /**
   * From a chunk's last line to its commit: toCustomerRow, foldLedger, Dexie and the
   * IndexedDB transaction (strict durability), one chunk after the other.
   */
  readonly flush: DurationStats;
  /** Lines received by kind, and the rows they hold. */
  readonly customers: number;
  readonly cards: number;
  readonly entries: number;
  readonly bootstrapped: boolean;
  readonly progress: readonly ProgressPoint[];
  /** usedJSHeapSize: before (after a GC), highest seen at a commit, after (after a GC). */
  readonly heap: {
    readonly before: number | null;
    readonly peak: number | null;
    readonly after: number | null;
    readonly afterGc: boolean;
  };
  readonly storageUsage: number | null;
};

/** What the terminal holds after the bootstrap, for the correctness checks. */
export type PageInspection = {
  readonly counts: {
    readonly customers: number;
    readonly cards: number;
    readonly ledger: number;
    readonly balances: number;
  };
  readonly bootstrapState: unknown;
  readonly cursor: unknown;
  readonly customers: readonly {
    readonly id: string;
    readonly stored: boolean;
    readonly fold: unknown;
    readonly ledgerRows: number;
    readonly cardRows: number;
  }[];
};

export type PageEnvironment = { readonly userAgent: string; readonly crossOriginIsolated: boolean };

export type PageApi = {
  fetchOnly(target: SyncTarget): Promise<FetchProbe>;
  /** The stream split into lines and JSON.parse'd, as the transport does, without zod. */
  jsonOnly(target: SyncTarget): Promise<ParseProbe>;
  /** The terminal's transport (httpSyncTransport: + zod), optionally with the chunk preparation. */
  transportOnly(target: SyncTarget, prepareChunk: number): Promise<ParseProbe>;
  bootstrap(target: SyncTarget, chunkSize: number): Promise<PageBootstrapResult>;
  inspect(customerIds: readonly string[]): Promise<PageInspection>;
  environment(): PageEnvironment;
};
