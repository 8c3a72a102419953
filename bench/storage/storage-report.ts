import type {
  LatencyFigure,
  LoadRatio,
  LatencyStats,
  LoadFigure,
  StorageBenchResult,
} from './storage-bench-result';

/** One of the targets, checked against the measured figure. */
export type TargetCheck = {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
};

export function checkTargets(result: StorageBenchResult): TargetCheck[] {
  const { load } = result;
  const { ratio } = load;
  const checks: TargetCheck[] = [
    {
      name: 'load throughput vs raw IndexedDB',
      target: `≥ ${percent(load.targetRatio)}`,
      measured:
        `${percent(ratio.value)} over ${count(ratio.chunks)} chunks` +
        (ratio.crossover ? '' : ', each engine on its own database (not the engines alone)'),
      met: ratio.value >= load.targetRatio,
    },
  ];
  for (const figure of result.latencies) {
    if (figure.targetP99Ms === null) continue;
    checks.push({
      name: `${figure.name} p99`,
      target: `≤ ${figure.targetP99Ms} ms`,
      measured: `${ms(figure.terminal.p99Ms)} ms`,
      met: figure.terminal.p99Ms <= figure.targetP99Ms,
    });
  }
  return checks;
}

/** The benchmark's report as lines of text: the load, the operations, heap and targets. */
export function formatStorageReport(result: StorageBenchResult): string[] {
  const { rows, load } = result;
  const totalRows = rows.customers + rows.cards + rows.ledger + rows.balances;
  const lines = [
    `storage benchmark (Chromium IndexedDB): ${count(rows.customers)} customers, ` +
      `${count(totalRows)} rows (cards ${count(rows.cards)}, ledger ${count(rows.ledger)}, ` +
      `balances ${count(rows.balances)}), chunks of ${count(result.options.chunkSize)}`,
    `generating the rows took ${seconds(load.generateMs)} s of CPU (not in the figures below)` +
      (load.runs > 1 ? `; loaded over ${load.runs} runs in a kept profile` : ''),
    '',
    ...table(
      ['load (writes only)', 'seconds', 'rows/s', 'customers/s', 'chunk p50 ms', 'chunk p99 ms'],
      [loadRow('terminal (Dexie)', load.terminal), loadRow('raw IndexedDB', load.raw)],
    ),
    loadRatioLine(load.ratio, load.terminal.chunk.samples),
    '',
    ...table(
      [
        'operation',
        'samples',
        'p50 ms',
        'p99 ms',
        'raw p50',
        'raw p99',
        '× raw p50',
        '× raw p99',
        'target p99',
      ],
      result.latencies.map(latencyRow),
    ),
    `IndexedDB's floor here (raw reads, answered at the read, not at completion): one read ` +
      `p50 ${ms(result.floor.oneRead.p50Ms)} / p99 ${ms(result.floor.oneRead.p99Ms)} ms; ` +
      `card then customer p50 ${ms(result.floor.twoReads.p50Ms)} / ` +
      `p99 ${ms(result.floor.twoReads.p99Ms)} ms; the same two through Dexie (rows not parsed) ` +
      `p50 ${ms(result.floor.twoReadsThroughDexie.p50Ms)} / ` +
      `p99 ${ms(result.floor.twoReadsThroughDexie.p99Ms)} ms`,
    diskFlushLine(result.floor.diskFlush),
    "raw twins work on the terminal's database, as the terminal does: reads of other " +
      "customers, a sale's rows written again under other keys",
    gapLine(result.options.gapMs),
    backendLine(result.options.idbBackend),
    saleSetupLine(result.saleSetup),
    '',
    `JS heap used${result.heap.afterGc ? ' (after a full GC)' : ''}: ` +
      (load.loadedThisRun > 0 ? 'after loading' : 'before measuring (loaded by earlier runs)') +
      ` ${mib(result.heap.afterLoad)}, at the end ${mib(result.heap.atEnd)}; ` +
      `peak seen while loading ${mib(result.heap.peakDuringLoad)}`,
    `storage used by both databases: ${mib(result.storageUsage)}; ` +
      `this run ${seconds(result.environment.wallMs)} s` +
      (result.environment.crossOriginIsolated ? '' : ' (timer resolution 0.1 ms: not isolated)'),
    '',
    'targets:',
    ...checkTargets(result).map(
      (c) => `  ${c.met ? 'met   ' : 'MISSED'}  ${c.name}: ${c.measured} (target ${c.target})`,
    ),
  ];
  return lines;
}

/** Which chunks the throughput ratio is over, and each engine's time into each database. */
function loadRatioLine(ratio: LoadRatio, chunks: number): string {
  if (!ratio.crossover)
    return (
      `throughput ratio ${percent(ratio.value)}, each engine writing its own database ` +
      '(a load begun before they took turns: this charges each engine for its database)'
    );
  const { onTerminalDatabase: t, onRawDatabase: r } = ratio;
  const last = ratio.fromChunk + ratio.chunks - 1;
  return (
    `throughput ratio ${percent(ratio.value)} over chunks ${ratio.fromChunk}–${last}, each ` +
    'engine writing each database in turn (chunk-plan.ts). Seconds writing, terminal engine / ' +
    `raw: into the terminal's database ${seconds(t.terminalEngineMs)} / ` +
    `${seconds(t.rawEngineMs)}, into the raw one ${seconds(r.terminalEngineMs)} / ` +
    seconds(r.rawEngineMs) +
    (ratio.chunks === chunks
      ? ''
      : `. The other ${count(chunks - ratio.chunks)} chunks (written before the engines took ` +
        'turns, or a part-cycle) are not in it; the totals above include them')
  );
}

/** The disk's floor under a sale's durable commit, for reading the sale commit figures. */
function diskFlushLine(flush: LatencyStats | null): string {
  if (flush === null) return "the disk's floor under a durable commit: not measured";
  return (
    `the disk's floor under a durable commit (a one-page append and fdatasync after each sale, ` +
    `on the profile's file system): p50 ${ms(flush.p50Ms)} / p99 ${ms(flush.p99Ms)} ms`
  );
}

function loadRow(name: string, figure: LoadFigure): string[] {
  return [
    name,
    seconds(figure.writeMs),
    count(figure.rowsPerSecond),
    count(figure.customersPerSecond),
    ms(figure.chunk.p50Ms),
    ms(figure.chunk.p99Ms),
  ];
}

function latencyRow(figure: LatencyFigure): string[] {
  const { terminal, raw } = figure;
  return [
    figure.name,
    count(terminal.samples),
    ms(terminal.p50Ms),
    ms(terminal.p99Ms),
    ms(raw.p50Ms),
    ms(raw.p99Ms),
    ratio(terminal.p50Ms, raw.p50Ms),
    ratio(terminal.p99Ms, raw.p99Ms),
    figure.targetP99Ms === null ? '' : `≤ ${figure.targetP99Ms} ms`,
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
}

function seconds(msValue: number): string {
  return (msValue / 1000).toFixed(1);
}

function ms(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function ratio(a: number, b: number): string {
  return b > 0 ? `×${(a / b).toFixed(2)}` : '–';
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

function mib(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** How the sales were set up before their timed commits. */
function saleSetupLine(setup: StorageBenchResult['saleSetup']): string {
  return (
    "each sale follows its customer's screen (customerViewByCard), each twin a raw read of its " +
    `customer and balance rows, both unmeasured, then a ${String(setup.amountEntryMs)} ms pause ` +
    '(seconds at a real till)'
  );
}

/** Which of Chromium's IndexedDB engines held the stores. */
function backendLine(backend: StorageBenchResult['options']['idbBackend']): string {
  return backend === 'sqlite'
    ? "IndexedDB on Chromium's SQLite engine, as the terminal keeps a new store"
    : "IndexedDB on Chromium's LevelDB engine (--idb-backend leveldb), " +
        'as a terminal keeps an older store';
}

/** How the lookups and searches were spaced. */
function gapLine(gapMs: number): string {
  return gapMs === 0
    ? 'lookups and searches timed back to back (--gap-ms 0): faster than one alone at a till'
    : `each lookup and search timed alone, after ${String(gapMs)} ms idle (--gap-ms)`;
}
