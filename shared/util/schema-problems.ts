import type { z } from 'zod';

/** One reason outside data was refused, naming the field (`tiers.levels[1].minSpendMinor`). */
export type SchemaProblem = { readonly field: string; readonly message: string };

export function schemaProblems(error: z.ZodError): SchemaProblem[] {
  return error.issues.flatMap((issue) =>
    // An unknown field (often a typo) is named itself, not its parent object.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: formatPath([...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ field: formatPath(issue.path), message: issue.message }],
  );
}

/** `field: message; field: message` — for logs and errors that travel as one string. */
export function describeSchemaProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(value)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
