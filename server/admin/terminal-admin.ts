import { createTerminalCode, revokeTerminal } from '../auth/terminals';
import type { StoreInput, TerminalCode } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { dbInteger, dbOptionalInstant, dbInstant, dbText } from './db-values';
import { formatLocalDateTime } from './local-time-text';

/**
 * Stores and terminals as a manager runs them from the CLI. The rules (ids, card blocks,
 * codes) live in server/auth/terminals.ts; these functions add what a person at a console
 * needs to see: the store's time zone for times, and why nothing happened.
 */

export type Store = StoreInput;

/** A store as created (its time zone is how its times are shown), or null if unknown. */
export async function storeOf(sql: Sql, storeId: string): Promise<Store | null> {
  const rows = await sql.query('select id, name, time_zone from stores where id = $1', [storeId]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: dbText(row['id'], 'stores.id'),
    name: dbText(row['name'], 'stores.name'),
    timeZone: dbText(row['time_zone'], 'stores.time_zone'),
  };
}

export type IssuedTerminalCode = TerminalCode & { readonly timeZone: string };

export async function issueTerminalCode(
  sql: Sql,
  input: { readonly storeId: string; readonly terminalId: string; readonly now: number },
): Promise<Result<IssuedTerminalCode, string>> {
  const store = await storeOf(sql, input.storeId);
  if (!store) return err(`store ${input.storeId} does not exist (create it first)`);
  const issued = await createTerminalCode(sql, input);
  return issued.ok ? ok({ ...issued.value, timeZone: store.timeZone }) : issued;
}

export type RevokedTerminal = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly revokedAtMs: number;
  readonly timeZone: string;
  /**
   * Registration codes of this terminal still unused and unexpired: using one registers the
   * terminal again (registerTerminal clears revoked_at), so the manager is told about them.
   */
  readonly codesStillValid: readonly { readonly expiresAtMs: number }[];
};

export async function revokeTerminalById(
  sql: Sql,
  terminalId: string,
  now: number,
): Promise<Result<RevokedTerminal, string>> {
  const found = await terminalRow(sql, terminalId);
  if (!found) return err(`terminal ${terminalId} does not exist`);
  if (found.revokedAtMs !== null)
    return err(
      `terminal ${terminalId} is revoked already (since ${formatLocalDateTime(found.revokedAtMs, found.timeZone)} ${found.timeZone})`,
    );
  if (!(await revokeTerminal(sql, terminalId, now)))
    return err(`terminal ${terminalId} was revoked by someone else just now`);
  const codes = await sql.query(
    `select expires_at from registration_codes
     where terminal_id = $1 and used_at is null and expires_at > $2 order by expires_at`,
    [terminalId, new Date(now)],
  );
  return ok({
    terminalId,
    storeId: found.storeId,
    revokedAtMs: now,
    timeZone: found.timeZone,
    codesStillValid: codes.map((row) => ({
      expiresAtMs: dbInstant(row['expires_at'], 'registration_codes.expires_at'),
    })),
  });
}

export type TerminalState = 'awaiting-registration' | 'registered' | 'revoked';

export type TerminalRow = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly timeZone: string;
  readonly cardBlock: number;
  readonly state: TerminalState;
  readonly registeredAtMs: number | null;
  readonly revokedAtMs: number | null;
  /** When the server last received a message from the terminal (applied or rejected). */
  readonly lastMessageAtMs: number | null;
};

const TERMINAL_COLUMNS = `t.id, t.store_id, s.time_zone, t.card_block, t.registered_at, t.revoked_at,
  (select max(m.received_at) from messages m where m.terminal_id = t.id) as last_message_at
  from terminals t join stores s on s.id = t.store_id`;

/** The terminals of one store (or of all stores), by store and card block. */
export async function listTerminals(
  sql: Sql,
  storeId: string | null,
): Promise<Result<readonly TerminalRow[], string>> {
  if (storeId !== null && !(await storeOf(sql, storeId)))
    return err(`store ${storeId} does not exist`);
  const rows = await sql.query(
    `select ${TERMINAL_COLUMNS}
     where ($1::text is null or t.store_id = $1::text) order by t.store_id, t.card_block`,
    [storeId],
  );
  return ok(rows.map(terminalFromRow));
}

async function terminalRow(sql: Sql, terminalId: string): Promise<TerminalRow | null> {
  const rows = await sql.query(`select ${TERMINAL_COLUMNS} where t.id = $1`, [terminalId]);
  const row = rows[0];
  return row ? terminalFromRow(row) : null;
}

function terminalFromRow(row: Record<string, unknown>): TerminalRow {
  const registeredAtMs = dbOptionalInstant(row['registered_at'], 'terminals.registered_at');
  const revokedAtMs = dbOptionalInstant(row['revoked_at'], 'terminals.revoked_at');
  return {
    terminalId: dbText(row['id'], 'terminals.id'),
    storeId: dbText(row['store_id'], 'terminals.store_id'),
    timeZone: dbText(row['time_zone'], 'stores.time_zone'),
    cardBlock: dbInteger(row['card_block'], 'terminals.card_block'),
    // Revoked wins: a revoked terminal was registered before, and its credential is dead.
    state:
      revokedAtMs !== null
        ? 'revoked'
        : registeredAtMs !== null
          ? 'registered'
          : 'awaiting-registration',
    registeredAtMs,
    revokedAtMs,
    lastMessageAtMs: dbOptionalInstant(row['last_message_at'], 'messages.received_at'),
  };
}
