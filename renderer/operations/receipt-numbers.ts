import type { SettingsRow, TerminalCounters } from '../db/rows';
import { terminalCountersSchema } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';

/**
 * Reserves the next value of a terminal counter inside the caller's transaction, so a receipt
 * number (or card serial) is used exactly when the operation commits, and never twice.
 */
export async function nextCounter(
  db: TerminalDatabase,
  counter: keyof TerminalCounters,
): Promise<number> {
  const counters = await readCounters(db);
  const next = counters[counter] + 1;
  await writeCounters(db, { ...counters, [counter]: next });
  return next;
}

/** The counters, checked (for an operation that reads first and writes at its end). */
export async function readCounters(db: TerminalDatabase): Promise<TerminalCounters> {
  return parseCounters(await db.settings.get('counters'));
}

/**
 * The counters' settings row as read, checked: undefined (no row yet) is the first use; a
 * row there but without readable counters is an error, never a restart from zero.
 */
export function parseCounters(row: unknown): TerminalCounters {
  if (row === undefined) return { receiptSeq: 0, cardSerial: 0 };
  const value = typeof row === 'object' && row !== null && 'value' in row ? row.value : undefined;
  const parsed = terminalCountersSchema.safeParse(value);
  if (!parsed.success) throw new Error('The terminal counters in the local store are unreadable.');
  return parsed.data;
}

export async function writeCounters(
  db: TerminalDatabase,
  counters: TerminalCounters,
): Promise<void> {
  await db.settings.put(countersRow(counters));
}

export function countersRow(counters: TerminalCounters): SettingsRow {
  return { key: 'counters', value: counters };
}

/**
 * `T1-000042`: the terminal and its receipt sequence, what a cashier types for a refund.
 * Upper case always, so a number typed in any case finds its receipt (findSaleReceipt).
 */
export function formatReceiptNumber(terminalId: string, seq: number): string {
  return `${terminalId.toUpperCase()}-${String(seq).padStart(6, '0')}`;
}
