import type { SyncReport } from './sync-once';
import { SyncError } from './sync-transport';
import type { SyncErrorKind } from './sync-transport';

/**
 * When the terminal syncs: at start, every `intervalMs`, when the link returns, on "Sync
 * now" and at day close; after a failure, with exponential backoff and jitter (so a chain's
 * terminals do not all hammer a server that just came back at the same instant). One round
 * at a time: a request while a round runs is served by one more round right after it.
 * Nothing here waits on the cashier or makes the cashier wait.
 */
export type SyncStatus = {
  readonly state: 'idle' | 'syncing' | 'offline' | 'error';
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly error: {
    readonly kind: SyncErrorKind | 'unexpected';
    readonly message: string;
    readonly code: string | null;
  } | null;
  readonly nextAttemptAt: number | null;
  readonly lastReport: SyncReport | null;
  readonly failures: number;
};

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'idle',
  lastSuccessAt: null,
  lastAttemptAt: null,
  error: null,
  nextAttemptAt: null,
  lastReport: null,
  failures: 0,
};

export type SyncLoopDeps = {
  readonly runOnce: () => Promise<SyncReport>;
  readonly now: () => number;
  readonly random: () => number;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly onStatus: (status: SyncStatus) => void;
  readonly intervalMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
};

export type SyncLoop = {
  start(): void;
  /** Runs a round now (or right after the running one); resolves with the status after it. */
  syncNow(): Promise<SyncStatus>;
  /** The browser says the link went up or down. */
  linkChanged(online: boolean): void;
  stop(): void;
};

/**
 * Delay before retry n (1 = after the first failure): "equal jitter", half fixed and half
 * random, doubling up to the cap.
 *
 * | failures | base 2 s, cap 5 min: delay range |
 * |----------|----------------------------------|
 * | 1        | 1 s – 2 s                        |
 * | 3        | 4 s – 8 s                        |
 * | 10       | 150 s – 300 s (capped)           |
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export function createSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const intervalMs = deps.intervalMs ?? 60_000;
  const baseMs = deps.backoffBaseMs ?? 2_000;
  const maxMs = deps.backoffMaxMs ?? 5 * 60_000;
  let status = INITIAL_SYNC_STATUS;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  // Set by syncNow while a round awaits; read through a function so it is read afresh.
  const requested = { again: false };
  const anotherRequested = (): boolean => requested.again;
  let stopped = false;
  let waiters: ((status: SyncStatus) => void)[] = [];

  const publish = (next: SyncStatus): void => {
    status = next;
    deps.onStatus(status);
  };

  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void round();
    }, ms);
    publish({ ...status, nextAttemptAt: deps.now() + ms });
  };

  const round = (): Promise<void> => {
    if (running) {
      requested.again = true;
      return running;
    }
    running = (async () => {
      do {
        requested.again = false;
        publish({ ...status, state: 'syncing', lastAttemptAt: deps.now(), nextAttemptAt: null });
        try {
          const report = await deps.runOnce();
          publish({
            ...status,
            state: 'idle',
            lastSuccessAt: deps.now(),
            lastReport: report,
            error: null,
            failures: 0,
          });
        } catch (error) {
          const failures = status.failures + 1;
          publish({
            ...status,
            state: error instanceof SyncError && error.kind === 'offline' ? 'offline' : 'error',
            error: describe(error),
            failures,
          });
        }
      } while (anotherRequested() && !stopped);
      running = null;
      schedule(
        status.failures === 0
          ? intervalMs
          : backoffDelay(status.failures, baseMs, maxMs, deps.random()),
      );
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve(status);
    })();
    return running;
  };

  return {
    start() {
      stopped = false;
      void round();
    },
    syncNow() {
      const settled = new Promise<SyncStatus>((resolve) => waiters.push(resolve));
      void round();
      return settled;
    },
    linkChanged(online) {
      if (online) void round();
      else publish({ ...status, state: 'offline' });
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}

function describe(error: unknown): NonNullable<SyncStatus['error']> {
  if (error instanceof SyncError)
    return { kind: error.kind, message: error.message, code: error.code };
  return {
    kind: 'unexpected',
    message: error instanceof Error ? error.message : String(error),
    code: null,
  };
}
