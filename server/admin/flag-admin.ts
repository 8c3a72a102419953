import { z } from 'zod';
import { isUuidV7 } from '../../shared/ids/uuidv7';
import type { FlagKind } from '../../shared/sync/protocol';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Sql } from '../db/sql';
import { dbInstant, dbInteger, dbOptionalInstant, dbOptionalText, dbText } from './db-values';
import { formatLocalDateTime } from './local-time-text';

/**
 * Flags: what the server noticed while applying pushes (push-plan.ts) and a manager
 * reconciles. A flag is never deleted; resolving it sets resolved_at, so `--all` still
 * shows what was reconciled and when.
 */
export type FlagRow = {
  readonly id: number;
  /** Text in the table, so a kind added later is listed too, not refused. */
  readonly kind: string;
  /** The store of the message that raised the flag (null if that message is unknown). */
  readonly storeId: string | null;
  /** The store's time zone, or UTC when the flag has no store. */
  readonly timeZone: string;
  readonly customerId: string | null;
  readonly messageId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdAtMs: number;
  readonly resolvedAtMs: number | null;
};

export type FlagFilter = {
  readonly kind: FlagKind | null;
  readonly storeId: string | null;
  readonly includeResolved: boolean;
};

const detailSchema = z.record(z.string(), z.unknown());

/** Flags, oldest first (the order they were raised). */
export async function listFlags(sql: Sql, filter: FlagFilter): Promise<readonly FlagRow[]> {
  const rows = await sql.query(
    `select f.id, f.kind, f.store_id, coalesce(s.time_zone, 'UTC') as time_zone,
            f.customer_id::text as customer_id, f.message_id::text as message_id, f.detail,
            f.created_at, f.resolved_at
     from flags f left join stores s on s.id = f.store_id
     where ($1::text is null or f.kind = $1::text)
       and ($2::text is null or f.store_id = $2::text)
       and ($3::boolean or f.resolved_at is null)
     order by f.created_at, f.id`,
    [filter.kind, filter.storeId, filter.includeResolved],
  );
  return rows.map((row) => ({
    id: dbInteger(row['id'], 'flags.id'),
    kind: dbText(row['kind'], 'flags.kind'),
    storeId: dbOptionalText(row['store_id'], 'flags.store_id'),
    timeZone: dbText(row['time_zone'], 'stores.time_zone'),
    customerId: dbOptionalText(row['customer_id'], 'flags.customer_id'),
    messageId: dbOptionalText(row['message_id'], 'flags.message_id'),
    detail: detailSchema.parse(row['detail']),
    createdAtMs: dbInstant(row['created_at'], 'flags.created_at'),
    resolvedAtMs: dbOptionalInstant(row['resolved_at'], 'flags.resolved_at'),
  }));
}

/** The ledger entry an overdraft flag names, as the server stored it. */
export type OverdrawingEntry = {
  readonly storeId: string;
  readonly terminalId: string;
  readonly kind: string;
  readonly points: number;
  readonly atMs: number;
  /** The entry's store's time zone, for showing `atMs`. */
  readonly timeZone: string;
};

export type OverdraftRow = {
  readonly flag: FlagRow;
  /** detail.entryId: the debit that found too few points (null if the detail lacks it). */
  readonly entryId: string | null;
  /** detail.points: how many points that debit could not cover. */
  readonly pointsOverdrawn: number | null;
  /**
   * The entry itself. Its store may differ from the flag's: when two stores spend the same
   * points, the store whose message arrives LATER raises the flag, while the entry that
   * overdraws is the one stamped later — possibly the other store's.
   */
  readonly entry: OverdrawingEntry | null;
};

const overdraftDetailSchema = z.object({ entryId: z.string(), points: z.int() });

export async function listOverdrafts(
  sql: Sql,
  options: { readonly includeResolved: boolean },
): Promise<readonly OverdraftRow[]> {
  const flags = await listFlags(sql, {
    kind: 'overdraft',
    storeId: null,
    includeResolved: options.includeResolved,
  });
  const details = flags.map((flag) => overdraftDetailSchema.safeParse(flag.detail).data ?? null);
  // Only well-formed ids go to the uuid cast: one odd detail must not fail the whole list.
  const entryIds = details.flatMap((detail) =>
    detail && isUuidV7(detail.entryId) ? [detail.entryId] : [],
  );
  const entries = new Map<string, OverdrawingEntry>();
  if (entryIds.length > 0) {
    const rows = await sql.query(
      `select e.id::text as id, e.store_id, e.terminal_id, e.kind, e.points, e.at_ms, s.time_zone
       from ledger_entries e join stores s on s.id = e.store_id where e.id = any($1::uuid[])`,
      [entryIds],
    );
    for (const row of rows)
      entries.set(dbText(row['id'], 'ledger_entries.id'), {
        storeId: dbText(row['store_id'], 'ledger_entries.store_id'),
        terminalId: dbText(row['terminal_id'], 'ledger_entries.terminal_id'),
        kind: dbText(row['kind'], 'ledger_entries.kind'),
        points: dbInteger(row['points'], 'ledger_entries.points'),
        atMs: dbInteger(row['at_ms'], 'ledger_entries.at_ms'),
        timeZone: dbText(row['time_zone'], 'stores.time_zone'),
      });
  }
  return flags.map((flag, i) => {
    const detail = details[i] ?? null;
    return {
      flag,
      entryId: detail?.entryId ?? null,
      pointsOverdrawn: detail?.points ?? null,
      entry: detail ? (entries.get(detail.entryId) ?? null) : null,
    };
  });
}

export type ResolvedFlag = {
  readonly id: number;
  readonly kind: string;
  readonly resolvedAtMs: number;
  readonly timeZone: string;
};

/** Marks a flag reconciled. A flag is resolved once; resolving it again is an error. */
export async function resolveFlag(
  sql: Sql,
  flagId: number,
  now: number,
): Promise<Result<ResolvedFlag, string>> {
  const updated = await sql.query(
    `update flags f set resolved_at = $2 where f.id = $1 and f.resolved_at is null
     returning f.kind, (select s.time_zone from stores s where s.id = f.store_id) as time_zone`,
    [flagId, new Date(now)],
  );
  const row = updated[0];
  if (row)
    return ok({
      id: flagId,
      kind: dbText(row['kind'], 'flags.kind'),
      resolvedAtMs: now,
      timeZone: dbOptionalText(row['time_zone'], 'stores.time_zone') ?? 'UTC',
    });
  const existing = await sql.query(
    `select f.resolved_at, coalesce(s.time_zone, 'UTC') as time_zone
     from flags f left join stores s on s.id = f.store_id where f.id = $1`,
    [flagId],
  );
  const found = existing[0];
  if (!found) return err(`flag ${String(flagId)} does not exist (see list-flags --all)`);
  const resolvedAt = dbInstant(found['resolved_at'], 'flags.resolved_at');
  const zone = dbText(found['time_zone'], 'stores.time_zone');
  return err(
    `flag ${String(flagId)} was resolved already, at ${formatLocalDateTime(resolvedAt, zone)} ${zone}`,
  );
}
