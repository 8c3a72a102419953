import type { z } from 'zod';
import {
  balanceAnswerSchema,
  errorAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
} from '../../shared/sync/protocol';
import type { BalanceAnswer, PullAnswer, PushAnswer } from '../../shared/sync/protocol';
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

  return {
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

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'no answer in time';
  return error instanceof Error ? error.message : String(error);
}
