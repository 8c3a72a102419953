import { createStore } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { createProgramStore } from '../programs/program-store';
import { assertNever } from '../../shared/util/assert-never';
import type { CliCommand } from './cli-args';
import { USAGE, parseCliArgs } from './cli-args';
import {
  flagsText,
  overdraftsText,
  programPublishedText,
  publishErrorText,
  resolvedText,
  revokedText,
  storeCreatedText,
  terminalCodeText,
  terminalsText,
} from './command-text';
import { dayReport } from './day-report';
import { dayReportText } from './day-report-text';
import { listFlags, listOverdrafts, resolveFlag } from './flag-admin';
import { importOutboxPath } from './import-outbox';
import { importedText, importRefusalText } from './import-outbox-text';
import { publishProgramFile } from './publish-program-file';
import { issueTerminalCode, listTerminals, revokeTerminalById } from './terminal-admin';

/**
 * What the CLI does with a command, as data: the text to print and the exit code.
 *
 * | exit | meaning                                                         |
 * |------|-----------------------------------------------------------------|
 * | 0    | done                                                            |
 * | 1    | refused for a business reason (store exists, unknown terminal…) |
 * | 2    | the command line itself is wrong (usage printed)                |
 */
export type CliOutcome = {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
};

export type DatabaseCommand = Exclude<CliCommand, { readonly name: 'help' }>;

/** The outcome of arguments that need no database: help, or a usage error. */
export function outcomeWithoutDatabase(
  argv: readonly string[],
): CliOutcome | { readonly command: DatabaseCommand } {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `error: ${parsed.error}\n\n${USAGE}` };
  if (parsed.value.name === 'help') return done(USAGE);
  return { command: parsed.value };
}

export async function runCommand(
  sql: Sql,
  command: DatabaseCommand,
  now: number,
): Promise<CliOutcome> {
  switch (command.name) {
    case 'create-store': {
      const created = await createStore(sql, {
        id: command.storeId,
        name: command.storeName,
        timeZone: command.timeZone,
      });
      return created.ok ? done(storeCreatedText(created.value)) : refused(created.error);
    }
    case 'create-terminal-code': {
      const issued = await issueTerminalCode(sql, { ...command, now });
      return issued.ok ? done(terminalCodeText(issued.value)) : refused(issued.error);
    }
    case 'revoke-terminal': {
      const revoked = await revokeTerminalById(sql, command.terminalId, now);
      return revoked.ok ? done(revokedText(revoked.value)) : refused(revoked.error);
    }
    case 'list-terminals': {
      const listed = await listTerminals(sql, command.storeId);
      return listed.ok ? done(terminalsText(listed.value)) : refused(listed.error);
    }
    case 'publish-program': {
      const published = await publishProgramFile(sql, command.file);
      return published.ok
        ? done(programPublishedText(published.value))
        : refused(publishErrorText(command.file, published.error));
    }
    case 'import-outbox': {
      // One command per process: a program store (a cache of published versions) of its own.
      const imported = await importOutboxPath(sql, createProgramStore(), command.file, now);
      return imported.ok
        ? done(importedText(command.file, imported.value))
        : refused(importRefusalText(command.file, imported.error));
    }
    case 'list-overdrafts':
      return done(
        overdraftsText(
          await listOverdrafts(sql, { includeResolved: command.includeResolved }),
          command.includeResolved,
        ),
      );
    case 'list-flags':
      return done(
        flagsText(
          await listFlags(sql, {
            kind: command.kind,
            storeId: null,
            includeResolved: command.includeResolved,
          }),
          command.includeResolved,
        ),
      );
    case 'resolve-flag': {
      const resolved = await resolveFlag(sql, command.flagId, now);
      return resolved.ok
        ? done(resolvedText(resolved.value, command.note))
        : refused(resolved.error);
    }
    case 'day-report': {
      const report = await dayReport(sql, command.storeId, command.date);
      return report.ok ? done(dayReportText(report.value)) : refused(report.error);
    }
    default:
      return assertNever(command, 'admin command');
  }
}

function done(text: string): CliOutcome {
  return { exitCode: 0, stdout: text, stderr: '' };
}

function refused(reason: string): CliOutcome {
  return { exitCode: 1, stdout: '', stderr: `error: ${reason}` };
}
