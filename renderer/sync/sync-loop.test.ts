import { describe, expect, it } from 'vitest';
import { backoffDelay, createSyncLoop } from './sync-loop';
import type { SyncStatus } from './sync-loop';
import type { SyncReport } from './sync-once';
import { SyncError } from './sync-transport';

const REPORT: SyncReport = {
  pushed: { applied: 0, duplicate: 0, rejected: 0 },
  pulled: 0,
  cursor: 0,
  programs: [],
  newestStamp: null,
};

/** A loop on a hand-driven clock: timers fire only when the test advances time. */
function harness(outcomes: (() => Promise<SyncReport>)[]) {
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const statuses: SyncStatus[] = [];
  let calls = 0;
  const loop = createSyncLoop({
    runOnce: () => {
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
      calls += 1;
      return outcome ? outcome() : Promise.resolve(REPORT);
    },
    now: () => now,
    random: () => 1,
    setTimer: (run, ms) => {
      nextId += 1;
      timers.push({ at: now + ms, run, id: nextId });
      return nextId;
    },
    clearTimer: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    onStatus: (status) => statuses.push(status),
    intervalMs: 60_000,
    backoffBaseMs: 2_000,
    backoffMaxMs: 300_000,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    loop,
    statuses,
    calls: () => calls,
    pending: () => timers.map((t) => t.at - now),
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      await settle();
      await settle();
    },
    settle,
  };
}

const offline = () => Promise.reject(new SyncError('offline', 'no link'));
const fine = () => Promise.resolve(REPORT);

describe('backoffDelay', () => {
  it.each([
    [1, 0, 1_000],
    [1, 1, 2_000],
    [3, 0, 4_000],
    [3, 1, 8_000],
    [10, 0, 150_000],
    [10, 1, 300_000],
    [40, 1, 300_000],
  ])('failure %i, random %d → %i ms', (failures, random, delay) => {
    expect(backoffDelay(failures, 2_000, 300_000, random)).toBe(delay);
  });
});

describe('sync loop', () => {
  it('syncs at start and then every interval', async () => {
    const h = harness([fine]);
    h.loop.start();
    await h.settle();
    expect(h.calls()).toBe(1);
    expect(h.pending()).toEqual([60_000]);
    await h.advance(60_000);
    expect(h.calls()).toBe(2);
    expect(h.statuses.at(-1)).toMatchObject({ state: 'idle', lastSuccessAt: 60_000, failures: 0 });
  });

  it('backs off after failures, doubling, and is back to the interval after a success', async () => {
    const h = harness([offline, offline, offline, fine]);
    h.loop.start();
    await h.settle();
    expect(h.statuses.at(-1)).toMatchObject({
      state: 'offline',
      failures: 1,
      error: { kind: 'offline' },
    });
    expect(h.pending()).toEqual([2_000]);
    await h.advance(2_000);
    expect(h.pending()).toEqual([4_000]);
    await h.advance(4_000);
    expect(h.pending()).toEqual([8_000]);
    await h.advance(8_000);
    expect(h.statuses.at(-1)).toMatchObject({ state: 'idle', failures: 0, error: null });
    expect(h.pending()).toEqual([60_000]);
  });

  it('the link coming back syncs at once, without waiting for the backoff', async () => {
    const h = harness([offline, fine]);
    h.loop.start();
    await h.settle();
    h.loop.linkChanged(true);
    await h.settle();
    expect(h.calls()).toBe(2);
    expect(h.statuses.at(-1)).toMatchObject({ state: 'idle' });
  });

  it('"Sync now" during a round runs one more round after it, and resolves after that one', async () => {
    let release: (report: SyncReport) => void = () => undefined;
    const slow = () => new Promise<SyncReport>((resolve) => (release = resolve));
    const h = harness([slow, fine]);
    h.loop.start();
    const first = h.loop.syncNow();
    const second = h.loop.syncNow();
    release(REPORT);
    const [a, b] = await Promise.all([first, second]);
    expect(h.calls()).toBe(2);
    expect(a.state).toBe('idle');
    expect(b).toBe(a);
  });

  it('a refusal (revoked terminal) is an error a manager must see', async () => {
    const h = harness([() => Promise.reject(new SyncError('refused', 'revoked', 'revoked'))]);
    const status = await h.loop.syncNow();
    expect(status).toMatchObject({ state: 'error', error: { kind: 'refused', code: 'revoked' } });
  });

  it('stop cancels the timer', async () => {
    const h = harness([fine]);
    h.loop.start();
    await h.settle();
    h.loop.stop();
    expect(h.pending()).toEqual([]);
  });
});
