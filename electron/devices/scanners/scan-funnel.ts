import type { ScanEvent } from '../../../shared/devices/scan-event';
import { scanEventSchema } from '../../../shared/devices/scan-event';
import { assertNever } from '../../../shared/util/assert-never';
import type { Timers } from '../timers';
import { describeSchemaProblems, schemaProblems } from '../../../shared/util/schema-problems';

/**
 * The one place every scan goes through, whatever produced it (HID POS, serial, the
 * keyboard-wedge detector in the renderer, a number typed by hand), on its way to the one
 * consumer (the terminal's "scan" handler).
 *
 * Invariants, each tested:
 * - One at a time: a scan is handed over only after the previous one's handler finished
 *   (resolved or threw), in arrival order. A handler that throws is reported and the next
 *   scan still goes. A handler still running after `handlerTimeoutMs` is reported and no
 *   longer waited for, so one hung lookup cannot stop the checkout (its late end is ignored).
 * - Bounded: at most `maxQueue` scans wait; more are dropped (reported), never buffered
 *   without limit. A cashier cannot usefully queue more than a few cards anyway.
 * - Duplicates: a scan whose code equals one accepted less than `duplicateWindowMs` ago,
 *   from any source, is dropped. Why any source: a composite USB scanner (keyboard + HID POS)
 *   delivers one trigger pull twice, once per interface; a scanner in presentation mode
 *   re-reads a card held under it. Each dropped repeat restarts the window, so a card held
 *   there stays one scan. Nobody scans the same card twice on purpose within 300 ms; after
 *   the window the same card is a new scan (the consumer decides what a re-scan means).
 *   Time is the funnel's own clock at arrival: `at` comes from other clocks (the renderer's).
 * - Outside payloads (the renderer's wedge scans) are checked against the ScanEvent schema.
 */
export type ScanFunnelOptions = {
  readonly handle: (scan: ScanEvent) => Promise<void>;
  readonly timers: Timers;
  readonly maxQueue: number;
  readonly duplicateWindowMs: number;
  readonly handlerTimeoutMs: number;
  /** A scan that was not handed over, and why: for the log and the device screen. */
  readonly onDropped: (reason: ScanDropReason) => void;
  /** The handler threw or timed out. */
  readonly onHandlerProblem: (scan: ScanEvent, detail: string) => void;
};

export const DEFAULT_SCAN_FUNNEL_LIMITS = {
  maxQueue: 16,
  duplicateWindowMs: 300,
  handlerTimeoutMs: 10_000,
} as const;

export type ScanDropReason =
  | { readonly kind: 'duplicate'; readonly scan: ScanEvent }
  | { readonly kind: 'queue-full'; readonly scan: ScanEvent; readonly maxQueue: number }
  | { readonly kind: 'invalid'; readonly problems: string }
  | { readonly kind: 'closed'; readonly scan: ScanEvent };

export type PushOutcome = 'queued' | ScanDropReason['kind'];

export type ScanFunnel = {
  readonly push: (scan: ScanEvent) => PushOutcome;
  /** For payloads from outside the process (the renderer): validated first. */
  readonly pushUnknown: (payload: unknown) => PushOutcome;
  /** Resolves when nothing is queued or being handled. */
  readonly idle: () => Promise<void>;
  /** Stops accepting scans and waits for the queue to drain. */
  readonly close: () => Promise<void>;
};

/** Remembered codes are few: a window of 300 ms holds a handful. The cap bounds a flood. */
const MAX_REMEMBERED_CODES = 64;

export function createScanFunnel(options: ScanFunnelOptions): ScanFunnel {
  const queue: ScanEvent[] = [];
  const lastSeen = new Map<string, number>();
  let draining: Promise<void> | undefined;
  let closed = false;

  const drop = (reason: ScanDropReason): PushOutcome => {
    options.onDropped(reason);
    return reason.kind;
  };

  const isDuplicate = (code: string, now: number): boolean => {
    for (const [seen, at] of lastSeen) {
      if (now - at >= options.duplicateWindowMs) lastSeen.delete(seen);
    }
    const repeat = lastSeen.has(code);
    lastSeen.delete(code);
    lastSeen.set(code, now);
    if (lastSeen.size > MAX_REMEMBERED_CODES) {
      const oldest = lastSeen.keys().next();
      if (oldest.done !== true) lastSeen.delete(oldest.value);
    }
    return repeat;
  };

  const handleOne = async (scan: ScanEvent): Promise<void> => {
    let cancel: (() => void) | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      cancel = options.timers.setTimeout(() => resolve('timeout'), options.handlerTimeoutMs);
    });
    try {
      const outcome = await Promise.race([
        options.handle(scan).then(() => 'done' as const),
        timedOut,
      ]);
      if (outcome === 'timeout') {
        options.onHandlerProblem(scan, `the scan handler took over ${options.handlerTimeoutMs} ms`);
      }
    } catch (e) {
      options.onHandlerProblem(scan, e instanceof Error ? e.message : String(e));
    } finally {
      cancel?.();
    }
  };

  const drain = async (): Promise<void> => {
    for (let scan = queue.shift(); scan !== undefined; scan = queue.shift()) {
      await handleOne(scan);
    }
  };

  const push = (scan: ScanEvent): PushOutcome => {
    if (closed) return drop({ kind: 'closed', scan });
    if (isDuplicate(scan.code, options.timers.now())) return drop({ kind: 'duplicate', scan });
    if (queue.length >= options.maxQueue) {
      return drop({ kind: 'queue-full', scan, maxQueue: options.maxQueue });
    }
    queue.push(scan);
    draining ??= drain().finally(() => {
      draining = undefined;
    });
    return 'queued';
  };

  return {
    push,
    pushUnknown: (payload) => {
      const parsed = scanEventSchema.safeParse(payload);
      if (!parsed.success) {
        return drop({
          kind: 'invalid',
          problems: describeSchemaProblems(schemaProblems(parsed.error)),
        });
      }
      return push(parsed.data);
    },
    idle: async () => {
      // Bounded: each round handles at least one queued scan, and the queue holds maxQueue.
      for (let round = 0; round <= options.maxQueue + 1 && draining !== undefined; round++) {
        await draining;
      }
    },
    close: async () => {
      closed = true;
      if (draining !== undefined) await draining;
    },
  };
}

export function describeScanDrop(reason: ScanDropReason): string {
  switch (reason.kind) {
    case 'duplicate':
      return `the same code ${reason.scan.code} arrived twice in a moment (${reason.scan.source}); kept the first`;
    case 'queue-full':
      return `more than ${reason.maxQueue} scans waiting; dropped ${reason.scan.code}`;
    case 'invalid':
      return `a scan from the terminal window was malformed: ${reason.problems}`;
    case 'closed':
      return `scan ${reason.scan.code} arrived while shutting down`;
    default:
      return assertNever(reason, 'scan drop reason');
  }
}
