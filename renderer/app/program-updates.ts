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
