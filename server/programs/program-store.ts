import { parseProgram } from '../../shared/program/parse-program';
import type { Program } from '../../shared/program/program-schema';
import type { SchemaProblem } from '../../shared/util/schema-problems';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Sql, SqlTransaction } from '../db/sql';
import { appendChange, lockChangeLog } from '../sync/change-log';
import { CorruptStoredRowError } from '../sync/stored-rows';

/**
 * Published program versions. A version is immutable once published, so the store keeps the
 * parsed programs it has read.
 */
export type ProgramStore = {
  byVersion(tx: SqlTransaction, version: number): Promise<Program | null>;
};

export function createProgramStore(): ProgramStore {
  const cache = new Map<number, Program>();
  return {
    async byVersion(tx, version) {
      const cached = cache.get(version);
      if (cached) return cached;
      const rows = await tx.query('select body from programs where version = $1', [version]);
      const row = rows[0];
      if (!row) return null;
      const parsed = parseProgram(row['body']);
      if (!parsed.ok)
        throw new CorruptStoredRowError(
          'programs',
          String(version),
          parsed.error.map((p) => `${p.field}: ${p.message}`).join('; '),
        );
      cache.set(version, parsed.value);
      return parsed.value;
    },
  };
}

export type PublishError =
  | { readonly code: 'invalid-program'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'version-exists'; readonly version: number };

/**
 * Publishes a program version, validated by the engine's schema; terminals receive it with
 * their next pull. A version number is used once: a changed program is a new version.
 */
export async function publishProgram(
  sql: Sql,
  input: unknown,
): Promise<Result<Program, PublishError>> {
  const parsed = parseProgram(input);
  if (!parsed.ok) return err({ code: 'invalid-program', problems: parsed.error });
  const program = parsed.value;
  return sql.transaction(async (tx) => {
    await lockChangeLog(tx);
    const inserted = await tx.query(
      'insert into programs (version, body) values ($1, $2) on conflict (version) do nothing returning version',
      [program.version, JSON.stringify(input)],
    );
    if (inserted.length === 0)
      return err({ code: 'version-exists' as const, version: program.version });
    await appendChange(tx, { kind: 'program', program: input as Record<string, unknown> });
    return ok(program);
  });
}

/** The newest published program, or null before the first publish. */
export async function latestProgram(sql: Sql): Promise<Program | null> {
  const rows = await sql.query('select version, body from programs order by version desc limit 1');
  const row = rows[0];
  if (!row) return null;
  const parsed = parseProgram(row['body']);
  if (!parsed.ok)
    throw new CorruptStoredRowError('programs', String(row['version']), 'fails the program schema');
  return parsed.value;
}
