import { entityIdSchema } from '../../shared/ids/id-schemas';
import type { RegistrationAnswer } from '../../shared/sync/protocol';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Sql } from '../db/sql';
import { hashSecret, newCredentialSecret, newRegistrationCode, sameHash } from './secrets';

/**
 * Stores and terminals of the chain. A manager creates a one-time code for a terminal (admin
 * CLI); the terminal trades it for a credential once; every later request carries the
 * credential and is scoped to the terminal's store. Revoking a terminal ends its credential.
 */

export type AuthenticatedTerminal = { readonly terminalId: string; readonly storeId: string };

/** How long a registration code works. */
export const REGISTRATION_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export type StoreInput = { readonly id: string; readonly name: string; readonly timeZone: string };

export async function createStore(
  sql: Sql,
  store: StoreInput,
): Promise<Result<StoreInput, string>> {
  if (!entityIdSchema.safeParse(store.id).success)
    return err('store id: must be 1–36 letters, digits, _ or -');
  if (store.name.trim().length === 0 || store.name.length > 80)
    return err('store name: 1–80 characters');
  if (!isTimeZone(store.timeZone))
    return err(`time zone: "${store.timeZone}" is not a known IANA zone`);
  const rows = await sql.query(
    'insert into stores (id, name, time_zone) values ($1, $2, $3) on conflict (id) do nothing returning id',
    [store.id, store.name.trim(), store.timeZone],
  );
  return rows.length === 0 ? err(`store ${store.id} exists already`) : ok(store);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type TerminalCode = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly cardBlock: number;
  readonly code: string;
  readonly expiresAt: Date;
};

/**
 * A one-time registration code for terminal `terminalId` of store `storeId`: the terminal is
 * created with the next free card block if new; a code for an existing terminal (a replaced
 * machine) gives it a new credential when used, ending the old one.
 */
export async function createTerminalCode(
  sql: Sql,
  input: { readonly storeId: string; readonly terminalId: string; readonly now: number },
): Promise<Result<TerminalCode, string>> {
  if (!entityIdSchema.safeParse(input.terminalId).success)
    return err('terminal id: must be 1–36 letters, digits, _ or -');
  return sql.transaction(async (tx) => {
    const stores = await tx.query('select id from stores where id = $1', [input.storeId]);
    if (stores.length === 0) return err(`store ${input.storeId} does not exist (create it first)`);
    // Card blocks are handed out in order; the lock keeps two admins from taking one block.
    await tx.query('lock table terminals in share row exclusive mode');
    const existing = await tx.query('select store_id, card_block from terminals where id = $1', [
      input.terminalId,
    ]);
    let cardBlock: number;
    const found = existing[0];
    if (found) {
      if (found['store_id'] !== input.storeId)
        return err(`terminal ${input.terminalId} belongs to store ${String(found['store_id'])}`);
      cardBlock = Number(found['card_block']);
    } else {
      const next = await tx.query(
        'select coalesce(max(card_block), 0) + 1 as block from terminals',
      );
      cardBlock = Number(next[0]?.['block']);
      if (cardBlock > 999) return err('all 999 card blocks are taken');
      await tx.query('insert into terminals (id, store_id, card_block) values ($1, $2, $3)', [
        input.terminalId,
        input.storeId,
        cardBlock,
      ]);
    }
    const code = newRegistrationCode();
    const expiresAt = new Date(input.now + REGISTRATION_CODE_TTL_MS);
    await tx.query(
      'insert into registration_codes (code_hash, terminal_id, expires_at) values ($1, $2, $3)',
      [hashSecret(code), input.terminalId, expiresAt],
    );
    return ok({ terminalId: input.terminalId, storeId: input.storeId, cardBlock, code, expiresAt });
  });
}

export type RegistrationError = 'unknown-code' | 'code-used' | 'code-expired';

/** Trades a one-time code for a credential (shown once, stored hashed). */
export async function registerTerminal(
  sql: Sql,
  code: string,
  now: number,
): Promise<Result<RegistrationAnswer, RegistrationError>> {
  return sql.transaction(async (tx) => {
    const rows = await tx.query(
      `select c.terminal_id, c.expires_at, c.used_at, t.store_id, t.card_block, s.name, s.time_zone
       from registration_codes c join terminals t on t.id = c.terminal_id join stores s on s.id = t.store_id
       where c.code_hash = $1 for update of c`,
      [hashSecret(code)],
    );
    const row = rows[0];
    if (!row) return err('unknown-code' as const);
    if (row['used_at'] !== null) return err('code-used' as const);
    if (new Date(row['expires_at'] as Date).getTime() <= now) return err('code-expired' as const);
    const terminalId = String(row['terminal_id']);
    const secret = newCredentialSecret();
    const exportKey = newCredentialSecret();
    await tx.query('update registration_codes set used_at = $2 where code_hash = $1', [
      hashSecret(code),
      new Date(now),
    ]);
    await tx.query(
      `update terminals set credential_hash = $2, export_key = $3, registered_at = $4, revoked_at = null
       where id = $1`,
      [terminalId, hashSecret(secret), exportKey, new Date(now)],
    );
    return ok({
      terminalId,
      storeId: String(row['store_id']),
      storeName: String(row['name']),
      timeZone: String(row['time_zone']),
      cardBlock: Number(row['card_block']),
      credential: `${terminalId}.${secret}`,
      exportKey,
    });
  });
}

export type AuthError =
  'missing-credential' | 'malformed-credential' | 'unknown-credential' | 'revoked';

/** `Authorization: Bearer <terminalId>.<secret>` → the terminal and its store. */
export async function authenticate(
  sql: Sql,
  header: string | undefined,
): Promise<Result<AuthenticatedTerminal, AuthError>> {
  if (header === undefined || header === '') return err('missing-credential');
  const match = /^Bearer ([A-Za-z0-9_-]{1,36})\.([A-Za-z0-9_-]{43})$/.exec(header);
  if (!match?.[1] || !match[2]) return err('malformed-credential');
  const rows = await sql.query(
    'select store_id, credential_hash, revoked_at from terminals where id = $1',
    [match[1]],
  );
  const row = rows[0];
  const stored = row?.['credential_hash'];
  if (!row || typeof stored !== 'string' || !sameHash(stored, hashSecret(match[2])))
    return err('unknown-credential');
  if (row['revoked_at'] !== null) return err('revoked');
  return ok({ terminalId: match[1], storeId: String(row['store_id']) });
}

/** Ends the terminal's credential, and every unused code issued for it (or they would revive it). */
export async function revokeTerminal(sql: Sql, terminalId: string, now: number): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const rows = await tx.query(
      'update terminals set revoked_at = $2 where id = $1 and revoked_at is null returning id',
      [terminalId, new Date(now)],
    );
    await tx.query(
      `update registration_codes set expires_at = least(expires_at, $2)
       where terminal_id = $1 and used_at is null`,
      [terminalId, new Date(now)],
    );
    return rows.length > 0;
  });
}
