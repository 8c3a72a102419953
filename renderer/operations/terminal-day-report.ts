import { uuidv7Floor } from '../../shared/ids/uuidv7';
import { parseLedgerEntry } from '../../shared/ledger/ledger-entry';
import { summarizeDay } from '../../shared/reports/day-summary';
import type { DaySummary } from '../../shared/reports/day-summary';
import { localDayBounds } from '../../shared/time/local-day-bounds';
import { localParts } from '../../shared/time/zoned-time';
import type { LocalDate } from '../../shared/time/zoned-time';
import type { TerminalIdentity } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';

export type TerminalDayReport = {
  readonly date: LocalDate;
  readonly startMs: number;
  readonly endMs: number;
  readonly summary: DaySummary;
  /** Messages this terminal has not had answered by the server yet. */
  readonly unsent: number;
  /** Messages the server refused (kept for the manager). */
  readonly refused: number;
};

/**
 * The day-close report of this terminal for the store day that contains `now`: its own
 * ledger entries of the day (entry ids are UUIDv7, made at the entry's time, so the day is a
 * key range of the ledger — no scan of the whole store), and what is still unsent.
 */
export async function terminalDayReport(
  db: TerminalDatabase,
  identity: TerminalIdentity,
  now: number,
): Promise<TerminalDayReport> {
  const date = localParts(now, identity.timeZone);
  const { startMs, endMs } = localDayBounds(date, identity.timeZone);
  const rows: unknown[] = await db.ledger
    .where(':id')
    .between(uuidv7Floor(startMs), uuidv7Floor(endMs))
    .toArray();
  const entries = rows.flatMap((row) => {
    const parsed = parseLedgerEntry(row);
    return parsed.ok && parsed.value.terminalId === identity.terminalId ? [parsed.value] : [];
  });
  const [unsent, refused] = await Promise.all([db.outbox.count(), db.syncProblems.count()]);
  return {
    date: { year: date.year, month: date.month, day: date.day },
    startMs,
    endMs,
    summary: summarizeDay(entries),
    unsent,
    refused,
  };
}
