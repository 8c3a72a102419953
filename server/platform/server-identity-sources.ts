import { randomFillSync } from 'node:crypto';
import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import type { HybridClock } from '../../shared/ids/hybrid-logical-clock';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import { DAY_MS } from '../../shared/time/zoned-time';

/** The server's ids (UUIDv7 from Node's CSPRNG) and its hybrid logical clock. */
export type ServerIdentitySources = {
  readonly newId: () => string;
  readonly clock: HybridClock;
};

/** Terminal stamps more than this far ahead of the server's clock are refused. */
export const MAX_FORWARD_DRIFT_MS = 2 * DAY_MS;

export function serverIdentitySources(node = 'server'): ServerIdentitySources {
  const now = (): number => Date.now();
  return {
    newId: createIdGenerator({
      now,
      randomBytes: (length) => randomFillSync(new Uint8Array(length)),
    }),
    clock: createHybridClock({ node, now, maxForwardDriftMs: MAX_FORWARD_DRIFT_MS }),
  };
}
