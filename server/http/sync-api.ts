import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { balanceFromFold } from '../../shared/ledger/balance';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { isUuidV7 } from '../../shared/ids/uuidv7';
import {
  MAX_PULL_PAGE,
  MAX_PUSH_BATCH,
  pushRequestSchema,
  registrationRequestSchema,
} from '../../shared/sync/protocol';
import type { BalanceAnswer, PushAnswer } from '../../shared/sync/protocol';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';
import { authenticate, registerTerminal } from '../auth/terminals';
import type { AuthenticatedTerminal } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { latestProgram } from '../programs/program-store';
import type { ProgramStore } from '../programs/program-store';
import { pullChanges } from '../sync/pull';
import { firstOutOfScope } from '../sync/message-scope';
import { pushBatch } from '../sync/push';
import { streamSnapshot } from '../sync/snapshot';
import { storedEntry } from '../sync/stored-rows';
import { HttpError } from './http-error';
import { readJsonBody } from './json-body';

/**
 * The sync API (protocol.ts) over plain node:http. Every request is parsed before anything is
 * written; every refusal is a 4xx with `{error, message}`; a request that passed the checks
 * is applied in one database transaction. Browsers call it cross-origin (the terminal is
 * served elsewhere), authenticated by a bearer credential, never by cookies.
 */
export type SyncApiDeps = {
  readonly sql: Sql;
  readonly programs: ProgramStore;
  readonly now: () => number;
  readonly maxBodyBytes?: number;
  readonly log?: (line: string) => void;
};

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

export function createSyncApi(
  deps: SyncApiDeps,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(deps, request)
      .then((answer) =>
        'lines' in answer
          ? streamLines(response, answer.lines, (error) => {
              deps.log?.(
                `sync api: ${request.method ?? ''} ${request.url ?? ''}: stream cut: ${String(error)}`,
              );
            })
          : send(response, answer.status, answer.body),
      )
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          send(response, error.status, { error: error.code, message: error.message });
          return;
        }
        deps.log?.(`sync api: ${request.method ?? ''} ${request.url ?? ''}: ${String(error)}`);
        send(response, 500, {
          error: 'internal',
          message: 'The server failed; the request can be retried.',
        });
      });
  };
}

type Answer =
  | { readonly status: number; readonly body: unknown }
  /** Newline-delimited JSON written as it is produced (the bootstrap snapshot). */
  | {
      readonly status: 200;
      readonly lines: (write: (line: unknown) => Promise<void>) => Promise<void>;
    };

async function handle(deps: SyncApiDeps, request: IncomingMessage): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') return { status: 204, body: null };
  const route = `${method} ${url.pathname}`;
  const limit = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;

  if (route === 'GET /v1/health') return { status: 200, body: { ok: true } };
  if (route === 'POST /v1/register') {
    const body = parseWith(registrationRequestSchema, await readJsonBody(request, limit));
    const registered = await registerTerminal(deps.sql, body.code, deps.now());
    if (!registered.ok)
      throw new HttpError(403, registered.error, REGISTRATION_WORDS[registered.error]);
    return { status: 200, body: registered.value };
  }

  const terminal = await requireTerminal(deps.sql, request);
  if (route === 'POST /v1/push') return push(deps, terminal, await readJsonBody(request, limit));
  if (route === 'GET /v1/pull') {
    const after = intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER, 0);
    const pageSize = intParam(url, 'limit', 1, MAX_PULL_PAGE, MAX_PULL_PAGE);
    return { status: 200, body: await pullChanges(deps.sql, after, pageSize) };
  }
  if (route === 'GET /v1/snapshot') {
    const after = url.searchParams.get('after');
    if (after !== null && !isUuidV7(after))
      throw new HttpError(
        400,
        'invalid-request',
        'Query parameter after must be a customer id (UUIDv7).',
      );
    return { status: 200, lines: (write) => streamSnapshot(deps.sql, after, write) };
  }
  const balance = /^\/v1\/customers\/([^/]+)\/balance$/.exec(url.pathname);
  if (method === 'GET' && balance?.[1])
    return customerBalance(
      deps,
      balance[1],
      intParam(url, 'at', 0, 8_640_000_000_000_000, deps.now()),
    );
  throw new HttpError(404, 'not-found', `No such endpoint: ${route}`);
}

const REGISTRATION_WORDS = {
  'unknown-code': 'This registration code is not known. Check it, or ask for a new one.',
  'code-used': 'This registration code was used already. Ask for a new one.',
  'code-expired': 'This registration code has expired. Ask for a new one.',
} as const;

const AUTH_WORDS = {
  'missing-credential': 'This terminal is not registered (no credential sent).',
  'malformed-credential': 'The credential is malformed.',
  'unknown-credential': 'The credential is not valid.',
  revoked: 'This terminal was revoked by the chain. Register it again.',
} as const;

async function requireTerminal(sql: Sql, request: IncomingMessage): Promise<AuthenticatedTerminal> {
  const result = await authenticate(sql, request.headers.authorization);
  if (!result.ok) throw new HttpError(401, result.error, AUTH_WORDS[result.error]);
  return result.value;
}

async function push(
  deps: SyncApiDeps,
  terminal: AuthenticatedTerminal,
  body: unknown,
): Promise<Answer> {
  const count = (body as { messages?: unknown } | null)?.messages;
  if (Array.isArray(count) && count.length > MAX_PUSH_BATCH)
    throw new HttpError(
      413,
      'batch-too-large',
      `A push holds at most ${String(MAX_PUSH_BATCH)} messages; this one holds ${String(count.length)}.`,
    );
  const request = parseWith(pushRequestSchema, body);
  const breach = firstOutOfScope(request.messages, terminal);
  if (breach?.kind === 'wrong-store')
    throw new HttpError(
      403,
      'wrong-store',
      `Message ${breach.messageId} holds data of another store than ${terminal.storeId}; nothing was applied.`,
    );
  if (breach?.kind === 'wrong-terminal')
    throw new HttpError(
      403,
      'wrong-terminal',
      `Message ${breach.messageId} was not made by terminal ${terminal.terminalId}; nothing was applied.`,
    );
  const answer: PushAnswer = {
    results: await pushBatch(deps.sql, deps.programs, request.messages, deps.now()),
  };
  return { status: 200, body: answer };
}

/**
 * The customer's available points by the server's ledger, as of `at` (the asking terminal's
 * time, so pending points turn available as they would on the terminal; nothing is written).
 */
async function customerBalance(deps: SyncApiDeps, customerId: string, at: number): Promise<Answer> {
  if (!isUuidV7(customerId))
    throw new HttpError(400, 'invalid-request', 'The customer id must be a UUIDv7.');
  const known = await deps.sql.query('select 1 from customers where id = $1', [customerId]);
  if (known.length === 0)
    throw new HttpError(404, 'unknown-customer', `No customer ${customerId}.`);
  const rows = await deps.sql.query(
    'select id::text, entry from ledger_entries where customer_id = $1',
    [customerId],
  );
  const fold = foldLedger(rows.map((row) => storedEntry(String(row['id']), row['entry'])));
  const program = await latestProgram(deps.sql);
  if (!program) throw new HttpError(503, 'no-program', 'No program is published yet.');
  const answer: BalanceAnswer = {
    customerId,
    available: balanceFromFold(fold, program, at).available,
    entryCount: fold.entryCount,
  };
  return { status: 200, body: answer };
}

function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error);
    throw new HttpError(
      400,
      'invalid-request',
      `The request is not valid, nothing was applied: ${describeSchemaProblems(problems.slice(0, 5))}${problems.length > 5 ? ` (and ${String(problems.length - 5)} more)` : ''}`,
    );
  }
  return parsed.data;
}

function intParam(url: URL, name: string, min: number, max: number, fallback: number): number {
  const text = url.searchParams.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new HttpError(
      400,
      'invalid-request',
      `Query parameter ${name} must be a whole number from ${String(min)} to ${String(max)}.`,
    );
  return value;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

/**
 * Writes lines as they come, waiting when the socket's buffer is full. A failure after the
 * first line cannot change the status any more: the stream is cut, and the client, missing
 * the last line, knows it is incomplete.
 */
/**
 * A 200 and its lines as they come. A failure after the head has gone out cannot become an
 * error answer: the stream is cut (the client sees no closing line and resumes), and the
 * failure is logged unless the client itself went away.
 */
async function streamLines(
  response: ServerResponse,
  lines: (write: (line: unknown) => Promise<void>) => Promise<void>,
  onFailure: (error: unknown) => void,
): Promise<void> {
  response.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    ...CORS_HEADERS,
  });
  try {
    await lines(async (line) => {
      if (response.destroyed) throw new Error('the client went away');
      if (!response.write(`${JSON.stringify(line)}\n`))
        await new Promise<void>((resolve) => {
          const done = (): void => {
            response.off('drain', done);
            response.off('close', done);
            resolve();
          };
          response.on('drain', done);
          response.on('close', done); // a client gone for good never drains
        });
    });
    response.end();
  } catch (error) {
    if (!response.destroyed) onFailure(error);
    response.destroy();
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...CORS_HEADERS,
  });
  response.end(body === null ? undefined : JSON.stringify(body));
}
