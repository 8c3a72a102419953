import { z } from 'zod';
import { entityIdSchema, epochMsSchema } from '../ids/id-schemas';
import { canonicalJson } from '../util/canonical-json';
import { err, ok } from '../util/result';
import type { Result } from '../util/result';
import { schemaProblems } from '../util/schema-problems';
import type { SchemaProblem } from '../util/schema-problems';
import { outboxMessageSchema } from './outbox-message';
import type { OutboxMessage } from './outbox-message';

/**
 * A file of unsent messages, for a store without any link: the terminal exports its outbox
 * to it, a manager carries it to the central server, and the admin CLI imports it with the
 * same at-most-once rule as a push (a message already received counts as a duplicate).
 *
 * ```json
 * {"format":"loyalty-outbox","version":1,"terminalId":"T1","storeId":"S1",
 *  "exportedAt":1767600000000,"messages":[…],"signature":"<43 base64url characters>"}
 * ```
 *
 * The signature (export-signature.ts) is HMAC-SHA256 over `signedText`: the canonical JSON
 * (canonical-json.ts) of the file's JSON value without its `signature` member. It is
 * computed over the JSON value as read, before any schema, so it covers exactly what the
 * file holds. A change of format is a new `version`; a reader refuses versions it does not
 * know rather than guess.
 */
export const EXPORT_FILE_FORMAT = 'loyalty-outbox';
export const EXPORT_FILE_VERSION = 1;

/** HMAC-SHA256 is 32 bytes: 43 base64url characters without padding. */
export const exportSignatureSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 43 base64url characters (HMAC-SHA256)');

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FILE_FORMAT),
  version: z.literal(EXPORT_FILE_VERSION),
  terminalId: entityIdSchema,
  storeId: entityIdSchema,
  exportedAt: epochMsSchema,
  messages: z.array(outboxMessageSchema).min(1, 'must hold at least one message'),
  signature: exportSignatureSchema,
});
export type ExportFile = z.output<typeof exportFileSchema>;

/** What the terminal signs: the file without its signature. */
export type UnsignedExportFile = {
  readonly format: typeof EXPORT_FILE_FORMAT;
  readonly version: typeof EXPORT_FILE_VERSION;
  readonly terminalId: string;
  readonly storeId: string;
  readonly exportedAt: number;
  readonly messages: readonly OutboxMessage[];
};

export type ParsedExportFile = {
  readonly file: ExportFile;
  /** The canonical text the signature must match (see above). */
  readonly signedText: string;
};

/** The text the signature covers: canonical JSON of the file minus `signature`. */
export function signedText(file: object): string {
  const { signature: _signature, ...unsigned } = file as { signature?: unknown };
  return canonicalJson(unsigned);
}

/** The file as written to disk: plain JSON (any member order verifies), one line. */
export function exportFileText(file: UnsignedExportFile & { readonly signature: string }): string {
  return `${JSON.stringify(file)}\n`;
}

/**
 * Reads an export file. Every problem names its field (`messages[3].entries[0].points: …`),
 * or `(json)` / `(value)` for a text that is not JSON or not an object. A file of another
 * format or version gets that one problem only: the rest would be noise.
 */
export function parseExportFile(text: string): Result<ParsedExportFile, SchemaProblem[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err([{ field: '(json)', message: `is not JSON: ${reason}` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return err([{ field: '(value)', message: 'must be a JSON object (an export file)' }]);
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FILE_FORMAT)
    return err([
      {
        field: 'format',
        message: `must be "${EXPORT_FILE_FORMAT}" (got ${shown(format)}): not a file of unsent messages`,
      },
    ]);
  if (version !== EXPORT_FILE_VERSION)
    return err([
      {
        field: 'version',
        message: `must be ${String(EXPORT_FILE_VERSION)} (got ${shown(version)}): a format this server does not read`,
      },
    ]);
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) return err(schemaProblems(parsed.error));
  return ok({ file: parsed.data, signedText: signedText(json) });
}

/** A member's value for a problem's message: JSON, or `nothing` when it is absent. */
function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
