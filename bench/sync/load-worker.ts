import { parentPort } from 'node:worker_threads';
import { emptyOutcome } from './load-protocol';
import type {
  LoadResult,
  Outcome,
  PushTask,
  PushTaskResult,
  SyncRoundsResult,
  SyncRoundsTask,
  WorkerAnswer,
  WorkerRequest,
} from './load-protocol';

/**
 * The terminals' side of the sync benchmark, in a worker thread: Node's fetch (undici, its
 * default global dispatcher) with the headers and the 30 s timeout of the terminal's
 * transport (renderer/sync/sync-transport.ts). Answers are parsed with JSON.parse and checked
 * by hand, not with the protocol's zod schemas, so the clients spend as little CPU as
 * possible on a machine they share with the server and the database.
 */
const REQUEST_TIMEOUT_MS = 30_000;
const SAMPLES = 8;

type Call = { readonly status: number; readonly text: string; readonly ms: number } | null;

let inFlight = 0;
let maxInFlight = 0;

async function call(
  outcome: Outcome,
  url: string,
  credential: string,
  body: string | null,
): Promise<Call> {
  outcome.requests += 1;
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: body === null ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${credential}`,
        ...(body === null ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === null ? {} : { body }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) {
      const key = String(response.status);
      outcome.httpErrors[key] = (outcome.httpErrors[key] ?? 0) + 1;
      sample(outcome, `HTTP ${key}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, text, ms };
  } catch (error) {
    outcome.networkErrors += 1;
    sample(
      outcome,
      `no answer: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
    return null;
  } finally {
    inFlight -= 1;
  }
}

function sample(outcome: Outcome, text: string): void {
  if (outcome.samples.length < SAMPLES) outcome.samples.push(text);
}

/** Counts a push answer's results; true when every message sent was answered. */
function countPushAnswer(outcome: Outcome, text: string, sent: number): void {
  let results: unknown;
  try {
    results = (JSON.parse(text) as { results?: unknown }).results;
  } catch {
    results = undefined;
  }
  if (!Array.isArray(results)) {
    outcome.protocolErrors += 1;
    sample(outcome, `push answer without results: ${text.slice(0, 200)}`);
    return;
  }
  for (const result of results as { status?: unknown; reason?: unknown; detail?: unknown }[]) {
    if (result.status === 'applied') outcome.applied += 1;
    else if (result.status === 'duplicate') outcome.duplicate += 1;
    else if (result.status === 'rejected') {
      outcome.rejected += 1;
      sample(outcome, `rejected (${String(result.reason)}): ${String(result.detail)}`);
    } else outcome.protocolErrors += 1;
  }
  if (results.length < sent) outcome.unanswered += sent - results.length;
}

async function runPush(task: PushTask): Promise<PushTaskResult> {
  const outcome = emptyOutcome();
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + task.budgetMs;
  let messagesSent = 0;
  let finished = true;
  await Promise.all(
    task.pushers.map(async (pusher) => {
      for (const [i, body] of pusher.bodies.entries()) {
        if (performance.now() > deadline) {
          finished = false;
          return;
        }
        const sent = pusher.messageCounts[i] ?? 0;
        messagesSent += sent;
        const answer = await call(outcome, `${task.url}/v1/push`, pusher.credential, body);
        if (answer) latenciesMs.push(answer.ms);
        if (answer?.status !== 200) {
          // As the terminal's push loop: a failed request ends it (the outbox stays in order).
          const left = pusher.messageCounts.slice(i).reduce((sum, n) => sum + n, 0);
          outcome.unanswered += left;
          messagesSent += left - sent;
          return;
        }
        countPushAnswer(outcome, answer.text, sent);
      }
    }),
  );
  return {
    kind: 'push',
    wallMs: performance.now() - started,
    messagesSent,
    latenciesMs,
    finished,
    outcome,
  };
}

async function runSyncRounds(task: SyncRoundsTask): Promise<SyncRoundsResult> {
  const outcome = emptyOutcome();
  const pushLatenciesMs: number[] = [];
  const pullLatenciesMs: number[] = [];
  const syncLatenciesMs: number[] = [];
  const roundWallMs: number[] = [];
  const cursors = task.terminals.map((terminal) => terminal.cursor);
  const rounds = Math.max(0, ...task.terminals.map((terminal) => terminal.rounds.length));
  const deadline = performance.now() + task.budgetMs;
  let pages = 0;
  let changesPulled = 0;
  let bytesPulled = 0;
  let finished = true;
  maxInFlight = 0;

  const syncOnce = async (index: number, round: number): Promise<void> => {
    const terminal = task.terminals[index]!;
    const started = performance.now();
    const body = terminal.rounds[round];
    if (body !== undefined) {
      const sent = terminal.messageCounts[round] ?? 0;
      const answer = await call(outcome, `${task.url}/v1/push`, terminal.credential, body);
      if (!answer || answer.status !== 200) {
        outcome.unanswered += sent;
        if (answer) pushLatenciesMs.push(answer.ms);
        return; // as the terminal's sync loop: a failed push ends the round
      }
      pushLatenciesMs.push(answer.ms);
      countPushAnswer(outcome, answer.text, sent);
    }
    for (let page = 0; ; page++) {
      if (page >= task.maxPagesPerPull) {
        outcome.protocolErrors += 1;
        sample(outcome, `pull did not end within ${String(task.maxPagesPerPull)} pages`);
        return;
      }
      const cursor = cursors[index] ?? 0;
      const answer = await call(
        outcome,
        `${task.url}/v1/pull?after=${String(cursor)}`,
        terminal.credential,
        null,
      );
      if (!answer || answer.status !== 200) return;
      pullLatenciesMs.push(answer.ms);
      pages += 1;
      bytesPulled += answer.text.length;
      const parsed = JSON.parse(answer.text) as {
        changes?: { seq?: unknown }[];
        cursor?: unknown;
        more?: unknown;
      };
      const changes = parsed.changes ?? [];
      const last = changes.at(-1)?.seq;
      if (
        typeof parsed.cursor !== 'number' ||
        parsed.cursor < cursor ||
        (last !== undefined && last !== parsed.cursor) ||
        typeof parsed.more !== 'boolean'
      ) {
        outcome.protocolErrors += 1;
        sample(outcome, `pull answer breaks the protocol: ${answer.text.slice(0, 200)}`);
        return;
      }
      changesPulled += changes.length;
      cursors[index] = parsed.cursor;
      if (!parsed.more) break;
    }
    syncLatenciesMs.push(performance.now() - started);
  };

  for (let round = 0; round < rounds; round++) {
    if (performance.now() > deadline) {
      finished = false;
      break;
    }
    const started = performance.now();
    await Promise.all(task.terminals.map((_, index) => syncOnce(index, round)));
    roundWallMs.push(performance.now() - started);
  }
  return {
    kind: 'sync-rounds',
    roundWallMs,
    pushLatenciesMs,
    pullLatenciesMs,
    syncLatenciesMs,
    pages,
    changesPulled,
    bytesPulled,
    maxInFlight,
    finished,
    outcome,
  };
}

function run(request: WorkerRequest): Promise<LoadResult> {
  switch (request.task.kind) {
    case 'push':
      return runPush(request.task);
    case 'sync-rounds':
      return runSyncRounds(request.task);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  run(request).then(
    (result) => {
      const answer: WorkerAnswer = { id: request.id, result };
      parentPort?.postMessage(answer);
    },
    (error: unknown) => {
      const answer: WorkerAnswer = {
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      parentPort?.postMessage(answer);
    },
  );
});
