import type { Program } from '../../shared/program/program-schema';
import type { FlagRow, OverdraftRow, ResolvedFlag } from './flag-admin';
import { formatLocalDateTime } from './local-time-text';
import type { PublishFileError } from './publish-program-file';
import type { IssuedTerminalCode, RevokedTerminal, Store, TerminalRow } from './terminal-admin';
import type { TerminalState } from './terminal-admin';
import { textTable } from './text-table';
import { assertNever } from '../../shared/util/assert-never';

/** What each admin command prints: plain text from the data the command returned. */

export function storeCreatedText(store: Store): string {
  return `Store ${store.id} created: "${store.name}", time zone ${store.timeZone}.`;
}

export function terminalCodeText(code: IssuedTerminalCode): string {
  const expires = code.expiresAt.getTime();
  return [
    `Registration code for terminal ${code.terminalId} of store ${code.storeId}: ${code.code}`,
    `Card block: ${code.cardBlock}`,
    `Expires: ${formatLocalDateTime(expires, code.timeZone)} ${code.timeZone}`,
    'The code works once and is shown only now: enter it on the terminal.',
  ].join('\n');
}

export function revokedText(revoked: RevokedTerminal): string {
  const at = (ms: number): string =>
    `${formatLocalDateTime(ms, revoked.timeZone)} ${revoked.timeZone}`;
  const lines = [
    `Terminal ${revoked.terminalId} of store ${revoked.storeId} revoked at ${at(revoked.revokedAtMs)}: its credential no longer works.`,
  ];
  const last = revoked.codesStillValid.at(-1);
  if (last)
    lines.push(
      `Warning: ${String(revoked.codesStillValid.length)} unused registration code(s) of ${revoked.terminalId} still valid until ${at(last.expiresAtMs)}; entering one registers the terminal again.`,
    );
  return lines.join('\n');
}

export function terminalsText(rows: readonly TerminalRow[]): string {
  if (rows.length === 0) return 'No terminals.';
  const at = (ms: number | null, zone: string): string =>
    ms === null ? '-' : formatLocalDateTime(ms, zone);
  return textTable(
    [
      { title: 'TERMINAL' },
      { title: 'STORE' },
      { title: 'CARD BLOCK', align: 'right' },
      { title: 'STATE' },
      { title: 'REGISTERED' },
      { title: 'LAST MESSAGE' },
    ],
    rows.map((row) => [
      row.terminalId,
      row.storeId,
      String(row.cardBlock),
      stateText(row.state),
      at(row.registeredAtMs, row.timeZone),
      at(row.lastMessageAtMs, row.timeZone),
    ]),
  );
}

function stateText(state: TerminalState): string {
  switch (state) {
    case 'awaiting-registration':
      return 'code issued, not registered';
    case 'registered':
      return 'registered';
    case 'revoked':
      return 'revoked';
    default:
      return assertNever(state, 'terminal state');
  }
}

export function programPublishedText(program: Program): string {
  return `Program ${program.programId} version ${String(program.version)} ("${program.name}") published; terminals receive it with their next pull.`;
}

export function publishErrorText(file: string, error: PublishFileError): string {
  switch (error.code) {
    case 'unreadable':
    case 'invalid-program':
      return [
        `Program not published: ${file} has ${String(error.problems.length)} problem(s):`,
        ...error.problems.map((problem) => `  ${problem.field}: ${problem.message}`),
      ].join('\n');
    case 'version-exists':
      return `Program not published: version ${String(error.version)} is published already; a changed program needs a new version number.`;
    default:
      return assertNever(error, 'publish error');
  }
}

const at = (ms: number, zone: string): string => formatLocalDateTime(ms, zone);

export function overdraftsText(rows: readonly OverdraftRow[], includeResolved: boolean): string {
  if (rows.length === 0) return includeResolved ? 'No overdrafts.' : 'No open overdrafts.';
  return [
    textTable(
      [
        { title: 'FLAG', align: 'right' },
        { title: 'RAISED' },
        { title: 'STORE' },
        { title: 'CUSTOMER' },
        { title: 'ENTRY' },
        { title: 'MADE AT' },
        { title: 'OVERDRAWN', align: 'right' },
        { title: 'STATUS' },
      ],
      rows.map(({ flag, entryId, pointsOverdrawn, entry }) => [
        String(flag.id),
        at(flag.createdAtMs, flag.timeZone),
        flag.storeId ?? '-',
        flag.customerId ?? '-',
        entryId ?? '(no entry id in detail)',
        entry ? `${entry.storeId}/${entry.terminalId} ${at(entry.atMs, entry.timeZone)}` : '-',
        pointsOverdrawn === null ? '?' : String(pointsOverdrawn),
        statusText(flag),
      ]),
    ),
    '',
    'STORE: the store whose message revealed the overdraft; MADE AT: where and when the',
    'entry that overdrew was made. OVERDRAWN: points the customer did not have.',
    'Times are local to each store.',
  ].join('\n');
}

export function flagsText(rows: readonly FlagRow[], includeResolved: boolean): string {
  if (rows.length === 0) return includeResolved ? 'No flags.' : 'No open flags.';
  return textTable(
    [
      { title: 'FLAG', align: 'right' },
      { title: 'KIND' },
      { title: 'RAISED' },
      { title: 'STORE' },
      { title: 'CUSTOMER' },
      { title: 'DETAIL' },
      { title: 'STATUS' },
    ],
    rows.map((flag) => [
      String(flag.id),
      flag.kind,
      `${at(flag.createdAtMs, flag.timeZone)} ${flag.timeZone}`,
      flag.storeId ?? '-',
      flag.customerId ?? '-',
      Object.entries(flag.detail)
        .map(
          ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
        )
        .join(' '),
      statusText(flag),
    ]),
  );
}

function statusText(flag: FlagRow): string {
  return flag.resolvedAtMs === null ? 'open' : `resolved ${at(flag.resolvedAtMs, flag.timeZone)}`;
}

export function resolvedText(resolved: ResolvedFlag, note: string | null): string {
  const lines = [
    `Flag ${String(resolved.id)} (${resolved.kind}) resolved at ${at(resolved.resolvedAtMs, resolved.timeZone)} ${resolved.timeZone}.`,
  ];
  // The flags table has no column for a note, and this tool adds none to the schema.
  if (note !== null)
    lines.push('The note was not saved: flags have no place for a note yet. Keep it elsewhere.');
  return lines.join('\n');
}
