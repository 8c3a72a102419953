import { readFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { parseExportFile } from '../../shared/sync/export-file';
import type { ExportFile } from '../../shared/sync/export-file';
import { exportSignatureValid } from '../../shared/sync/export-signature';
import { MAX_PUSH_BATCH } from '../../shared/sync/protocol';
import type { FlagKind, PushResult, RejectionReason } from '../../shared/sync/protocol';
import { assertNever } from '../../shared/util/assert-never';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { SchemaProblem } from '../../shared/util/schema-problems';
import type { Sql } from '../db/sql';
import type { ProgramStore } from '../programs/program-store';
import { firstOutOfScope } from '../sync/message-scope';
import { pushBatch } from '../sync/push';
import { dbOptionalInstant, dbOptionalText, dbText } from './db-values';

/**
 * `import-outbox <file>`: the messages a terminal without any link exported to a signed file
 * (shared/sync/export-file.ts), applied as if the terminal had pushed them: every message at
 * most once, answered applied, duplicate or rejected (pushBatch).
 *
 * The whole file is checked before anything is written, and refused whole when:
 * - it does not parse (each problem names its field);
 * - its terminal is unknown, has no export key (never registered), or is REVOKED: revoking
 *   says the chain no longer trusts that machine, and its export key is as exposed as its
 *   credential; the file's `exportedAt` is only the file's word, so a file made after the
 *   revocation could not be told from one made before. /v1/push refuses a revoked terminal;
 *   an import must not be a way around that;
 * - the signature does not verify with the terminal's export key (changed, or another key);
 * - it claims another store than the terminal's, or a message or entry carries another
 *   terminal or store than the file's (as /v1/push refuses them).
 *
 * The messages then go in batches of MAX_PUSH_BATCH, each batch one transaction. If a batch
 * fails, the batches before it stay applied; importing the file again is safe (they come
 * back `duplicate`), as is the terminal pushing the same messages later.
 */
export type ImportRefusal =
  | { readonly code: 'unreadable'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'invalid-file'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'unknown-terminal'; readonly terminalId: string }
  | { readonly code: 'no-export-key'; readonly terminalId: string }
  | {
      readonly code: 'revoked';
      readonly terminalId: string;
      readonly revokedAtMs: number;
      readonly timeZone: string;
    }
  | { readonly code: 'bad-signature'; readonly terminalId: string }
  | {
      readonly code: 'wrong-store';
      readonly terminalId: string;
      readonly storeId: string;
      readonly fileStoreId: string;
    }
  | {
      readonly code: 'foreign-message';
      readonly messageId: string;
      readonly terminalId: string;
      readonly storeId: string;
    };

export type ImportedOutbox = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly timeZone: string;
  readonly exportedAt: number;
  readonly messages: number;
  readonly applied: number;
  readonly duplicate: number;
  readonly rejected: readonly {
    readonly id: string;
    readonly reason: RejectionReason;
    readonly detail: string;
  }[];
  /** Flags raised on applied messages, by kind (see list-flags). */
  readonly flags: Readonly<Partial<Record<FlagKind, number>>>;
};

/** Reads `file` and imports it (see importOutboxFile). */
export async function importOutboxPath(
  sql: Sql,
  programs: ProgramStore,
  file: string,
  now: number,
): Promise<Result<ImportedOutbox, ImportRefusal>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err({
      code: 'unreadable',
      problems: [{ field: '(file)', message: `cannot read ${file}: ${reason}` }],
    });
  }
  return importOutboxFile(sql, programs, text, now);
}

export async function importOutboxFile(
  sql: Sql,
  programs: ProgramStore,
  text: string,
  now: number,
): Promise<Result<ImportedOutbox, ImportRefusal>> {
  const parsed = parseExportFile(text);
  if (!parsed.ok) return err({ code: 'invalid-file', problems: parsed.error });
  const { file } = parsed.value;
  const { terminalId } = file;
  const rows = await sql.query(
    `select t.store_id, t.export_key, t.revoked_at, s.time_zone
     from terminals t join stores s on s.id = t.store_id where t.id = $1`,
    [terminalId],
  );
  const row = rows[0];
  if (!row) return err({ code: 'unknown-terminal', terminalId });
  const storeId = dbText(row['store_id'], 'terminals.store_id');
  const timeZone = dbText(row['time_zone'], 'stores.time_zone');
  const revokedAtMs = dbOptionalInstant(row['revoked_at'], 'terminals.revoked_at');
  if (revokedAtMs !== null) return err({ code: 'revoked', terminalId, revokedAtMs, timeZone });
  const exportKey = dbOptionalText(row['export_key'], 'terminals.export_key');
  if (exportKey === null) return err({ code: 'no-export-key', terminalId });
  if (!(await exportSignatureValid(webcrypto.subtle, parsed.value, exportKey)))
    return err({ code: 'bad-signature', terminalId });
  if (file.storeId !== storeId)
    return err({ code: 'wrong-store', terminalId, storeId, fileStoreId: file.storeId });
  const foreign = firstOutOfScope(file.messages, { storeId, terminalId: file.terminalId });
  if (foreign !== null)
    return err({ code: 'foreign-message', messageId: foreign.messageId, terminalId, storeId });

  const results: PushResult[] = [];
  for (let start = 0; start < file.messages.length; start += MAX_PUSH_BATCH)
    results.push(
      ...(await pushBatch(sql, programs, file.messages.slice(start, start + MAX_PUSH_BATCH), now)),
    );
  return ok(summary(file, timeZone, results));
}

function summary(
  file: ExportFile,
  timeZone: string,
  results: readonly PushResult[],
): ImportedOutbox {
  let applied = 0;
  let duplicate = 0;
  const rejected: ImportedOutbox['rejected'][number][] = [];
  const flags: Partial<Record<FlagKind, number>> = {};
  for (const result of results) {
    switch (result.status) {
      case 'applied':
        applied += 1;
        for (const kind of result.flags) flags[kind] = (flags[kind] ?? 0) + 1;
        break;
      case 'duplicate':
        duplicate += 1;
        break;
      case 'rejected':
        rejected.push({ id: result.id, reason: result.reason, detail: result.detail });
        break;
      default:
        assertNever(result, 'push result');
    }
  }
  return {
    terminalId: file.terminalId,
    storeId: file.storeId,
    timeZone,
    exportedAt: file.exportedAt,
    messages: file.messages.length,
    applied,
    duplicate,
    rejected,
    flags,
  };
}
