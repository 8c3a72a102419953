/**
 * Concurrent pushes plan from what they read and find out about each other only when they
 * write: a batch whose plan is stale because another batch committed meanwhile fails, and is
 * planned again from the start in a new transaction, where it sees what the other one wrote.
 * This is what keeps "at most once" without a global lock:
 *
 * - a message id, an entry id, a new customer id or a new card number that another batch
 *   inserted first makes our insert fail with a unique violation (23505): the retry answers
 *   the message as a duplicate, rejects the reused entry, merges into the stored customer;
 * - two batches inserting the same ids wait for each other; they insert in sorted id order
 *   (push-store.ts) so they do not deadlock, and a deadlock PostgreSQL still detects (40P01)
 *   is retried too;
 * - a fact the plan relied on that no lock covers (a new customer's phone, see
 *   push-store.ts) throws StalePushError.
 *
 * Each retry follows a commit of another batch, so it progresses; MAX_ATTEMPTS only bounds
 * a bug that would fail the same way every time (the last error is thrown: HTTP 500, and the
 * terminal sends the batch again later, which is safe).
 */
export class StalePushError extends Error {
  constructor(detail: string) {
    super(`The push batch was planned on data another push changed meanwhile: ${detail}`);
    this.name = 'StalePushError';
  }
}

const MAX_ATTEMPTS = 8;

/** SQLSTATEs of a write that lost a race with another transaction. */
const CONFLICT_CODES: ReadonlySet<string> = new Set(['23505', '40P01', '40001']);

export function isWriteConflict(error: unknown): boolean {
  if (error instanceof StalePushError) return true;
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && CONFLICT_CODES.has(error.code);
}

/** Runs `attempt` (one whole transaction) again while it fails with a write conflict. */
export async function retryOnWriteConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= MAX_ATTEMPTS || !isWriteConflict(error)) throw error;
    }
  }
}
