import type { CpuFigures } from './cpu-meter';
import { BREAKDOWN_STEPS } from './push-breakdown';
import { count, figureTable, formatTable, r1 } from './sync-report';
import type { Figure, ServerTimes } from './sync-report';
import type { PushPhase, SyncBenchResult } from './sync-result';
import { CHANGE_LOG_STATEMENT } from './timed-sql';

/** The issue's targets: 10 000 messages pushed in ≤ 3 s, ≥ 5 000 messages/s, no errors. */
export const TARGETS = {
  eodMessages: 10_000,
  eodSeconds: 3,
  ingestPerSecond: 5_000,
  errors: 0,
} as const;
const EOD_RATE_TARGET = TARGETS.eodMessages / TARGETS.eodSeconds;

export function checkFigures(result: SyncBenchResult): Figure[] {
  const { endOfDay: eod, ingest, manyTerminals: many, options } = result;
  const pg = result.machine.engine === 'postgres';
  const full = eod.messages >= TARGETS.eodMessages;
  const n = String(many.terminals);
  const pair = (a: number, b: number): string => `${r1(a).toFixed(1)} / ${r1(b).toFixed(1)} ms`;
  return [
    {
      name: `end-of-day push: ${count(eod.messages)} messages, ${String(eod.requests)} × ${String(options.maxPushBatch)}, one at a time`,
      measured:
        eod.runsSeconds.length > 1
          ? `${eod.seconds.toFixed(2)} s (median of ${eod.runsSeconds.map((s) => s.toFixed(2)).join(' / ')})`
          : `${eod.seconds.toFixed(2)} s`,
      target: full ? `≤ ${String(TARGETS.eodSeconds)} s` : null,
      met: !eod.finished ? false : full ? eod.seconds <= TARGETS.eodSeconds : null,
    },
    {
      name: 'end-of-day push rate',
      measured: `${count(eod.messagesPerSecond)} msg/s`,
      target: `≥ ${count(EOD_RATE_TARGET)} msg/s`,
      met: eod.finished && eod.messagesPerSecond >= EOD_RATE_TARGET,
    },
    {
      name: 'end-of-day push: one request p50 / p99',
      measured: pair(eod.latency.p50Ms, eod.latency.p99Ms),
      target: null,
      met: null,
    },
    {
      name: `server ingest: ${count(ingest.messages)} messages, ${String(options.ingestPushers)} terminals in parallel`,
      measured: `${count(ingest.messagesPerSecond)} msg/s`,
      target: `≥ ${count(TARGETS.ingestPerSecond)} msg/s${pg ? '' : ' (on PostgreSQL)'}`,
      met: pg ? ingest.finished && ingest.messagesPerSecond >= TARGETS.ingestPerSecond : null,
    },
    {
      name: 'server ingest: one request p50 / p99',
      measured: pair(ingest.latency.p50Ms, ingest.latency.p99Ms),
      target: null,
      met: null,
    },
    {
      name: `${n} terminals at once: push of ${String(many.messagesPerSync)} p50 / p99`,
      measured: pair(many.push.p50Ms, many.push.p99Ms),
      target: null,
      met: null,
    },
    {
      name: `${n} terminals at once: pull page p50 / p99`,
      measured: pair(many.pull.p50Ms, many.pull.p99Ms),
      target: null,
      met: null,
    },
    {
      name: `${n} terminals at once: whole sync p50 / p99`,
      measured: pair(many.sync.p50Ms, many.sync.p99Ms),
      target: null,
      met: null,
    },
    {
      name: `${n} terminals at once: errors in ${count(many.outcome.requests)} requests`,
      measured: String(many.errors),
      target: String(TARGETS.errors),
      met: many.finished && many.errors === TARGETS.errors,
    },
    {
      name: 'rejected messages, all phases (a correct run has none)',
      measured: String(result.rejectedAll),
      target: '0',
      met: result.rejectedAll === 0,
    },
    {
      name: 'bootstrap of 1 000 000 customers',
      measured: 'by bench/bootstrap.bench.ts',
      target: null,
      met: null,
    },
  ];
}

export function renderReport(result: SyncBenchResult): { lines: string[]; figures: Figure[] } {
  const figures = checkFigures(result);
  const { endOfDay: eod, ingest, manyTerminals: many, breakdown, options } = result;
  const pg = result.machine.engine === 'postgres';
  const batch = String(options.maxPushBatch);
  const breakdownShare = (ms: number): string =>
    `${String(Math.round((100 * ms * breakdown.batches) / Math.max(1, breakdown.totalMs)))} %`;

  const lines = [
    '',
    `sync benchmark — ${pg ? 'PostgreSQL, durable (fsync on)' : 'PGlite (informative: the targets are for PostgreSQL)'}${options.quick ? ', --quick' : ''}`,
    `${String(result.machine['cpus'])} CPUs (${String(result.machine['cpuModel'])}), Node ${String(result.machine['node'])}, ` +
      `load average at the end ${JSON.stringify(result.machine['loadAverage'])}`,
    `server: pg pool ${result.machine.pgPoolSize === null ? 'n/a (PGlite: one connection, in the server thread)' : `${String(result.machine.pgPoolSize)} connections (openPostgresSql default)`}; ` +
      `clients: ${result.machine.fetch}`,
    ...(pg
      ? [
          `PostgreSQL ${Object.entries(result.machine.database)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`,
        ]
      : []),
    '',
    ...figureTable(figures),
    '',
    `Where an end-of-day push of ${batch} goes (median run; mean per request over ${String(eod.requests)}; server side from the Sql stopwatch)`,
    ...formatTable(['part', 'ms', 'share'], whereTime(eod)),
    '',
    'its SQL statements (mean per request; times include the pool wait and sending the JSON parameter)',
    ...statementTable(eod.server, eod.requests),
    '',
    `The same per request during the ingest (${String(options.ingestPushers)} pushers at once)`,
    ...formatTable(['part', 'ms', 'share'], whereTime(ingest)),
    '',
    `A push's steps called directly, no HTTP (${String(breakdown.batches)} batches of ${batch}; ` +
      `${count(breakdown.messages / (breakdown.totalMs / 1000))} msg/s)`,
    ...formatTable(
      ['step', 'ms per batch', 'share'],
      BREAKDOWN_STEPS.map((step) => [
        step,
        breakdown.meanMsPerBatch[step].toFixed(1),
        breakdownShare(breakdown.meanMsPerBatch[step]),
      ]),
    ),
    '',
    `The write statements of one batch of ${batch} under EXPLAIN ANALYZE (rolled back)`,
    ...formatTable(
      ['statement', 'rows', 'execution ms', 'FK triggers ms', 'FK share'],
      result.explained.map((e) => [
        e.statement,
        String(e.rows),
        e.executionMs.toFixed(1),
        e.foreignKeyMs.toFixed(1),
        e.executionMs === 0
          ? ''
          : `${String(Math.round((100 * e.foreignKeyMs) / e.executionMs))} %`,
      ]),
    ),
    '',
    `${String(many.terminals)} terminals at once: ${String(many.rounds)} rounds of ${many.roundSeconds.map((s) => s.toFixed(1)).join(' / ')} s; ` +
      `${count(many.pages)} pull pages, ${count(many.changesPulled)} changes, ${String(many.mibPulled)} MiB pulled; ` +
      `up to ${String(many.maxInFlight)} requests in flight`,
    `every terminal pulls the whole chain's changes: ${count(many.changesWritten)} changes written, ` +
      `${count(many.changesPulled)} sent (${(many.changesPulled / Math.max(1, many.changesWritten)).toFixed(0)} × each)`,
    ...formatTable(
      ['server side', 'calls', 'mean ms', 'max ms'],
      [
        [
          'push transaction, asked → committed',
          String(many.server.transactions.count),
          many.server.transactions.meanTotalMs.toFixed(1),
          '',
        ],
        ...['authenticate', CHANGE_LOG_STATEMENT, 'pull: changes page'].map((label) => {
          const s = many.server.statements[label];
          return [
            `${label}${label === CHANGE_LOG_STATEMENT ? '' : ' (pool wait + query)'}`,
            String(s?.count ?? 0),
            (s?.meanMs ?? 0).toFixed(1),
            (s?.maxMs ?? 0).toFixed(1),
          ];
        }),
      ],
    ),
    '',
    `One full pull page alone (${String(result.pullSteps.pages)} pages of ~${count(result.pullSteps.changesPerPage)} changes, ` +
      `${count(result.pullSteps.bytesPerPage / 1024)} KiB): query + pg JSON parse ${result.pullSteps.queryMs.toFixed(1)} ms, ` +
      `JSON.stringify ${result.pullSteps.stringifyMs.toFixed(1)} ms, terminal's JSON.parse ${result.pullSteps.clientParseMs.toFixed(1)} ms`,
    '',
    'CPU per phase, in seconds. Loop busy: wall time a thread’s event loop was not idle (it includes',
    'waiting for a CPU, so it can exceed CPU time); machine CPU counts everything on the machine.',
    ...formatTable(
      [
        'phase',
        'wall',
        'server loop busy',
        'client loop busy',
        'Node CPU',
        'PostgreSQL CPU',
        'machine CPU of max',
        'others’ CPU',
      ],
      [
        cpuRow('end-of-day push (median run)', eod.cpu),
        cpuRow('ingest', ingest.cpu),
        cpuRow(`${String(many.terminals)} terminals`, many.cpu),
      ].filter((row): row is string[] => row !== null),
    ),
    ...(pg
      ? [
          '',
          'What the server’s pooled connections were doing (mean connections, sampled from pg_stat_activity)',
          ...formatTable(
            ['state', 'end-of-day', 'ingest', `${String(many.terminals)} terminals`],
            activityRows([eod.connections, ingest.connections, many.connections]),
          ),
        ]
      : []),
    '',
    `database afterwards: messages ${JSON.stringify(result.database.messages)}, ` +
      `changes ${JSON.stringify(result.database.changes)}, flags ${JSON.stringify(result.database.flags)}`,
    ...[result.warmup, eod, ingest, many]
      .flatMap((phase) => phase.outcome.samples)
      .slice(0, 10)
      .map((sample) => `  sample: ${sample}`),
    ...result.serverLog.slice(0, 5).map((line) => `  server log: ${line}`),
    `whole run ${result.wallSeconds.toFixed(0)} s (setup: registration ${(result.setup.registerMs / 1000).toFixed(1)} s, ` +
      `generating messages ${(result.setup.generateMs / 1000).toFixed(1)} s — not in any figure)`,
  ];
  return { lines, figures };
}

/** A push request's mean time, split by the Sql stopwatch; the rest is HTTP, JSON and zod. */
function whereTime(phase: PushPhase): string[][] {
  const tx = phase.server.transactions;
  const latency = phase.latency.meanMs;
  const mean = (label: string): number => phase.server.statements[label]?.meanMs ?? 0;
  const perRequest = (prefix: string): number =>
    Object.entries(phase.server.statements)
      .filter(([label]) => label.startsWith(prefix))
      .reduce((n, [, s]) => n + s.totalMs / Math.max(1, tx.count), 0);
  const auth = mean('authenticate');
  const rows: [string, number][] = [
    ['request, as the terminal saw it', latency],
    ['  authenticate (pool wait + query)', auth],
    ['  transaction, asked → committed', tx.meanTotalMs],
    ['    pool wait + BEGIN + COMMIT (fsync)', tx.meanOutsideWorkMs],
    [`    ${CHANGE_LOG_STATEMENT}`, mean(CHANGE_LOG_STATEMENT)],
    ['    load statements (6)', perRequest('load: ')],
    ['    write statements', perRequest('write: ')],
    ['    JS between statements (row parsing, planPush, JSON.stringify)', tx.meanJsInWorkMs],
    ['  rest: HTTP, body JSON.parse, zod, answer', latency - auth - tx.meanTotalMs],
  ];
  return rows.map(([name, ms]) => [
    name,
    ms.toFixed(1),
    `${String(Math.round((100 * ms) / Math.max(0.001, latency)))} %`,
  ]);
}

function statementTable(times: ServerTimes, requests: number): string[] {
  return formatTable(
    ['statement', 'calls', 'ms per request', 'max ms'],
    Object.entries(times.statements).map(([label, s]) => [
      label,
      String(s.count),
      (s.totalMs / Math.max(1, requests)).toFixed(1),
      s.maxMs.toFixed(1),
    ]),
  );
}

function cpuRow(name: string, cpu: CpuFigures | null): string[] | null {
  if (!cpu) return null;
  const seconds = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(1));
  const others = cpu.machine === null ? null : cpu.machine - cpu.nodeProcess - (cpu.postgres ?? 0);
  return [
    name,
    cpu.wallSeconds.toFixed(1),
    seconds(cpu.serverThread),
    seconds(cpu.clientThread),
    seconds(cpu.nodeProcess),
    seconds(cpu.postgres),
    `${seconds(cpu.machine)} of ${(cpu.wallSeconds * cpu.cores).toFixed(1)}`,
    seconds(others === null ? null : Math.max(0, others)),
  ];
}

function activityRows(
  phases: readonly ({ readonly meanConnections: Record<string, number> } | null)[],
): string[][] {
  const states = [...new Set(phases.flatMap((p) => Object.keys(p?.meanConnections ?? {})))];
  return states.map((state) => [
    state,
    ...phases.map((p) => (p?.meanConnections[state] ?? 0).toFixed(2)),
  ]);
}
