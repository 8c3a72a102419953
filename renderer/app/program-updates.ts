import { parseProgram } from '../../shared/program/parse-program';
import type { Program } from '../../shared/program/program-schema';
import type { TerminalDatabase } from '../db/terminal-database';

/**
 * A program version newer than the one in force, when the sync has stored one (pulled from
 * the central server): the terminal switches to it without a restart. A stored program that
 * does not parse is skipped with its problem returned, and the one in force stays: a broken
 * publication must not stop the checkout.
 */
export async function newerProgram(
  db: TerminalDatabase,
  current: Program,
): Promise<{ program: Program } | { problem: string; version: number } | null> {
  const latest = await db.programs.orderBy('version').last();
  if (!latest || latest.version <= current.version) return null;
  const parsed = parseProgram(latest.program);
  return parsed.ok
    ? { program: parsed.value }
    : {
        version: latest.version,
        problem: `program version ${String(latest.version)} is unreadable; version ${String(current.version)} stays in force`,
      };
}

/** What the terminal does when a check after a sync finds something. */
export type ProgramUpdateHandlers = {
  /** The program in force now (read at each check: it changes as updates are taken). */
  readonly current: () => Program;
  /** A newer readable version: put it in force and tell the cashier. */
  readonly onNewer: (program: Program) => void;
  /** A newer version that does not parse: tell the cashier once per version. */
  readonly onBroken: (problem: string) => void;
};

/**
 * Checks for a newer program after each successful sync, the sync worker's view being the
 * trigger. Invariants: one check per sync success (the worker repeats its view between
 * syncs); checks run one after another, so two quick successes cannot take the same version
 * twice; a broken version is reported once, not after every sync. Returns the function to
 * call with each view's `lastSuccessAt`; its promise settles when that check is done.
 */
export function followProgramUpdates(
  db: TerminalDatabase,
  handlers: ProgramUpdateHandlers,
): (lastSuccessAt: number | null) => Promise<void> {
  let checkedAfter: number | null = null;
  let reportedBroken: number | null = null;
  let checks: Promise<void> = Promise.resolve();
  const check = async (): Promise<void> => {
    const found = await newerProgram(db, handlers.current());
    if (!found) return;
    if ('program' in found) {
      handlers.onNewer(found.program);
      return;
    }
    if (found.version === reportedBroken) return;
    reportedBroken = found.version;
    handlers.onBroken(found.problem);
  };
  return (lastSuccessAt) => {
    if (lastSuccessAt === null || lastSuccessAt === checkedAfter) return checks;
    checkedAfter = lastSuccessAt;
    // A failed check (a read error) rejects the promise returned here, for the caller to
    // report; the chain of checks goes on from it (never stays rejected), and the next sync
    // success checks again.
    const next = checks.then(check);
    checks = next.catch(() => undefined);
    return next;
  };
}
