import type { BootstrapServer, SnapshotServed } from './bootstrap-server';
import type { FetchProbe, PageBootstrapResult, ParseProbe } from './page/page-api';
import type { CpuUse } from './process-cpu';
import type { SeedFigures, SeedMethod } from './seed-chain';
import type { HttpClientProbe, QueryProbe, ServerAloneProbe } from './server-probes';
import type { StatementTimes } from './timed-statements';
import type { Verification } from './verify';

/** What bench/bootstrap.bench.ts measured, as saved in bench/results/bootstrap-*.json. */
export type BootstrapBenchOptions = {
  readonly customers: number;
  /** Customers per IndexedDB transaction (bootstrapIfNeeded's chunkSize). */
  readonly chunkSize: number;
  readonly seed: number;
  /** The demo's "today", epoch ms. */
  readonly now: number;
  readonly seedMethod: SeedMethod;
  readonly seedChunk: number;
  /** The stream read alone (server, Node client, Chromium) besides the bootstrap. */
  readonly probes: boolean;
  readonly spotChecks: number;
};

export type ServedProbe<T> = T & {
  /** The server's side of the same request. */
  readonly served: SnapshotServed | null;
  readonly statements: StatementTimes;
};

export type BootstrapBenchResult = {
  readonly options: BootstrapBenchOptions;
  readonly seeding: SeedFigures;
  readonly database: {
    readonly engine: 'postgres';
    readonly version: string;
    readonly settings: BootstrapServer['settings'];
  };
  readonly bootstrap: ServedProbe<PageBootstrapResult> & {
    readonly rowsWritten: number;
    readonly customersPerSecond: number;
    readonly rowsPerSecond: number;
    /** Customers/s in each tenth of the customers, first to last. */
    readonly ratesByTenth: readonly number[];
  };
  readonly probes: {
    readonly serverAlone: ServerAloneProbe | null;
    readonly orderedByUuid:
      (ServerAloneProbe & { rewritten: number; checkedLines: number; sameLines: boolean }) | null;
    readonly queriesAsText: QueryProbe | null;
    readonly linesBuiltInSql: (QueryProbe & { checkedLines: number; sameLines: boolean }) | null;
    readonly httpClient: ServedProbe<HttpClientProbe> | null;
    readonly chromiumFetch: ServedProbe<FetchProbe> | null;
    readonly chromiumJson: ServedProbe<ParseProbe> | null;
    readonly chromiumTransport: ServedProbe<ParseProbe> | null;
  };
  /** CPU-seconds by process group, per measured phase. */
  readonly cpu: readonly { readonly phase: string; readonly use: CpuUse }[];
  readonly verification: Verification;
  readonly environment: {
    readonly userAgent: string;
    readonly crossOriginIsolated: boolean;
    readonly wallMs: number;
    /** os.loadavg() when the run started: other work on the machine skews every figure. */
    readonly loadAverageAtStart: readonly number[];
    /** Node process warnings during the run (e.g. MaxListenersExceededWarning). */
    readonly warnings: readonly string[];
  };
};
