import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import type { Program } from '../../shared/program/program-schema';
import { DAY_MS } from '../../shared/time/zoned-time';
import type { TerminalDatabase } from '../../renderer/db/terminal-database';
import type { TerminalServices } from '../../renderer/operations/terminal-services';
import { TEST_IDENTITY } from '../../renderer/testing/test-services';

/**
 * Terminal services over the benchmark's loaded database, built like testServices (real
 * UUIDv7 ids and HLC stamps) but on an existing database, with a clock the benchmark moves.
 */
export function benchServices(
  db: TerminalDatabase,
  program: Program,
  startAt: number,
): TerminalServices & { readonly advance: (ms: number) => void } {
  let now = startAt;
  const clock = (): number => now;
  return {
    db,
    identity: TEST_IDENTITY,
    program,
    now: clock,
    newId: createIdGenerator({
      now: clock,
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    }),
    clock: createHybridClock({
      node: TEST_IDENTITY.terminalId,
      now: clock,
      maxForwardDriftMs: 2 * DAY_MS,
    }),
    advance: (ms) => {
      now += ms;
    },
  };
}
