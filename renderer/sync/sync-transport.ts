import type { z } from 'zod';
import {
  balanceAnswerSchema,
  errorAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
} from '../../shared/sync/protocol';
import type {
  BalanceAnswer,
  PullAnswer,
  PushAnswer,
  SnapshotLine,
} from '../../shared/sync/protocol';
import { snapshotLineSchema } from '../../shared/sync/protocol';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';

/**
 * The terminal's side of the sync protocol over HTTP. Every answer is parsed with the
 * protocol's schemas; every failure becomes a SyncError whose kind tells the sync loop what
 * to do: `offline` and `server` are retried with backoff, `refused` (a 4xx: the credential
 * was revoked, the request was refused) needs a person, `bad-answer` is a server bug.
 */
export type SyncTransport = {
  push(messages: readonly OutboxMessage[]): Promise<PushAnswer>;
  pull(after: number, limit?: number): Promise<PullAnswer>;
  /** The bootstrap snapshot's lines, parsed, as they arrive (after: resume past a customer). */
  snapshot(after: string | null): AsyncIterable<SnapshotLine>;
  /** Available points by the server's ledger as of `at` (this terminal's time). */
  balance(customerId: string, timeoutMs: number, at: number): Promise<BalanceAnswer>;
};

export type SyncErrorKind = 'offline' | 'server' | 'refused' | 'bad-answer';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** The server's error code for `refused` (e.g. 'revoked'). */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function httpSyncTransport(options: {
  readonly serverUrl: string;
  readonly credential: string;
  readonly fetch?: typeof fetch;
  /** How long one request may take before the link counts as down. */
  readonly timeoutMs?: number;
}): SyncTransport {
  const base = options.serverUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = async <S extends z.ZodType>(
    schema: S,
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown; timeoutMs?: number },
  ): Promise<z.output<S>> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${options.credential}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(init.timeoutMs ?? options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SyncError('offline', `The central server cannot be reached (${describe(error)}).`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.status >= 500)
      throw new SyncError('server', `The central server failed (HTTP ${String(response.status)}).`);
    if (!response.ok) {
      const error = errorAnswerSchema.safeParse(body);
      throw new SyncError(
        'refused',
        error.success
          ? error.data.message
          : `The central server refused (HTTP ${String(response.status)}).`,
        error.success ? error.data.error : null,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new SyncError(
        'bad-answer',
        `The central server's answer to ${path} is not understood: ${describeSchemaProblems(schemaProblems(parsed.error).slice(0, 3))}`,
      );
    return parsed.data;
  };

  async function* snapshot(after: string | null): AsyncGenerator<SnapshotLine> {
    let response: Response;
    try {
      response = await doFetch(`${base}/v1/snapshot${after ? `?after=${after}` : ''}`, {
        headers: { authorization: `Bearer ${options.credential}` },
      });
    } catch (error) {
      throw new SyncError('offline', `The central server cannot be reached (${describe(error)}).`);
    }
    if (!response.ok || !response.body)
      throw new SyncError(
        response.status >= 500 ? 'server' : 'refused',
        `The central server refused the snapshot (HTTP ${String(response.status)}).`,
      );
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new SyncError('offline', `The snapshot was cut off (${describe(error)}).`);
      }
      if (chunk.done) break;
      buffered += chunk.value;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        yield parseLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    if (buffered.trim() !== '') yield parseLine(buffered);
  }

  return {
    snapshot,
    push: (messages) => call(pushAnswerSchema, '/v1/push', { method: 'POST', body: { messages } }),
    pull: (after, limit) =>
      call(
        pullAnswerSchema,
        `/v1/pull?after=${String(after)}${limit ? `&limit=${String(limit)}` : ''}`,
        {
          method: 'GET',
        },
      ),
    balance: (customerId, timeoutMs, at) =>
      call(
        balanceAnswerSchema,
        `/v1/customers/${encodeURIComponent(customerId)}/balance?at=${String(at)}`,
        {
          method: 'GET',
          timeoutMs,
        },
      ),
  };
}

function parseLine(text: string): SnapshotLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SyncError('bad-answer', 'A snapshot line is not JSON.');
  }
  const parsed = snapshotLineSchema.safeParse(value);
  if (!parsed.success)
    throw new SyncError(
      'bad-answer',
      `A snapshot line is not understood: ${describeSchemaProblems(schemaProblems(parsed.error).slice(0, 3))}`,
    );
  return parsed.data;
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'no answer in time';
  return error instanceof Error ? error.message : String(error);
}
