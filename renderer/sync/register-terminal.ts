import { errorAnswerSchema, registrationAnswerSchema } from '../../shared/sync/protocol';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Lang } from '../../shared/i18n/lang';
import type { TerminalIdentity } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';

export type RegistrationFailure =
  | { readonly code: 'unsent-messages'; readonly count: number }
  | { readonly code: 'unreachable'; readonly message: string }
  | { readonly code: 'refused'; readonly reason: string; readonly message: string }
  | { readonly code: 'bad-answer' };

/**
 * Registers this terminal with the central server by a one-time code a manager got from the
 * admin CLI: the server answers with the terminal's identity (terminal, store, card block,
 * time zone) and a credential, stored together in one transaction. Refused while messages
 * are waiting to be sent: they were made under the current identity and must reach the
 * server under it.
 */
export async function registerTerminal(
  db: TerminalDatabase,
  input: {
    readonly serverUrl: string;
    readonly code: string;
    readonly language: Lang;
    readonly fetch?: typeof fetch;
  },
): Promise<Result<TerminalIdentity, RegistrationFailure>> {
  const waiting = await db.outbox.count();
  if (waiting > 0) return err({ code: 'unsent-messages', count: waiting });
  const serverUrl = input.serverUrl.trim().replace(/\/+$/, '');
  const doFetch = input.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${serverUrl}/v1/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input.code.trim().toUpperCase() }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return err({
      code: 'unreachable',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = errorAnswerSchema.safeParse(body);
    return err({
      code: 'refused',
      reason: refusal.success ? refusal.data.error : `http-${String(response.status)}`,
      message: refusal.success ? refusal.data.message : `HTTP ${String(response.status)}`,
    });
  }
  const answer = registrationAnswerSchema.safeParse(body);
  if (!answer.success) return err({ code: 'bad-answer' });
  const { credential, exportKey, ...terminal } = answer.data;
  const identity: TerminalIdentity = { ...terminal, language: input.language };
  await db.transaction('rw', [db.settings], async () => {
    await db.settings.put({ key: 'identity', value: identity });
    await db.settings.put({ key: 'link', value: { serverUrl, credential, exportKey } });
  });
  return ok(identity);
}
