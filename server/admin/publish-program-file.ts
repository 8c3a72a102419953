import { readFile } from 'node:fs/promises';
import type { Program } from '../../shared/program/program-schema';
import type { SchemaProblem } from '../../shared/util/schema-problems';
import { err } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Sql } from '../db/sql';
import { publishProgram } from '../programs/program-store';

/**
 * Publishes the program in a JSON file. Whatever is wrong with the file comes back as
 * problems that each name a field (`redemption.maxShareBp: …`), or `(file)` / `(json)` when
 * the file cannot be read or parsed, so the author knows where to look.
 */
export type PublishFileError =
  | { readonly code: 'unreadable'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'invalid-program'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'version-exists'; readonly version: number };

export async function publishProgramFile(
  sql: Sql,
  file: string,
): Promise<Result<Program, PublishFileError>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return err({
      code: 'unreadable' as const,
      problems: [{ field: '(file)', message: `cannot read ${file}: ${errorText(error)}` }],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err({
      code: 'unreadable' as const,
      problems: [{ field: '(json)', message: `${file} is not valid JSON: ${errorText(error)}` }],
    });
  }
  return publishProgram(sql, json);
}

function errorText(error: unknown): string {
  // Node's messages already start with the code: "ENOENT: no such file or directory, open …".
  return error instanceof Error ? error.message : String(error);
}
