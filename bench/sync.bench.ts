import { parseArgs } from 'node:util';
import { MAX_PULL_PAGE, MAX_PUSH_BATCH } from '../shared/sync/protocol';
import { openPostgresSql } from '../server/db/postgres-sql';
import { createProgramStore } from '../server/programs/program-store';
import { PG_POOL_SIZE, startBenchServer } from './sync/bench-server';
import type { BenchServer, Engine } from './sync/bench-server';
import { cpuMeter } from './sync/cpu-meter';
import type { CpuFigures } from './sync/cpu-meter';
import { explainWrites } from './sync/explain-writes';
import { startLoadClient } from './sync/load-client';
import type { LoadClient } from './sync/load-client';
import { errorCount } from './sync/load-protocol';
import { sampleActivity } from './sync/pg-activity';
import type { ActivityFigures } from './sync/pg-activity';
import { measurePullSteps } from './sync/pull-steps';
import { BREAKDOWN_STEPS, pushWithBreakdown } from './sync/push-breakdown';
import type { BatchBreakdown } from './sync/push-breakdown';
import { summarize } from './sync/stats';
import { renderReport } from './sync/sync-render';
import { r1, r2, serverTimes } from './sync/sync-report';
import { machine, saveBenchResult } from './bench-results';
import type { ServerTimes } from './sync/sync-report';
import type { BenchPlan, PushPhase, SyncBenchResult } from './sync/sync-result';
import { pushBodies, terminalWork } from './sync/workload';
import type { TerminalWork } from './sync/workload';

/**
 * The central server under sync load, over real HTTP against a real, durable PostgreSQL
 * (fsync on) — or PGlite, for information. Prints a table and saves JSON in bench/results/.
 *
 *   npx tsx bench/sync.bench.ts [--engine postgres|pglite] [--quick]
 *
 * 1. End-of-day push: one terminal sends 10 000 messages in batches of MAX_PUSH_BATCH, one
 *    request at a time, as its sync client does (target ≤ 3 s).
 * 2. Server ingest: 50 000 messages from 8 terminals pushing in parallel (target ≥ 5 000
 *    messages/s on PostgreSQL).
 * 3. 200 terminals of 20 stores syncing at once, 3 rounds: each pushes 20 messages, then pulls
 *    from its cursor until `more` is false. Latency p50/p99 per request; errors (any non-200,
 *    no answer within the terminal's 30 s, a rejected, duplicate or unanswered message;
 *    target 0).
 * Where the time goes: a push's steps called directly (JSON, zod, loadPushState, planPush,
 * writePushPlan, commit); the time the HTTP requests spent in each kind of SQL statement
 * (the server is handed a stopwatch-wrapped Sql); the write statements under EXPLAIN
 * ANALYZE; a pull page's steps; what the pooled connections were doing (pg_stat_activity);
 * and the CPU-seconds of the server thread, the clients, PostgreSQL and the whole machine.
 * The bootstrap of a new terminal (1 000 000 customers) has its own benchmark,
 * bench/bootstrap.bench.ts.
 *
 * Messages are real outbox messages made by the engine (server/testing/sync-fixtures.ts)
 * before any clock starts. The terminals' side runs in a worker thread (sync/load-worker.ts),
 * so its JSON work does not stall the server's event loop; both share the machine's CPUs
 * with the database. `--quick`: the same with small counts (well under a minute).
 */

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    quick: { type: 'boolean', default: false },
  },
});
if (args.engine !== 'postgres' && args.engine !== 'pglite')
  throw new Error(`--engine must be postgres or pglite, got ${JSON.stringify(args.engine)}`);
const engine: Engine = args.engine;
const quick = args.quick;

const plan: BenchPlan = quick
  ? {
      warmupMessages: 500,
      eodMessages: 1_000,
      eodRuns: 1,
      breakdownBatches: 2,
      ingestPushers: 4,
      ingestMessagesEach: 1_000,
      stores: 2,
      syncTerminals: 20,
      syncRounds: 2,
      messagesPerSync: 20,
      budgetMs: 60_000,
    }
  : {
      warmupMessages: 1_000,
      eodMessages: 10_000,
      eodRuns: 3,
      breakdownBatches: 4,
      ingestPushers: 8,
      ingestMessagesEach: 6_250,
      stores: 20,
      syncTerminals: 200,
      syncRounds: 3,
      messagesPerSync: 20,
      budgetMs: 300_000,
    };

/** Pages one pull may take before the loop counts as broken (a safety bound). */
const MAX_PAGES_PER_PULL = 1_000;

const storeIds = Array.from(
  { length: plan.stores },
  (_, i) => `S${String(i + 1).padStart(2, '0')}`,
);
const store = (i: number): string => storeIds[i % storeIds.length]!;

function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function run(server: BenchServer, client: LoadClient): Promise<void> {
  const runStarted = performance.now();
  const meter = cpuMeter({ clientElu: () => client.elu(), postmasterPid: server.postmasterPid });
  const sampler = server.databaseUrl === null ? null : openPostgresSql(server.databaseUrl, 1);
  /** Runs a phase with the server's SQL stopwatch reset, the CPU metered, connections sampled. */
  const measured = async <T>(
    work: () => Promise<T>,
  ): Promise<{
    value: T;
    server: ServerTimes;
    cpu: CpuFigures;
    connections: ActivityFigures | null;
  }> => {
    server.timed.reset();
    const activity = sampler ? sampleActivity(sampler, server.databaseName) : null;
    const cpuStart = meter.start();
    try {
      const value = await work();
      const cpu = meter.stop(cpuStart);
      const connections = (await activity?.stop()) ?? null;
      return { value, server: serverTimes(server.timed.snapshot()), cpu, connections };
    } finally {
      await activity?.stop(); // idempotent; stops the sampling if the phase failed
    }
  };

  try {
    // ── Setup: stores, terminals registered over HTTP, their work generated (not timed) ──
    let started = performance.now();
    for (const id of storeIds) await server.createStore(id);
    const credentials = new Map<string, string>();
    const register = async (storeId: string, terminalId: string): Promise<void> => {
      credentials.set(terminalId, await server.registerTerminal(storeId, terminalId));
    };
    await register(store(0), 'WARM');
    const eodIds = Array.from({ length: plan.eodRuns }, (_, i) => `EOD${String(i + 1)}`);
    for (const id of eodIds) await register(store(0), id);
    await register(store(1), 'PROF');
    const ingestIds = Array.from({ length: plan.ingestPushers }, (_, i) => `ING${String(i + 1)}`);
    for (const [i, id] of ingestIds.entries()) await register(store(i), id);
    const perStore = Math.ceil(plan.syncTerminals / plan.stores);
    const syncIds = Array.from({ length: plan.syncTerminals }, (_, i) => {
      const storeId = storeIds[Math.floor(i / perStore)]!;
      return { storeId, terminalId: `${storeId}-T${String((i % perStore) + 1).padStart(2, '0')}` };
    });
    for (const { storeId, terminalId } of syncIds) await register(storeId, terminalId);
    const registerMs = performance.now() - started;
    log(`${String(credentials.size)} terminals registered over HTTP in ${r1(registerMs / 1000)} s`);

    started = performance.now();
    const work = (terminalId: string, storeId: string, seed: number, n: number): TerminalWork =>
      terminalWork({ terminalId, storeId, seed, count: n, firstDay: 100 });
    const warmup = work('WARM', store(0), 1, plan.warmupMessages);
    const eod = eodIds.map((id, i) => work(id, store(0), 21 + i, plan.eodMessages));
    // One batch more than the breakdown pushes: explained under EXPLAIN ANALYZE, rolled back.
    const profile = work('PROF', store(1), 3, (plan.breakdownBatches + 1) * MAX_PUSH_BATCH);
    const ingest = ingestIds.map((id, i) => work(id, store(i), 11 + i, plan.ingestMessagesEach));
    const sync = syncIds.map(({ storeId, terminalId }, i) =>
      work(terminalId, storeId, 101 + i, plan.syncRounds * plan.messagesPerSync),
    );
    const all = [warmup, ...eod, profile, ...ingest, ...sync];
    const sum = (f: (w: TerminalWork) => number): number => all.reduce((n, w) => n + f(w), 0);
    const generated = {
      messages: sum((w) => w.messages.length),
      enrolments: sum((w) => w.counts.enrolments),
      sales: sum((w) => w.counts.sales),
      redemptions: sum((w) => w.counts.redemptions),
      entries: sum((w) => w.counts.entries),
    };
    const generateMs = performance.now() - started;
    log(
      `${String(generated.messages)} messages generated in ${r1(generateMs / 1000)} s ` +
        `(${String(generated.enrolments)} enrolments, ${String(generated.sales)} sales of which ` +
        `${String(generated.redemptions)} spend points; ${String(generated.entries)} ledger entries)`,
    );

    const pushPhase = async (name: string, works: readonly TerminalWork[]): Promise<PushPhase> => {
      const pushers = works.map((w) => ({
        credential: credentials.get(w.terminalId)!,
        ...pushBodies(w.messages),
      }));
      const { value: result, ...around } = await measured(() =>
        client.push({ url: server.url, budgetMs: plan.budgetMs, pushers }),
      );
      const phase: PushPhase = {
        messages: result.messagesSent,
        requests: result.outcome.requests,
        seconds: r2(result.wallMs / 1000),
        messagesPerSecond: Math.round(result.messagesSent / (result.wallMs / 1000)),
        latency: summarize(result.latenciesMs),
        finished: result.finished,
        errors: errorCount(result.outcome),
        outcome: result.outcome,
        ...around,
      };
      log(
        `${name}: ${String(phase.messages)} messages in ${String(phase.seconds)} s ` +
          `(${String(phase.messagesPerSecond)}/s), ${String(phase.errors)} errors`,
      );
      return phase;
    };

    // ── Warm-up: the server's code paths compiled, the program cache filled ──
    const warm = await pushPhase('warm-up', [warmup]);

    // ── 1. End-of-day push: one terminal, batches in order, one request at a time ──
    // Repeated by other terminals of the same store (the machine is shared): the median counts.
    const eodRuns: PushPhase[] = [];
    for (const w of eod) eodRuns.push(await pushPhase(`end-of-day push ${w.terminalId}`, [w]));
    const bySeconds = [...eodRuns].sort((a, b) => a.seconds - b.seconds);
    const endOfDay = {
      ...bySeconds[Math.floor((bySeconds.length - 1) / 2)]!,
      runsSeconds: eodRuns.map((run) => run.seconds),
    };

    // ── Where a push's time goes: the server's steps, called directly ──
    const programs = createProgramStore();
    const profileBodies = pushBodies(profile.messages).bodies;
    const direct = await measured(async () => {
      const batches: BatchBreakdown[] = [];
      for (const body of profileBodies.slice(0, plan.breakdownBatches))
        batches.push(await pushWithBreakdown(server.timed.sql, programs, body));
      return batches;
    });
    const batches = direct.value;
    const breakdownMs = batches.reduce((n, b) => n + b.totalMs, 0);
    const breakdown = {
      batches: batches.length,
      messages: batches.reduce((n, b) => n + b.messages, 0),
      applied: batches.reduce((n, b) => n + b.applied, 0),
      totalMs: r1(breakdownMs),
      meanMsPerBatch: Object.fromEntries(
        BREAKDOWN_STEPS.map((step) => [
          step,
          r2(batches.reduce((n, b) => n + b[step], 0) / batches.length),
        ]),
      ) as Record<(typeof BREAKDOWN_STEPS)[number], number>,
      server: direct.server,
    };
    const explained = await explainWrites(
      server.sql,
      programs,
      profile.messages.slice(plan.breakdownBatches * MAX_PUSH_BATCH),
    );
    log(
      `push steps called directly: ${String(breakdown.messages)} messages in ` +
        `${String(r2(breakdownMs / 1000))} s, without HTTP`,
    );

    // ── 2. Server ingest: several terminals pushing in parallel ──
    const ingestPhase = await pushPhase(`ingest (${String(plan.ingestPushers)} pushers)`, ingest);

    // ── 3. Many terminals syncing at once ──
    const startCursor = await lastSeqOf(server);
    const terminals = sync.map((w) => {
      const bodies = pushBodies(w.messages, plan.messagesPerSync);
      return {
        credential: credentials.get(w.terminalId)!,
        cursor: startCursor,
        rounds: bodies.bodies,
        messageCounts: bodies.messageCounts,
      };
    });
    const manyRun = await measured(() =>
      client.syncRounds({
        url: server.url,
        budgetMs: plan.budgetMs,
        maxPagesPerPull: MAX_PAGES_PER_PULL,
        terminals,
      }),
    );
    const rounds = manyRun.value;
    const many = {
      terminals: plan.syncTerminals,
      stores: plan.stores,
      rounds: plan.syncRounds,
      messagesPerSync: plan.messagesPerSync,
      startCursor,
      changesWritten: (await lastSeqOf(server)) - startCursor,
      push: summarize(rounds.pushLatenciesMs),
      pull: summarize(rounds.pullLatenciesMs),
      sync: summarize(rounds.syncLatenciesMs),
      roundSeconds: rounds.roundWallMs.map((ms) => r2(ms / 1000)),
      pages: rounds.pages,
      changesPulled: rounds.changesPulled,
      mibPulled: r1(rounds.bytesPulled / 2 ** 20),
      maxInFlight: rounds.maxInFlight,
      finished: rounds.finished,
      errors: errorCount(rounds.outcome),
      outcome: rounds.outcome,
      server: manyRun.server,
      cpu: manyRun.cpu,
      connections: manyRun.connections,
    };
    log(
      `${String(plan.syncTerminals)} terminals × ${String(plan.syncRounds)} rounds: rounds took ` +
        `${many.roundSeconds.join(', ')} s; ${String(many.errors)} errors`,
    );
    const pullSteps = await measurePullSteps(server.sql, startCursor, 5);

    // ── What the database holds afterwards ──
    const grouped = async (query: string): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await server.sql.query(query)).map((row) => [String(row['key']), Number(row['n'])]),
      );
    const database = {
      messages: await grouped(
        'select status as key, count(*)::int as n from messages group by 1 order by 1',
      ),
      flags: await grouped(
        'select kind as key, count(*)::int as n from flags group by 1 order by 1',
      ),
      changes: await grouped(
        'select kind as key, count(*)::int as n from changes group by 1 order by 1',
      ),
    };
    const rejectedAll =
      warm.outcome.rejected +
      eodRuns.reduce((n, run) => n + run.outcome.rejected, 0) +
      ingestPhase.outcome.rejected +
      many.outcome.rejected +
      (breakdown.messages - breakdown.applied);

    const result: SyncBenchResult = {
      machine: {
        ...machine(),
        engine,
        database: server.settings,
        pgPoolSize: engine === 'postgres' ? PG_POOL_SIZE : null,
        fetch:
          'Node fetch, undici global dispatcher with its defaults (connections per origin: no limit, pipelining 1)',
      },
      options: { quick, ...plan, maxPushBatch: MAX_PUSH_BATCH, maxPullPage: MAX_PULL_PAGE },
      setup: { registerMs: r1(registerMs), generateMs: r1(generateMs), generated },
      warmup: warm,
      endOfDay,
      breakdown,
      explained,
      ingest: ingestPhase,
      manyTerminals: many,
      pullSteps,
      database,
      rejectedAll,
      serverLog: server.serverLog.slice(0, 50),
      wallSeconds: r1((performance.now() - runStarted) / 1000),
    };
    const { lines, figures } = renderReport(result);
    for (const line of lines) console.log(line);
    saveBenchResult('sync', { ...result, figures });
  } finally {
    await sampler?.close();
  }
}

async function lastSeqOf(server: BenchServer): Promise<number> {
  const rows = await server.sql.query('select coalesce(max(seq), 0)::text as seq from changes');
  return Number(rows[0]?.['seq']);
}

log(`starting ${engine}${quick ? ' (quick)' : ''}`);
const server = await startBenchServer(engine);
log(`server on ${server.url}`);
let client: LoadClient | null = null;
const stopOnSignal = (): void => {
  void Promise.resolve(client?.close())
    .then(() => server.stop())
    .finally(() => process.exit(130));
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);
try {
  client = startLoadClient();
  await run(server, client);
} finally {
  await client?.close();
  await server.stop();
  process.off('SIGINT', stopOnSignal);
  process.off('SIGTERM', stopOnSignal);
}
