import { generateEan13CardNumber } from '../../shared/cards/card-number-generator';
import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import type { Program } from '../../shared/program/program-schema';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import { DAY_MS } from '../../shared/time/zoned-time';
import type { TerminalIdentity } from '../db/rows';
import { TerminalDatabase } from '../db/terminal-database';
import type { TerminalServices } from '../operations/terminal-services';

export const TEST_IDENTITY: TerminalIdentity = {
  terminalId: 'T1',
  storeId: 'S1',
  storeName: 'Store on Tverskaya',
  cardBlock: 7,
  timeZone: 'Europe/Moscow',
  language: 'ru',
};

export type TestServices = TerminalServices & {
  /** Sets the terminal's clock. */
  readonly setNow: (now: number) => void;
  /** Deletes the test database. */
  readonly dispose: () => Promise<void>;
};

/**
 * Terminal services on a real IndexedDB database of their own (a fresh name per call), with a
 * clock the test sets and real UUIDv7 ids and HLC stamps.
 */
export async function testServices(
  options: {
    readonly program?: Program;
    readonly identity?: TerminalIdentity;
    /** The node id of this terminal's clock stamps (default: the identity's terminal id). */
    readonly terminalId?: string;
    /** Added to the time the test sets: a terminal whose clock is off. */
    readonly clockSkewMs?: number;
  } = {},
): Promise<TestServices> {
  const db = new TerminalDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  let now = dayAt(0);
  const skew = options.clockSkewMs ?? 0;
  const clock = (): number => now + skew;
  const identity = options.identity ?? TEST_IDENTITY;
  return {
    db,
    identity,
    program: options.program ?? demoProgram,
    now: clock,
    newId: createIdGenerator({
      now: clock,
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    }),
    clock: createHybridClock({
      node: options.terminalId ?? identity.terminalId,
      now: clock,
      maxForwardDriftMs: 2 * DAY_MS,
    }),
    setNow: (value) => {
      now = value;
    },
    dispose: async () => {
      db.close();
      await deleteDatabase(db.name);
    },
  };
}

/**
 * Deletes a database whose connection was just closed. A read answers at its last request's
 * success (readCardAndCustomer, readSnapshot), so its transaction may still be finishing:
 * IndexedDB then reports the deletion blocked and carries it out once the transaction ends.
 * That is expected here and takes milliseconds, so it is not reported (Dexie's `delete` warns
 * of it); a deletion still blocked after BLOCKED_DELETE_MS is a connection left open.
 */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stillBlocked: ReturnType<typeof setTimeout> | undefined;
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => {
      stillBlocked = setTimeout(() => {
        reject(new Error(`test database ${name}: a connection to it was left open`));
      }, BLOCKED_DELETE_MS);
    };
    request.onsuccess = () => {
      clearTimeout(stillBlocked);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(stillBlocked);
      reject(request.error ?? new Error(`could not delete ${name}`));
    };
  });
}

const BLOCKED_DELETE_MS = 5_000;

/** A pre-printed plastic card of the store (EAN-13, prefix 29, block 1). */
export function plasticCard(serial: number): string {
  return generateEan13CardNumber({ prefix: '29', terminalBlock: 1, serial });
}
