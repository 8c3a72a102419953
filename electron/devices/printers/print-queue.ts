import { randomUUID } from 'node:crypto';
import { openPrintJobStore } from './print-job-store';
import type { PrintJob } from './print-job-store';
import { viewOfError, viewOfStatus } from './print-queue-state';
import type { PrintQueueState, PrinterView, QueuedJob } from './print-queue-state';
import { canPrint } from './printer-status';
import { PrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { systemTimers } from '../timers';
import type { Timers } from '../timers';

/**
 * The persistent print queue: a slip is never lost when the printer is off or out of paper.
 *
 * Invariants:
 * - `enqueue` resolves only once the job is on disk (see print-job-store.ts).
 * - Jobs print in the order they were queued, one at a time; a job blocks the ones behind it
 *   until it prints (a receipt printed out of order would confuse the cashier more).
 * - Before each job the printer's status is asked; after writing it is asked again. A job file
 *   is removed only when every byte was written AND the status after printing allows printing.
 *   A crash between printing and removing prints that slip again on restart: slips are
 *   printed at least once, never lost (exactly once is impossible with a printer that cannot
 *   tell us which bytes reached paper).
 * - A failed attempt closes the printer link (reopened next time, so an unplugged printer
 *   comes back) and schedules a retry with backoff; `retryNow` and `enqueue` retry at once.
 */

export type PrintQueueOptions = {
  /** Directory of the job files; created by the caller, owned by this queue alone. */
  readonly dir: string;
  readonly printer: PrinterTransport;
  readonly timers?: Timers;
  readonly newId?: () => string;
  /** Waits between failed attempts; the last one repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  readonly retryDelaysMs?: readonly number[];
  /** Where problems are told (garbage set aside, storage errors). Default console.warn. */
  readonly log?: (message: string) => void;
};

/** Rendered ESC/POS bytes and what the cashier calls them (e.g. the receipt number). */
export type Slip = { readonly bytes: Uint8Array; readonly label: string };

export type PrintQueue = {
  /** Loads the pending jobs from `dir` and starts printing them. */
  readonly start: () => Promise<void>;
  /** Stops after the job being printed (if any) and closes the printer. */
  readonly stop: () => Promise<void>;
  /** Resolves once the slip is stored durably; rejects (never silently) if it could not be. */
  readonly enqueue: (slip: Slip) => Promise<QueuedJob>;
  /** Queues the last printed slip again; undefined when nothing was printed yet. */
  readonly reprintLast: () => Promise<QueuedJob | undefined>;
  /** Cancels the backoff wait and tries the printer now (e.g. "Retry" after loading paper). */
  readonly retryNow: () => void;
  /**
   * Asks the printer for its status now, between jobs (the settings screen, or a periodic poll
   * while the queue is empty, so the UI notices a printer switched off before the next sale).
   */
  readonly refreshStatus: () => Promise<PrinterView>;
  readonly state: () => PrintQueueState;
  /** The listener gets every new state; returns the unsubscribe function. */
  readonly subscribe: (listener: (state: PrintQueueState) => void) => () => void;
  /** Resolves when the queue has nothing more to do right now (all printed, or waiting to retry). */
  readonly idle: () => Promise<void>;
};

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000] as const;

type Attempt = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const { printer } = options;
  const timers = options.timers ?? systemTimers;
  const newId = options.newId ?? randomUUID;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const log = options.log ?? ((message: string) => console.warn(message));
  const store = openPrintJobStore(options.dir);
  const listeners = new Set<(state: PrintQueueState) => void>();

  let jobs: PrintJob[] = [];
  let lastPrinted: { job: PrintJob; printedAt: number } | undefined;
  let nextSeq = 0;
  let started = false;
  let stopped = false;
  let failures = 0;
  let draining: Promise<void> | undefined;
  let cancelRetry: (() => void) | undefined;
  let current: Omit<PrintQueueState, 'pending' | 'jobs' | 'lastPrinted' | 'retryAt'> = {
    printer: { state: 'disconnected', condition: undefined, detail: 'Not checked yet.' },
    lastError: undefined,
    setAside: [],
  };
  let retryAt: number | undefined;

  const view = (job: PrintJob): QueuedJob => ({
    id: job.id,
    label: job.label,
    createdAt: job.createdAt,
  });
  const state = (): PrintQueueState => ({
    ...current,
    pending: jobs.length,
    jobs: jobs.map(view),
    lastPrinted: lastPrinted && { ...view(lastPrinted.job), printedAt: lastPrinted.printedAt },
    retryAt,
  });
  const emit = (): void => {
    const snapshot = state();
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        // A broken UI listener must not stop printing; it is reported, not hidden.
        log(
          `Print queue listener failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };
  const update = (patch: Partial<typeof current>): void => {
    current = { ...current, ...patch };
    emit();
  };

  // Printer access is exclusive: a status refresh never interleaves with a slip being printed.
  let link: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
    const result = link.then(run);
    link = result.catch(() => undefined);
    return result;
  };

  /** Opens the printer if needed and asks its status; the view is updated either way. */
  const askPrinter = async (): Promise<PrinterView> => {
    try {
      await printer.open();
      const status = await printer.requestStatus();
      update({ printer: viewOfStatus(status) });
    } catch (error) {
      await closeQuietly();
      if (!(error instanceof PrinterError)) throw error;
      update({ printer: viewOfError(error) });
    }
    return current.printer;
  };

  // After a failure the link is in an unknown state; it is reopened on the next attempt. A close
  // that fails as well adds nothing to the failure already reported.
  const closeQuietly = (): Promise<void> => printer.close().catch(() => undefined);

  /** One try at the head job; a printer failure is the reason to retry, storage errors throw. */
  const attempt = async (job: PrintJob): Promise<Attempt> => {
    const before = await askPrinter();
    if (before.condition === undefined || !canPrint(before.condition)) {
      return { ok: false, reason: `"${job.label}" is waiting: ${before.detail}` };
    }
    try {
      await printer.write(job.bytes);
    } catch (error) {
      await closeQuietly();
      if (!(error instanceof PrinterError)) throw error;
      update({ printer: viewOfError(error) });
      return { ok: false, reason: `"${job.label}" is waiting: ${error.message}` };
    }
    const after = await askPrinter();
    if (after.condition === undefined || !canPrint(after.condition)) {
      return {
        ok: false,
        reason: `"${job.label}" may not have printed in full and will print again: ${after.detail}`,
      };
    }
    // Printed: remember it for a reprint first, so a crash in between reprints rather than loses.
    await store.saveLastPrinted(job);
    await store.remove(job);
    jobs = jobs.filter((j) => j.id !== job.id);
    lastPrinted = { job, printedAt: timers.now() };
    return { ok: true };
  };

  const drain = async (): Promise<void> => {
    while (!stopped) {
      const job = jobs[0];
      if (job === undefined) return;
      let result: Attempt;
      try {
        result = await exclusive(() => attempt(job));
      } catch (error) {
        // Storage failed (disk full, permissions) or a bug: the job stays queued and is retried.
        const message = `Print queue error in ${options.dir}: ${error instanceof Error ? error.message : String(error)}`;
        log(message);
        result = { ok: false, reason: message };
      }
      if (result.ok) {
        failures = 0;
        update({ lastError: undefined });
        continue;
      }
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
      failures += 1;
      retryAt = timers.now() + delay;
      cancelRetry = timers.setTimeout(() => {
        cancelRetry = undefined;
        retryAt = undefined;
        kick();
      }, delay);
      update({ lastError: result.reason });
      return;
    }
  };

  const kick = (): void => {
    if (!started || stopped || draining !== undefined) return;
    cancelRetry?.();
    cancelRetry = undefined;
    retryAt = undefined;
    draining = drain().finally(() => {
      draining = undefined;
      // A job queued just as the loop found the queue empty must not wait for the next kick.
      if (jobs.length > 0 && cancelRetry === undefined) kick();
    });
  };

  // Enqueues are serialised so jobs join the queue in the order of their sequence numbers.
  let adding: Promise<unknown> = Promise.resolve();
  const enqueue = (slip: Slip): Promise<QueuedJob> => {
    const result = adding.then(() => enqueueNow(slip));
    adding = result.catch(() => undefined);
    return result;
  };

  const enqueueNow = async (slip: Slip): Promise<QueuedJob> => {
    if (!started || stopped) throw new Error('The print queue is not running.');
    const job: PrintJob = {
      id: newId(),
      seq: nextSeq,
      createdAt: timers.now(),
      label: slip.label,
      bytes: slip.bytes.slice(),
    };
    nextSeq += 1;
    await store.add(job);
    jobs.push(job);
    emit();
    kick();
    return view(job);
  };

  return {
    start: async () => {
      if (started) return;
      const loaded = await store.load();
      for (const bad of loaded.setAside) {
        log(
          `Print queue: set aside ${bad.file} as ${bad.movedTo} in ${options.dir}: ${bad.reason}`,
        );
      }
      jobs = [...loaded.jobs];
      // The print time is not stored; after a restart the slip's creation time stands in for it.
      lastPrinted = loaded.lastPrinted && {
        job: loaded.lastPrinted,
        printedAt: loaded.lastPrinted.createdAt,
      };
      nextSeq = Math.max(-1, ...jobs.map((j) => j.seq), loaded.lastPrinted?.seq ?? -1) + 1;
      started = true;
      update({ setAside: loaded.setAside });
      kick();
    },
    stop: async () => {
      stopped = true;
      cancelRetry?.();
      cancelRetry = undefined;
      retryAt = undefined;
      await draining;
      await exclusive(() => printer.close());
    },
    enqueue,
    reprintLast: async () => {
      if (lastPrinted === undefined) return undefined;
      return enqueue({ bytes: lastPrinted.job.bytes, label: `${lastPrinted.job.label} (copy)` });
    },
    retryNow: kick,
    refreshStatus: () => exclusive(askPrinter),
    state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: async () => {
      // A finished drain may have been followed at once by another (enqueue during the last job).
      for (let i = 0; i < 1000 && draining !== undefined; i += 1) await draining;
    },
  };
}
