import { DEFAULT_TERMINAL_POLICY, serverLinkSchema, terminalPolicySchema } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';
import { httpSyncTransport, SyncError } from './sync-transport';

/**
 * How many points a customer may spend at this checkout, beyond what the local ledger shows.
 *
 * Online (the server answers within a second): the server's available points, minus what
 * this terminal spent and has not sent yet — so points spent at another store today are
 * not spent twice. Offline: at most the terminal's offline limit per customer per offline
 * period. The period needs no clock: redemptions not yet answered by the server are exactly
 * those in the outbox, which empties when the link returns. Without a central server (the
 * demo) the local ledger alone decides.
 */
export type RedemptionAllowance =
  | { readonly source: 'local'; readonly allowed: number }
  | {
      readonly source: 'online';
      readonly allowed: number;
      readonly serverAvailable: number;
      readonly unsentSpent: number;
    }
  | {
      readonly source: 'offline';
      readonly allowed: number;
      readonly limit: number;
      readonly unsentSpent: number;
    };

export const ONLINE_CHECK_TIMEOUT_MS = 1_000;

export async function redemptionAllowance(
  db: TerminalDatabase,
  input: {
    readonly customerId: string;
    /** Available points by the local ledger. */
    readonly localAvailable: number;
    /** The terminal's time: the server counts pending points as available as of then. */
    readonly now: number;
    readonly fetch?: typeof fetch;
    readonly timeoutMs?: number;
  },
): Promise<RedemptionAllowance> {
  const link = serverLinkSchema.safeParse((await db.settings.get('link'))?.value);
  if (!link.success) return { source: 'local', allowed: input.localAvailable };
  const unsentSpent = await unsentRedemptions(db, input.customerId);
  const transport = httpSyncTransport({
    serverUrl: link.data.serverUrl,
    credential: link.data.credential,
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
  try {
    const answer = await transport.balance(
      input.customerId,
      input.timeoutMs ?? ONLINE_CHECK_TIMEOUT_MS,
      input.now,
    );
    const allowed = Math.min(input.localAvailable, answer.available - unsentSpent);
    return {
      source: 'online',
      allowed: Math.max(0, allowed),
      serverAvailable: answer.available,
      unsentSpent,
    };
  } catch (error) {
    // Any failure counts as offline: unreachable, slow, failing, or a customer enrolled here
    // whom the server does not know yet (404). Only a programming error is thrown on.
    if (!(error instanceof SyncError)) throw error;
    const policy = terminalPolicySchema.safeParse((await db.settings.get('policy'))?.value);
    const limit = (policy.success ? policy.data : DEFAULT_TERMINAL_POLICY).offlineRedemptionLimit;
    const allowed = Math.min(input.localAvailable, limit - unsentSpent);
    return { source: 'offline', allowed: Math.max(0, allowed), limit, unsentSpent };
  }
}

/** Points this terminal spent for the customer that the server has not acknowledged yet. */
export async function unsentRedemptions(db: TerminalDatabase, customerId: string): Promise<number> {
  // Read loosely (no schema per row: this runs at every redemption, the outbox may hold a
  // day of messages); a malformed row counts nothing here and is quarantined by the push.
  let spent = 0;
  await db.outbox.each((row: unknown) => {
    const entries = (row as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) return;
    for (const entry of entries as { kind?: unknown; customerId?: unknown; points?: unknown }[])
      if (
        entry.kind === 'redemption' &&
        entry.customerId === customerId &&
        typeof entry.points === 'number'
      )
        spent -= entry.points;
  });
  return spent;
}
