import { isDeepStrictEqual } from 'node:util';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { ledgerEntrySchema } from '../../shared/ledger/ledger-entry';
import type { Sql } from '../../server/db/sql';
import type { PageInspection } from './page/page-api';

/**
 * After the bootstrap: the terminal holds what the server holds. Counts of every table, the
 * checkpoint and the pull cursor at the snapshot's `asOf`, and for some customers (random
 * ones, the longest ledgers, the first and the last by id) the cached balance equal to the
 * fold of the server's ledger (shared/ledger/fold-ledger.ts), with as many entries and cards.
 */
export type ServerCounts = {
  readonly customers: number;
  readonly cards: number;
  readonly ledger: number;
  readonly maxSeq: number;
};

export type Verification = {
  readonly server: ServerCounts;
  readonly terminal: PageInspection['counts'];
  readonly countsMatch: boolean;
  /** bootstrap done, `loaded` = customers, cursor = asOf = the change log's end. */
  readonly checkpointOk: boolean;
  readonly spotChecked: number;
  readonly spotMismatches: readonly string[];
  readonly ok: boolean;
};

export async function serverCounts(sql: Sql): Promise<ServerCounts> {
  const [row] = await sql.query(
    `select (select count(*) from customers)::int as customers,
            (select count(*) from cards)::int as cards,
            (select count(*) from ledger_entries)::int as ledger,
            (select coalesce(max(seq), 0) from changes)::bigint::text as max_seq`,
  );
  return {
    customers: Number(row?.['customers']),
    cards: Number(row?.['cards']),
    ledger: Number(row?.['ledger']),
    maxSeq: Number(row?.['max_seq']),
  };
}

/** Customers to spot-check: `random` random ones, the 3 longest ledgers, the first and last. */
export async function spotCheckIds(sql: Sql, random: number): Promise<string[]> {
  const ids = [
    ...(await sql.query('select id::text as id from customers order by random() limit $1', [
      random,
    ])),
    ...(await sql.query(
      `select customer_id::text as id from ledger_entries
       group by customer_id order by count(*) desc, customer_id limit 3`,
    )),
    ...(await sql.query('select id::text as id from customers order by id limit 1')),
    ...(await sql.query('select id::text as id from customers order by id desc limit 1')),
  ].map((row) => String(row['id']));
  return [...new Set(ids)];
}

export async function verify(
  sql: Sql,
  inspection: PageInspection,
  server: ServerCounts,
): Promise<Verification> {
  const terminal = inspection.counts;
  const countsMatch =
    terminal.customers === server.customers &&
    terminal.balances === server.customers &&
    terminal.cards === server.cards &&
    terminal.ledger === server.ledger;
  const state = inspection.bootstrapState as { done?: unknown; loaded?: unknown; asOf?: unknown };
  const cursor = (inspection.cursor as { cursor?: unknown } | null)?.cursor;
  const checkpointOk =
    state.done === true &&
    state.loaded === server.customers &&
    state.asOf === server.maxSeq &&
    cursor === server.maxSeq;
  const mismatches: string[] = [];
  for (const customer of inspection.customers) {
    const rows = await sql.query(
      'select id::text as id, entry from ledger_entries where customer_id = $1',
      [customer.id],
    );
    const entries = rows.map((row) => ledgerEntrySchema.parse(row['entry']));
    const [cards] = await sql.query('select count(*)::int as n from cards where customer_id = $1', [
      customer.id,
    ]);
    const expected = plain(foldLedger(entries));
    const same =
      customer.stored &&
      customer.ledgerRows === entries.length &&
      customer.cardRows === Number(cards?.['n']) &&
      isDeepStrictEqual(plain(customer.fold), expected);
    if (!same) mismatches.push(customer.id);
  }
  return {
    server,
    terminal,
    countsMatch,
    checkpointOk,
    spotChecked: inspection.customers.length,
    spotMismatches: mismatches,
    ok: countsMatch && checkpointOk && mismatches.length === 0 && inspection.customers.length > 0,
  };
}

/** The value as JSON would carry it (drops undefined fields), for a structural comparison. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}
