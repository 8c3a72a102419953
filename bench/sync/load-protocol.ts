/**
 * What the benchmark asks of its load worker (the terminals' side, in a worker thread so the
 * clients' JSON work does not run on the server's event loop) and what it answers.
 */

/** Terminals each pushing their bodies in order, one request at a time, all in parallel. */
export type PushTask = {
  readonly kind: 'push';
  readonly url: string;
  /** No new request is started after this long; the result says `finished: false`. */
  readonly budgetMs: number;
  readonly pushers: readonly {
    readonly credential: string;
    readonly bodies: readonly string[];
    readonly messageCounts: readonly number[];
  }[];
};

/**
 * Terminals syncing at once, round after round: push one body, then pull pages from the
 * terminal's cursor until `more` is false. Every terminal starts a round together.
 */
export type SyncRoundsTask = {
  readonly kind: 'sync-rounds';
  readonly url: string;
  readonly budgetMs: number;
  /** Safety bound on pages per pull; reaching it counts as an error. */
  readonly maxPagesPerPull: number;
  readonly terminals: readonly {
    readonly credential: string;
    readonly cursor: number;
    readonly rounds: readonly string[];
    readonly messageCounts: readonly number[];
  }[];
};

export type LoadTask = PushTask | SyncRoundsTask;

/** Answers and failures, counted over every request of a task. */
export type Outcome = {
  requests: number;
  applied: number;
  duplicate: number;
  rejected: number;
  /** Messages sent that the answer did not mention. */
  unanswered: number;
  /** HTTP status → count, for answers other than 200. */
  httpErrors: Record<string, number>;
  /** No answer at all: connection refused or reset, or the 30 s timeout. */
  networkErrors: number;
  /** A pull answer that breaks the protocol (cursor going back, pages limit reached). */
  protocolErrors: number;
  /** The first few rejection details and error descriptions, for the report. */
  samples: string[];
};

export type PushTaskResult = {
  readonly kind: 'push';
  readonly wallMs: number;
  readonly messagesSent: number;
  readonly latenciesMs: number[];
  readonly finished: boolean;
  readonly outcome: Outcome;
};

export type SyncRoundsResult = {
  readonly kind: 'sync-rounds';
  readonly roundWallMs: number[];
  readonly pushLatenciesMs: number[];
  readonly pullLatenciesMs: number[];
  /** One terminal's whole round: its push and all its pull pages. */
  readonly syncLatenciesMs: number[];
  readonly pages: number;
  readonly changesPulled: number;
  readonly bytesPulled: number;
  readonly maxInFlight: number;
  readonly finished: boolean;
  readonly outcome: Outcome;
};

export type LoadResult = PushTaskResult | SyncRoundsResult;

export type WorkerRequest = { readonly id: number; readonly task: LoadTask };
export type WorkerAnswer =
  | { readonly id: number; readonly result: LoadResult }
  | { readonly id: number; readonly error: string };

export function emptyOutcome(): Outcome {
  return {
    requests: 0,
    applied: 0,
    duplicate: 0,
    rejected: 0,
    unanswered: 0,
    httpErrors: {},
    networkErrors: 0,
    protocolErrors: 0,
    samples: [],
  };
}

/**
 * Everything a correct run must not have: failed requests, and messages rejected, left
 * unanswered, or answered `duplicate` (every message of the workload is new, and none is
 * sent twice: a duplicate would mean two messages shared an id).
 */
export function errorCount(outcome: Outcome): number {
  return (
    Object.values(outcome.httpErrors).reduce((sum, n) => sum + n, 0) +
    outcome.networkErrors +
    outcome.protocolErrors +
    outcome.rejected +
    outcome.unanswered +
    outcome.duplicate
  );
}
