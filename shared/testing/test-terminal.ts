import { createHybridClock } from '../ids/hybrid-logical-clock';
import { createIdGenerator } from '../ids/uuidv7';
import type { OperationContext } from '../ledger/operation-context';
import { DAY_MS } from '../time/zoned-time';

/** 2026-01-05 00:00 Moscow time, a Monday: day 0 of the test calendar. */
export const DAY_ZERO = Date.UTC(2026, 0, 4, 21, 0);
export const STORE_TIME_ZONE = 'Europe/Moscow';

/** Epoch ms of `day` days and `hours` hours after DAY_ZERO (Moscow time). */
export function dayAt(day: number, hours = 15): number {
  return DAY_ZERO + day * DAY_MS + hours * 3_600_000;
}

/** A deterministic source of "random" bytes (xorshift32), so ids are the same in every run. */
export function seededRandomBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

export type TestTerminal = {
  /** The context of an operation at `now` on this terminal. */
  readonly at: (now: number, cashierId?: string) => OperationContext;
};

/**
 * A terminal for tests: real UUIDv7 ids and a real hybrid logical clock, driven by a clock the
 * test sets, with deterministic randomness. Each terminal has its own clock and id generator.
 */
export function testTerminal(
  options: {
    readonly terminalId?: string;
    readonly storeId?: string;
    readonly seed?: number;
    /** Added to every `now`: a terminal whose clock is off. */
    readonly clockSkewMs?: number;
  } = {},
): TestTerminal {
  const terminalId = options.terminalId ?? 'T1';
  const storeId = options.storeId ?? 'S1';
  const skew = options.clockSkewMs ?? 0;
  let wall = 0;
  const clock = (): number => wall;
  const newId = createIdGenerator({
    now: clock,
    randomBytes: seededRandomBytes(options.seed ?? 7),
  });
  const hlc = createHybridClock({ node: terminalId, now: clock, maxForwardDriftMs: 2 * DAY_MS });
  return {
    at: (now, cashierId = 'C1') => {
      wall = now + skew;
      return {
        terminalId,
        storeId,
        cashierId,
        now: now + skew,
        timeZone: STORE_TIME_ZONE,
        newId,
        newStamp: hlc.tick,
      };
    },
  };
}
