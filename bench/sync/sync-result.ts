import type { CpuFigures } from './cpu-meter';
import type { ExplainedWrite } from './explain-writes';
import type { Outcome } from './load-protocol';
import type { ActivityFigures } from './pg-activity';
import type { PullSteps } from './pull-steps';
import type { BreakdownStep } from './push-breakdown';
import type { LatencySummary } from './stats';
import type { ServerTimes } from './sync-report';

/** What one run of bench/sync.bench.ts measured (printed by sync-render.ts, saved as JSON). */
export type BenchPlan = {
  readonly warmupMessages: number;
  readonly eodMessages: number;
  /** End-of-day pushes by as many terminals, one after another; the median is reported. */
  readonly eodRuns: number;
  readonly breakdownBatches: number;
  readonly ingestPushers: number;
  readonly ingestMessagesEach: number;
  readonly stores: number;
  readonly syncTerminals: number;
  readonly syncRounds: number;
  readonly messagesPerSync: number;
  /** No new request is started in a phase after this long. */
  readonly budgetMs: number;
};

/** Measured around a phase: SQL stopwatch, CPU, what the pooled connections were doing. */
export type PhaseContext = {
  readonly server: ServerTimes;
  readonly cpu: CpuFigures;
  readonly connections: ActivityFigures | null;
};

export type PushPhase = PhaseContext & {
  readonly messages: number;
  readonly requests: number;
  readonly seconds: number;
  readonly messagesPerSecond: number;
  readonly latency: LatencySummary;
  readonly finished: boolean;
  readonly errors: number;
  readonly outcome: Outcome;
};

export type ManyTerminalsPhase = PhaseContext & {
  readonly terminals: number;
  readonly stores: number;
  readonly rounds: number;
  readonly messagesPerSync: number;
  readonly startCursor: number;
  /** Changes the phase's pushes added to the log (last seq − start cursor). */
  readonly changesWritten: number;
  readonly push: LatencySummary;
  readonly pull: LatencySummary;
  readonly sync: LatencySummary;
  readonly roundSeconds: readonly number[];
  readonly pages: number;
  readonly changesPulled: number;
  readonly mibPulled: number;
  readonly maxInFlight: number;
  readonly finished: boolean;
  readonly errors: number;
  readonly outcome: Outcome;
};

export type SyncBenchResult = {
  readonly machine: Record<string, unknown> & {
    readonly engine: 'postgres' | 'pglite';
    readonly database: Record<string, string>;
    readonly pgPoolSize: number | null;
    readonly fetch: string;
  };
  readonly options: BenchPlan & {
    readonly quick: boolean;
    readonly maxPushBatch: number;
    readonly maxPullPage: number;
  };
  readonly setup: {
    readonly registerMs: number;
    readonly generateMs: number;
    readonly generated: Record<string, number>;
  };
  readonly warmup: PushPhase;
  /** The median end-of-day run, and every run's seconds. */
  readonly endOfDay: PushPhase & { readonly runsSeconds: readonly number[] };
  readonly breakdown: {
    readonly batches: number;
    readonly messages: number;
    readonly applied: number;
    readonly totalMs: number;
    readonly meanMsPerBatch: Record<BreakdownStep, number>;
    readonly server: ServerTimes;
  };
  readonly explained: readonly ExplainedWrite[];
  readonly ingest: PushPhase;
  readonly manyTerminals: ManyTerminalsPhase;
  readonly pullSteps: PullSteps;
  readonly database: Record<'messages' | 'flags' | 'changes', Record<string, number>>;
  readonly rejectedAll: number;
  readonly serverLog: readonly string[];
  readonly wallSeconds: number;
};
