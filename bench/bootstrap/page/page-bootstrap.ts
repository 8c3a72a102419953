import Dexie from 'dexie';
import { TerminalDatabase } from '../../../renderer/db/terminal-database';
import { bootstrapIfNeeded } from '../../../renderer/sync/bootstrap';
import { httpSyncTransport } from '../../../renderer/sync/sync-transport';
import type { SyncTransport } from '../../../renderer/sync/sync-transport';
import type {
  DurationStats,
  PageBootstrapResult,
  PageInspection,
  ProgressPoint,
  SyncTarget,
} from './page-api';

export const DATABASE_NAME = 'bench-bootstrap';

/**
 * A fresh terminal's bootstrap through the real code (bootstrapIfNeeded over
 * httpSyncTransport into TerminalDatabase), with a stopwatch around the transport: the time
 * bootstrapIfNeeded waits for its next line, and the time from a chunk's last line to the
 * commit its onProgress reports (bootstrap.ts writes one chunk after the other, with the
 * stream waiting meanwhile).
 */
export async function runBootstrap(
  target: SyncTarget,
  chunkSize: number,
  log: (line: string) => void,
): Promise<PageBootstrapResult> {
  await Dexie.delete(DATABASE_NAME);
  const before = readHeap(true);
  const db = new TerminalDatabase(DATABASE_NAME);
  await db.open();
  const inner = httpSyncTransport(target);
  let waitMs = 0;
  /** When the transport last answered (a line or the stream's end). */
  let lastAnswer = 0;
  const counted = { customers: 0, cards: 0, entries: 0 };
  const timed: SyncTransport = {
    ...inner,
    async *snapshot(after) {
      const lines = inner.snapshot(after)[Symbol.asyncIterator]();
      for (;;) {
        const asked = performance.now();
        const next = await lines.next();
        lastAnswer = performance.now();
        waitMs += lastAnswer - asked;
        if (next.done === true) return;
        if (next.value.kind === 'customer') {
          counted.customers += 1;
          counted.cards += next.value.cards.length;
          counted.entries += next.value.entries.length;
        }
        yield next.value;
      }
    },
  };

  const flushes: number[] = [];
  const progress: ProgressPoint[] = [];
  let peak = before;
  let lastDone = 0;
  let lastLogged = 0;
  const started = performance.now();
  try {
    const bootstrapped = await bootstrapIfNeeded(db, timed, {
      now: Date.now,
      chunkSize,
      onProgress: ({ done, total }) => {
        if (done === lastDone) return; // the header's report: nothing written yet
        const at = performance.now();
        flushes.push(at - lastAnswer);
        lastDone = done;
        progress.push({ atMs: Math.round(at - started), done });
        const heap = readHeap(false);
        if (heap !== null && (peak === null || heap > peak)) peak = heap;
        if (at - lastLogged > 10_000 || done === total) {
          lastLogged = at;
          const seconds = (at - started) / 1000;
          const left = done > 0 ? ((total - done) * seconds) / done : 0;
          log(
            `${String(done)}/${String(total)} customers in ${seconds.toFixed(0)} s ` +
              `(${(done / seconds).toFixed(0)}/s, ~${left.toFixed(0)} s left)`,
          );
        }
      },
    });
    const totalMs = performance.now() - started;
    db.close();
    const after = readHeap(true);
    const estimate = await navigator.storage.estimate();
    return {
      chunkSize,
      totalMs,
      firstChunkMs: progress[0]?.atMs ?? null,
      waitMs,
      flush: stats(flushes),
      ...counted,
      bootstrapped,
      progress,
      heap: { before, peak, after, afterGc: canCollectGarbage() },
      storageUsage: estimate.usage ?? null,
    };
  } finally {
    db.close();
  }
}

/** Counts, the bootstrap checkpoint, the pull cursor, and some customers' cached balances. */
export async function inspect(customerIds: readonly string[]): Promise<PageInspection> {
  const db = new TerminalDatabase(DATABASE_NAME);
  await db.open();
  try {
    const counts = {
      customers: await db.customers.count(),
      cards: await db.cards.count(),
      ledger: await db.ledger.count(),
      balances: await db.balances.count(),
    };
    const customers: PageInspection['customers'][number][] = [];
    for (const id of customerIds) {
      const balance = await db.balances.get(id);
      customers.push({
        id,
        stored: (await db.customers.get(id)) !== undefined,
        fold: balance?.fold ?? null,
        ledgerRows: await db.ledger.where('customerId').equals(id).count(),
        cardRows: await db.cards.where('customerId').equals(id).count(),
      });
    }
    return {
      counts,
      bootstrapState: (await db.settings.get('bootstrap'))?.value ?? null,
      cursor: (await db.settings.get('cursor'))?.value ?? null,
      customers,
    };
  } finally {
    db.close();
  }
}

function stats(durations: readonly number[]): DurationStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    samples: sorted.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: sorted.at(-1) ?? 0,
    totalMs: sorted.reduce((sum, ms) => sum + ms, 0),
  };
}

/**
 * JS heap in use (Chromium's performance.memory, exact with --enable-precise-memory-info),
 * optionally right after a full garbage collection (needs --js-flags=--expose-gc).
 */
function readHeap(collectFirst: boolean): number | null {
  const page = globalThis as {
    gc?: () => void;
    performance: { memory?: { usedJSHeapSize: number } };
  };
  if (collectFirst) page.gc?.();
  return page.performance.memory?.usedJSHeapSize ?? null;
}

function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}
