import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import type { HlcStamp, HybridClock } from '../../shared/ids/hybrid-logical-clock';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import { DAY_MS } from '../../shared/time/zoned-time';

/**
 * The browser's sources of ids and clock stamps for one terminal: UUIDv7 from the Web Crypto
 * random generator and the wall clock, and the terminal's hybrid logical clock. Created once
 * at start-up and passed to whatever writes ledger entries.
 */
export type TerminalIdentitySources = {
  readonly newId: () => string;
  readonly clock: HybridClock;
};

/** Remote stamps more than this far ahead of our clock are refused (clocks lie, by days). */
export const MAX_FORWARD_DRIFT_MS = 2 * DAY_MS;

/** `after`: the latest stamp before this start (see createHybridClock), if the store has one. */
export function browserIdentitySources(
  terminalId: string,
  after?: HlcStamp,
): TerminalIdentitySources {
  const now = (): number => Date.now();
  return {
    newId: createIdGenerator({
      now,
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    }),
    clock: createHybridClock({
      node: terminalId,
      now,
      maxForwardDriftMs: MAX_FORWARD_DRIFT_MS,
      ...(after ? { after } : {}),
    }),
  };
}
