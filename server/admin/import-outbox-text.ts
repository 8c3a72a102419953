import { assertNever } from '../../shared/util/assert-never';
import type { ImportedOutbox, ImportRefusal } from './import-outbox';
import { formatLocalDateTime } from './local-time-text';

/** What `import-outbox` prints: the counts, or why nothing was imported. */

/** Problems shown for a file that does not parse; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 20;

export function importedText(file: string, imported: ImportedOutbox): string {
  const exported = `${formatLocalDateTime(imported.exportedAt, imported.timeZone)} ${imported.timeZone}`;
  const lines = [
    `Imported ${file}: ${String(imported.messages)} message(s) of terminal ${imported.terminalId}, store ${imported.storeId}, exported ${exported}.`,
    `Applied: ${String(imported.applied)}, duplicate: ${String(imported.duplicate)}, rejected: ${String(imported.rejected.length)}.`,
  ];
  if (imported.rejected.length > 0)
    lines.push(
      'Rejected (recorded; the terminal gets the same answer when it pushes them):',
      ...imported.rejected.map((r) => `  ${r.id} ${r.reason}: ${r.detail}`),
    );
  const flags = Object.entries(imported.flags).map(([kind, count]) => `${kind} ${String(count)}`);
  if (flags.length > 0) lines.push(`Flags raised: ${flags.join(', ')} (see list-flags).`);
  return lines.join('\n');
}

export function importRefusalText(file: string, refusal: ImportRefusal): string {
  const nothing = 'Nothing imported';
  switch (refusal.code) {
    case 'unreadable':
    case 'invalid-file': {
      const shown = refusal.problems.slice(0, MAX_PROBLEMS_SHOWN);
      const more = refusal.problems.length - shown.length;
      return [
        `${nothing}: ${file} has ${String(refusal.problems.length)} problem(s):`,
        ...shown.map((problem) => `  ${problem.field}: ${problem.message}`),
        ...(more > 0 ? [`  … and ${String(more)} more`] : []),
      ].join('\n');
    }
    case 'unknown-terminal':
      return `${nothing}: terminal ${refusal.terminalId} is not known to this server.`;
    case 'no-export-key':
      return `${nothing}: terminal ${refusal.terminalId} has no export key (it is not registered), so its file cannot be verified.`;
    case 'revoked':
      return `${nothing}: terminal ${refusal.terminalId} was revoked at ${formatLocalDateTime(refusal.revokedAtMs, refusal.timeZone)} ${refusal.timeZone}; the files of a revoked terminal are refused, as its pushes are.`;
    case 'bad-signature':
      return `${nothing}: the signature of ${file} does not match the export key of terminal ${refusal.terminalId}. The file was changed after it was exported, or signed with another key (was the terminal registered again since?).`;
    case 'wrong-store':
      return `${nothing}: the file says store ${refusal.fileStoreId}, but terminal ${refusal.terminalId} belongs to store ${refusal.storeId}.`;
    case 'foreign-message':
      return `${nothing}: message ${refusal.messageId} holds data of another terminal or store than terminal ${refusal.terminalId} of store ${refusal.storeId}.`;
    default:
      return assertNever(refusal, 'import refusal');
  }
}
