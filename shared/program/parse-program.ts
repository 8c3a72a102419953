import { programSchema } from './program-schema';
import type { Program } from './program-schema';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { describeSchemaProblems, schemaProblems } from '../util/schema-problems';
import type { SchemaProblem } from '../util/schema-problems';

/** Validates a program configuration from outside (JSON file, server, stored row). */
export function parseProgram(input: unknown): Result<Program, SchemaProblem[]> {
  const parsed = programSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(schemaProblems(parsed.error));
}

/** Like parseProgram, for shipped files that must be valid: throws with every problem listed. */
export function parseProgramOrThrow(input: unknown): Program {
  const result = parseProgram(input);
  if (result.ok) return result.value;
  throw new Error(`Invalid loyalty program: ${describeSchemaProblems(result.error)}`);
}
