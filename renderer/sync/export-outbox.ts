import {
  EXPORT_FILE_FORMAT,
  EXPORT_FILE_VERSION,
  exportFileText,
} from '../../shared/sync/export-file';
import { signExportFile } from '../../shared/sync/export-signature';
import type { HmacSubtle } from '../../shared/sync/export-signature';
import { outboxMessageSchema } from '../../shared/sync/outbox-message';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { localParts } from '../../shared/time/zoned-time';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { serverLinkSchema, terminalIdentitySchema } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';

export type ExportedOutbox = {
  /** `outbox-<terminalId>-<yyyymmdd-hhmm>.json`, the time in the store's zone. */
  readonly fileName: string;
  readonly text: string;
  /** Messages in the file. */
  readonly count: number;
  /** Queued rows this version cannot read: left out (the next push sets them aside). */
  readonly unreadable: number;
};

export type ExportRefusal =
  /** No server link, hence no export key: the server could not tell the file is ours. */
  | { readonly code: 'not-registered' }
  | { readonly code: 'nothing-to-export'; readonly unreadable: number };

/**
 * Exports every queued message, in the order they would be sent, to a file signed with the
 * terminal's export key (export-file.ts), for a store without any link: a manager carries it
 * to the central server, whose admin CLI imports it (`import-outbox`).
 *
 * Read only: the messages stay queued. When the link is back the terminal pushes them as
 * usual and the server answers `duplicate` for those it imported already, which is safe (and
 * how they then leave the outbox). The queue and the identity are read in one transaction,
 * so the file is one consistent moment of the outbox.
 */
export async function exportOutbox(
  db: TerminalDatabase,
  now: number,
  subtle: HmacSubtle = crypto.subtle,
): Promise<Result<ExportedOutbox, ExportRefusal>> {
  const stored = await db.transaction('r', [db.outbox, db.settings], async () => {
    // Rows as read: they may come from an older version of the app (parsed below).
    const rows: unknown[] = await db.outbox.orderBy('seq').toArray();
    const identity: unknown = (await db.settings.get('identity'))?.value;
    const link: unknown = (await db.settings.get('link'))?.value;
    return { rows, identity, link };
  });
  const { rows } = stored;
  const identity = terminalIdentitySchema.safeParse(stored.identity);
  const link = serverLinkSchema.safeParse(stored.link);
  if (!identity.success || !link.success) return err({ code: 'not-registered' });
  const messages: OutboxMessage[] = [];
  for (const row of rows) {
    const { seq: _seq, ...message } = row as { seq?: number };
    const parsed = outboxMessageSchema.safeParse(message);
    if (parsed.success) messages.push(parsed.data);
  }
  const unreadable = rows.length - messages.length;
  if (messages.length === 0) return err({ code: 'nothing-to-export', unreadable });
  const { terminalId, storeId, timeZone } = identity.data;
  const file = await signExportFile(
    subtle,
    {
      format: EXPORT_FILE_FORMAT,
      version: EXPORT_FILE_VERSION,
      terminalId,
      storeId,
      exportedAt: now,
      messages,
    },
    link.data.exportKey,
  );
  return ok({
    fileName: `outbox-${terminalId}-${fileStamp(now, timeZone)}.json`,
    text: exportFileText(file),
    count: messages.length,
    unreadable,
  });
}

/** `20260105-1804`: the store's local date and time, sortable, safe in a file name. */
function fileStamp(epochMs: number, timeZone: string): string {
  const parts = localParts(epochMs, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${String(parts.year)}${two(parts.month)}${two(parts.day)}`;
  return `${date}-${two(Math.floor(parts.minuteOfDay / 60))}${two(parts.minuteOfDay % 60)}`;
}
