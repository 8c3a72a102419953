/**
 * Time as the device code sees it: passed in, never read from globals, so tests drive it by
 * hand and nothing depends on the wall clock's speed.
 */
export type Timers = {
  /** Epoch ms (what ScanEvent.at carries). */
  readonly now: () => number;
  /** Runs `fn` once after `ms`; returns a function that cancels it (a no-op once it ran). */
  readonly setTimeout: (fn: () => void, ms: number) => () => void;
};

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/** A clock that moves only when a test says so; due callbacks run in time order. */
export type ManualTimers = Timers & {
  /** Moves the clock forward by `ms`, running every callback that falls due on the way. */
  readonly advance: (ms: number) => void;
  readonly pending: () => number;
};

export function createManualTimers(start = 1_700_000_000_000): ManualTimers {
  let current = start;
  let nextId = 0;
  const due = new Map<number, { readonly at: number; readonly fn: () => void }>();
  return {
    now: () => current,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      due.set(id, { at: current + Math.max(0, ms), fn });
      return () => due.delete(id);
    },
    advance: (ms) => {
      const target = current + ms;
      // Bounded: each pass runs one callback; a callback scheduling itself at 0 ms forever is
      // a bug the cap turns into an error instead of a hang.
      for (let i = 0; i < 100_000; i++) {
        let nextKey: number | undefined;
        let nextAt = Infinity;
        for (const [key, entry] of due) {
          if (entry.at <= target && entry.at < nextAt) {
            nextAt = entry.at;
            nextKey = key;
          }
        }
        if (nextKey === undefined) {
          current = target;
          return;
        }
        const entry = due.get(nextKey);
        due.delete(nextKey);
        current = nextAt;
        entry?.fn();
      }
      throw new Error('manual timers: too many callbacks in one advance');
    },
    pending: () => due.size,
  };
}
