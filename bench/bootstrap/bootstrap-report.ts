import type { BootstrapBenchResult } from './bootstrap-result';
import type { CpuUse } from './process-cpu';
import type { StatementTimes } from './timed-statements';

/** The benchmark's report as lines of text. */
export function formatBootstrapReport(result: BootstrapBenchResult): string[] {
  const { options, seeding, bootstrap: boot, probes, verification } = result;
  const customers = boot.customers;
  const bytes = boot.served?.bodyBytes ?? null;
  const lines: string[] = [
    `bootstrap benchmark: ${count(customers)} customers (cards ${count(boot.cards)}, ledger ` +
      `entries ${count(boot.entries)}, balances ${count(customers)} = ${count(boot.rowsWritten)} ` +
      `rows) from PostgreSQL ${result.database.version} (fsync ${result.database.settings['fsync'] ?? '?'}) ` +
      `into Chromium's IndexedDB, chunks of ${count(options.chunkSize)} customers`,
    `server seeding (not in the figures): ${seconds(seeding.ms)} s, ` +
      `${count(seeding.customers / (seeding.ms / 1000))} customers/s (${seeding.method}, ` +
      `chunks of ${count(seeding.chunkSize)}` +
      (seeding.generateMs === null
        ? ''
        : `; generator thread ${seconds(seeding.generateMs)} s, writes ${seconds(seeding.writeMs ?? 0)} s`) +
      `, then ANALYZE ${seconds(seeding.analyzeMs)} s)` +
      `; database ${mib(seeding.databaseBytes)}, ${count(seeding.rows.changes)} changes`,
    '',
    ...table(
      ['bootstrap of a fresh terminal', 'value'],
      [
        ['total', `${seconds(boot.totalMs)} s`],
        ['customers/s', count(boot.customersPerSecond)],
        ['rows written/s (customers+cards+entries+balances)', count(boot.rowsPerSecond)],
        [
          'first customer usable (first chunk committed)',
          boot.firstChunkMs === null ? 'n/a' : `${seconds(boot.firstChunkMs, 2)} s`,
        ],
        [
          `JS heap after${boot.heap.afterGc ? ' (after a GC)' : ''} / before / peak at commits`,
          `${mib(boot.heap.after)} / ${mib(boot.heap.before)} / ${mib(boot.heap.peak)}`,
        ],
        [
          'server time to stream (request → last byte)',
          boot.served ? `${seconds(boot.served.ms)} s` : 'n/a',
        ],
        [
          'bytes streamed (body)',
          bytes === null
            ? 'n/a'
            : `${mib(bytes)} (${count(bytes / Math.max(1, customers))} B/customer)`,
        ],
        [
          'chunk (prepare + IndexedDB tx) p50 / p99 / max',
          `${ms(boot.flush.p50Ms)} / ${ms(boot.flush.p99Ms)} / ${ms(boot.flush.maxMs)} ms`,
        ],
        ['IndexedDB storage used (navigator.storage)', mib(boot.storageUsage)],
        ['customers/s by tenth of the customers', boot.ratesByTenth.map(count).join(' ')],
      ],
    ),
    '',
    ...whereTheTimeGoes(result),
    '',
    `CPU-seconds by process during each pass (${String(result.cpu[0]?.use.cores ?? '?')} CPUs; ` +
      `"not ours": other work on the machine; load average at the start ` +
      `${result.environment.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}):`,
    '  browser process = IndexedDB backend, renderer = the page (parse, zod, fold, Dexie), ' +
      'node = sync API + bench driver',
    ...cpuTable(result.cpu),
    '',
    `server statements during the bootstrap (round trip: PostgreSQL + rows sent + pg's jsonb decoding):`,
    ...statementTable(boot.statements),
    '',
    `correctness: ${verification.ok ? 'OK' : 'FAILED'} — terminal ${countsText(verification.terminal)}; ` +
      `server customers ${count(verification.server.customers)}, cards ${count(verification.server.cards)}, ` +
      `ledger ${count(verification.server.ledger)} (${verification.countsMatch ? 'equal' : 'DIFFERENT'}); ` +
      `checkpoint and cursor at asOf ${String(verification.server.maxSeq)}: ${verification.checkpointOk ? 'yes' : 'NO'}; ` +
      `balance caches equal to the server's ledger fold: ` +
      `${String(verification.spotChecked - verification.spotMismatches.length)}/${String(verification.spotChecked)}`,
  ];
  if (probes.orderedByUuid)
    lines.push(
      `what-if check: ordered by uuid, ${String(probes.orderedByUuid.rewritten)} page queries rewritten, ` +
        `the first ${String(probes.orderedByUuid.checkedLines)} lines equal the server's: ` +
        (probes.orderedByUuid.sameLines ? 'yes' : 'NO'),
    );
  if (probes.linesBuiltInSql)
    lines.push(
      `what-if check: the first ${String(probes.linesBuiltInSql.checkedLines)} SQL-built lines equal the server's: ` +
        (probes.linesBuiltInSql.sameLines ? 'yes' : 'NO'),
    );
  if (boot.served)
    lines.push(
      `server: 'close' listeners left on the snapshot response at its end: ${count(boot.served.closeListenersLeft)}`,
    );
  if (result.environment.warnings.length > 0)
    lines.push(`process warnings: ${result.environment.warnings.slice(0, 3).join(' | ')}`);
  lines.push(
    `Chromium ${browserVersion(result.environment.userAgent)}` +
      (result.environment.crossOriginIsolated ? '' : ' (not cross-origin isolated: 0.1 ms timer)') +
      `; whole run ${seconds(result.environment.wallMs)} s`,
  );
  return lines;
}

function whereTheTimeGoes(result: BootstrapBenchResult): string[] {
  const { probes, bootstrap: boot } = result;
  const n = boot.customers;
  const rows: string[][] = [];
  const row = (
    name: string,
    msValue: number | null,
    byteCount: number | null,
    note: string,
  ): void => {
    rows.push([
      name,
      msValue === null ? '' : seconds(msValue),
      msValue === null || msValue <= 0 ? '' : count(n / (msValue / 1000)),
      msValue === null || byteCount === null || msValue <= 0
        ? ''
        : (byteCount / 2 ** 20 / (msValue / 1000)).toFixed(1),
      note,
    ]);
  };
  const alone = probes.serverAlone;
  if (alone) {
    row('server alone: streamSnapshot, lines dropped', alone.ms, alone.bytes, 'no HTTP');
    row('  of which statements', alone.statementsMs, null, 'PostgreSQL + pg decoding jsonb');
    row('  of which JSON.stringify', alone.stringifyMs, null, 'as streamLines');
    row('  rest (grouping, awaits)', alone.ms - alone.statementsMs - alone.stringifyMs, null, '');
  }
  const ordered = probes.orderedByUuid;
  if (ordered) {
    row('what-if: page query ordered by uuid', ordered.ms, ordered.bytes, 'order by customers.id');
    row('  of which statements', ordered.statementsMs, null, '');
  }
  if (probes.queriesAsText)
    row(
      'same queries, jsonb as text',
      probes.queriesAsText.ms,
      probes.queriesAsText.bytes,
      'no decoding in pg',
    );
  if (probes.linesBuiltInSql)
    row(
      'what-if: lines built as text in SQL',
      probes.linesBuiltInSql.ms,
      probes.linesBuiltInSql.bytes,
      'json_build_object, no JS',
    );
  if (probes.httpClient)
    row(
      'HTTP to a Node client dropping bytes',
      probes.httpClient.ms,
      probes.httpClient.bytes,
      `server side ${probes.httpClient.served ? seconds(probes.httpClient.served.ms) : '?'} s`,
    );
  if (probes.chromiumFetch)
    row(
      'Chromium: fetch, bytes dropped',
      probes.chromiumFetch.ms,
      probes.chromiumFetch.bytes,
      `first byte ${ms(probes.chromiumFetch.firstByteMs)} ms`,
    );
  const streamBytes = boot.served?.bodyBytes ?? null;
  if (probes.chromiumJson)
    row('Chromium: + TextDecoder, lines, JSON.parse', probes.chromiumJson.ms, streamBytes, '');
  if (probes.chromiumTransport) {
    row('Chromium: + zod (httpSyncTransport)', probes.chromiumTransport.ms, streamBytes, '');
    row(
      'Chromium: toCustomerRow + foldLedger',
      probes.chromiumTransport.prepareMs,
      null,
      'CPU, chunk by chunk',
    );
  }
  row('full bootstrap', boot.totalMs, streamBytes, 'bootstrapIfNeeded');
  row('  waiting for the next line', boot.waitMs, null, 'server, network, parse, zod');
  row('  chunks: last line → commit', boot.flush.totalMs, null, `${String(boot.flush.samples)} tx`);
  if (probes.chromiumTransport)
    row(
      '    ≈ Dexie + IndexedDB alone',
      boot.flush.totalMs - probes.chromiumTransport.prepareMs,
      null,
      'minus toCustomerRow + foldLedger',
    );
  row('  rest', boot.totalMs - boot.waitMs - boot.flush.totalMs, null, 'header, program, cursor');
  return table(['where the time goes', 'seconds', 'customers/s', 'MiB/s', 'note'], rows);
}

function cpuTable(phases: readonly { phase: string; use: CpuUse }[]): string[] {
  const groups = [...new Set(phases.flatMap((p) => Object.keys(p.use.groups)))].filter((g) =>
    phases.some((p) => (p.use.groups[g] ?? 0) >= 0.05),
  );
  const ours = (use: CpuUse): number => Object.values(use.groups).reduce((a, b) => a + b, 0);
  return table(
    ['pass', 'wall s', ...groups.map(shortGroup), 'not ours', 'machine busy'],
    phases.map(({ phase, use }) => [
      phase,
      use.wallSeconds.toFixed(1),
      ...groups.map((g) => (use.groups[g] ?? 0).toFixed(1)),
      use.machineBusy === null ? '' : Math.max(0, use.machineBusy - ours(use)).toFixed(1),
      use.machineBusy === null
        ? ''
        : `${use.machineBusy.toFixed(1)} (${String(Math.round((100 * use.machineBusy) / (use.wallSeconds * use.cores)))} %)`,
    ]),
  );
}

/** Column titles: the group names without their explanations. */
function shortGroup(group: string): string {
  return group.replace(/ \(.*\)$/, '').replace(/^chromium /, '');
}

function statementTable(times: StatementTimes): string[] {
  return table(
    ['statement', 'count', 'total s', 'mean ms', 'max ms'],
    Object.entries(times)
      .sort((a, b) => b[1].totalMs - a[1].totalMs)
      .map(([label, t]) => [
        label,
        count(t.count),
        seconds(t.totalMs),
        ms(t.totalMs / Math.max(1, t.count)),
        ms(t.maxMs),
      ]),
  );
}

function countsText(c: {
  customers: number;
  cards: number;
  ledger: number;
  balances: number;
}): string {
  return `customers ${count(c.customers)}, cards ${count(c.cards)}, ledger ${count(c.ledger)}, balances ${count(c.balances)}`;
}

function browserVersion(userAgent: string): string {
  return /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? userAgent;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
}

function seconds(msValue: number, digits = 1): string {
  return (msValue / 1000).toFixed(digits);
}

function ms(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(2);
}

function mib(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
