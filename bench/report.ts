import { machine, saveBenchResult } from './bench-results';

/** Timing of one measured operation, in microseconds. */
export type Timing = {
  readonly name: string;
  readonly samples: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly opsPerSecond: number;
  readonly note?: string;
};

/** Runs `fn` `samples` times after `warmup` runs and returns percentiles of its duration. */
export function measure(
  name: string,
  samples: number,
  fn: (i: number) => void,
  options: { warmup?: number; note?: string } = {},
): Timing {
  for (let i = 0; i < (options.warmup ?? Math.min(100, samples)); i++) fn(i);
  const durations: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    durations.push(Number(process.hrtime.bigint() - t0) / 1_000);
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  durations.sort((a, b) => a - b);
  const at = (q: number): number =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return {
    name,
    samples,
    p50Us: round(at(0.5)),
    p99Us: round(at(0.99)),
    opsPerSecond: Math.round(samples / totalSeconds),
    ...(options.note ? { note: options.note } : {}),
  };
}

function round(us: number): number {
  return Math.round(us * 10) / 10;
}

/** Prints the timings as a table and saves them with the machine's description as JSON. */
export function report(benchmark: string, timings: readonly Timing[]): string {
  const header = ['operation', 'samples', 'p50 µs', 'p99 µs', 'ops/s', 'note'];
  const rows = timings.map((t) => [
    t.name,
    String(t.samples),
    String(t.p50Us),
    String(t.p99Us),
    String(t.opsPerSecond),
    t.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${benchmark}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));

  return saveBenchResult(benchmark, { machine: machine(), timings });
}
