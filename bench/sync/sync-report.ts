import type { SqlTimings } from './timed-sql';

/** One of the targets (or an informative figure, target null), checked. */
export type Figure = {
  readonly name: string;
  readonly measured: string;
  readonly target: string | null;
  /** null: no target, or not measured. */
  readonly met: boolean | null;
};

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function figureTable(figures: readonly Figure[]): string[] {
  return formatTable(
    ['figure', 'measured', 'target', 'result'],
    figures.map((f) => [
      f.name,
      f.measured,
      f.target ?? '',
      f.met === null ? '' : f.met ? 'met' : 'MISSED',
    ]),
  );
}

/** Server-side time of a phase, per statement kind and per transaction, as plain numbers. */
export type ServerTimes = {
  readonly statements: Record<
    string,
    { count: number; totalMs: number; meanMs: number; maxMs: number }
  >;
  readonly transactions: {
    count: number;
    meanTotalMs: number;
    meanWorkMs: number;
    meanStatementsMs: number;
    /** Waiting for a pooled connection, BEGIN and COMMIT (fsync). */
    meanOutsideWorkMs: number;
    /** The server's JavaScript between statements inside the transaction. */
    meanJsInWorkMs: number;
  };
};

export function serverTimes(timings: SqlTimings): ServerTimes {
  const statements: ServerTimes['statements'] = {};
  for (const [label, stat] of [...timings.statements].sort((a, b) => b[1].totalMs - a[1].totalMs))
    statements[label] = {
      count: stat.count,
      totalMs: r1(stat.totalMs),
      meanMs: r2(stat.totalMs / stat.count),
      maxMs: r1(stat.maxMs),
    };
  const t = timings.transactions;
  const per = (ms: number): number => (t.count === 0 ? 0 : r2(ms / t.count));
  return {
    statements,
    transactions: {
      count: t.count,
      meanTotalMs: per(t.totalMs),
      meanWorkMs: per(t.workMs),
      meanStatementsMs: per(t.statementMs),
      meanOutsideWorkMs: per(t.totalMs - t.workMs),
      meanJsInWorkMs: per(t.workMs - t.statementMs),
    },
  };
}

export function r1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function r2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
}
