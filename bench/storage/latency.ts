import type { LatencyStats } from './storage-bench-result';

/** Percentiles by rank (nearest rank, as bench/report.ts): p99 of 500 samples is the 496th. */
export function latencyStats(durationsMs: readonly number[]): LatencyStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    samples: sorted.length,
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.length === 0 ? 0 : total / sorted.length),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

/** Runs `fn` and returns how long it took, in ms (performance.now). */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
