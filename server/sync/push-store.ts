import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { Program } from '../../shared/program/program-schema';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { REJECTION_REASONS } from '../../shared/sync/protocol';
import type { RejectionReason } from '../../shared/sync/protocol';
import type { SqlTransaction } from '../db/sql';
import type { PushPlan, PushState, StoredMessageOutcome } from './push-plan';
import { storedCard, storedEntry, storedProfile } from './stored-rows';

/**
 * Reads what a push batch needs to be planned, and writes the plan: a few bulk statements
 * per batch whatever its size (json arrays unpacked by the database), not one per row.
 */
export async function loadPushState(
  tx: SqlTransaction,
  batch: readonly OutboxMessage[],
  programOf: (version: number) => Promise<Program | null>,
  receivedAt: number,
): Promise<PushState> {
  const entries = batch.flatMap((message) => message.entries);
  const customerIds = unique([
    ...batch.flatMap((message) => message.customers.map((customer) => customer.id)),
    ...batch.flatMap((message) => message.cards.map((card) => card.customerId)),
    ...entries.map((entry) => entry.customerId),
  ]);
  const phones = unique(batch.flatMap((message) => message.customers.map((c) => c.phone)));
  const debited = unique(entries.filter((entry) => entry.points < 0).map((e) => e.customerId));

  const [messageRows, customerRows, phoneRows, cardRows, entryRows, ledgerRows] = [
    await tx.query(
      'select id::text, status, reason, detail from messages where id = any($1::uuid[])',
      [batch.map((message) => message.id)],
    ),
    await tx.query('select id::text, profile from customers where id = any($1::uuid[])', [
      customerIds,
    ]),
    await tx.query('select id::text, phone from customers where phone = any($1::text[])', [phones]),
    await tx.query('select number, record from cards where number = any($1::text[])', [
      unique(batch.flatMap((message) => message.cards.map((card) => card.number))),
    ]),
    await tx.query('select id::text from ledger_entries where id = any($1::uuid[])', [
      entries.map((entry) => entry.id),
    ]),
    await tx.query(
      'select id::text, customer_id::text, entry from ledger_entries where customer_id = any($1::uuid[])',
      [debited],
    ),
  ];

  const ledgers = new Map<string, LedgerEntry[]>();
  for (const row of ledgerRows) {
    const entry = storedEntry(String(row['id']), row['entry']);
    ledgers.set(entry.customerId, [...(ledgers.get(entry.customerId) ?? []), entry]);
  }
  const programs = new Map<number, Program>();
  for (const version of unique(entries.map((entry) => entry.programVersion))) {
    const program = await programOf(version);
    if (program) programs.set(version, program);
  }
  return {
    messages: new Map(messageRows.map((row) => [String(row['id']), storedOutcome(row)])),
    customers: new Map<string, CustomerProfile>(
      customerRows.map((row) => [
        String(row['id']),
        storedProfile(String(row['id']), row['profile']),
      ]),
    ),
    phones: new Map(phoneRows.map((row) => [String(row['phone']), String(row['id'])])),
    cards: new Map<string, CardRecord>(
      cardRows.map((row) => [
        String(row['number']),
        storedCard(String(row['number']), row['record']),
      ]),
    ),
    entryIds: new Set(entryRows.map((row) => String(row['id']))),
    ledgers,
    programs,
    receivedAt,
  };
}

function storedOutcome(row: Record<string, unknown>): StoredMessageOutcome {
  if (row['status'] === 'applied') return { status: 'applied' };
  const reason = row['reason'];
  if (!isRejectionReason(reason))
    throw new Error(`Stored message ${String(row['id'])} has an unknown rejection reason`);
  return {
    status: 'rejected',
    reason,
    detail: typeof row['detail'] === 'string' ? row['detail'] : '',
  };
}

function isRejectionReason(value: unknown): value is RejectionReason {
  return (REJECTION_REASONS as readonly unknown[]).includes(value);
}

/** Writes the plan; the caller holds the change-log lock in the same transaction. */
export async function writePushPlan(tx: SqlTransaction, plan: PushPlan): Promise<void> {
  if (plan.messages.length > 0)
    await tx.query(
      `insert into messages (id, terminal_id, store_id, operation, created_at_ms, status, reason, detail, body)
       select (m->>'id')::uuid, m->>'terminalId', m->>'storeId', m->>'operation',
              (m->>'createdAt')::bigint, o->>'status', o->>'reason', o->>'detail', m
       from jsonb_array_elements($1::jsonb) as x(pair),
            lateral (select pair->'message' as m, pair->'outcome' as o) as parts`,
      [JSON.stringify(plan.messages)],
    );
  if (plan.customers.length > 0)
    await tx.query(
      `insert into customers (id, phone, profile)
       select (c->>'id')::uuid, c->>'phone', c from jsonb_array_elements($1::jsonb) as x(c)
       on conflict (id) do update set phone = excluded.phone, profile = excluded.profile`,
      [JSON.stringify(plan.customers)],
    );
  if (plan.cards.length > 0)
    await tx.query(
      `insert into cards (number, customer_id, record)
       select c->>'number', (c->>'customerId')::uuid, c from jsonb_array_elements($1::jsonb) as x(c)
       on conflict (number) do update set record = excluded.record`,
      [JSON.stringify(plan.cards)],
    );
  if (plan.entries.length > 0)
    await tx.query(
      `insert into ledger_entries
         (id, customer_id, message_id, store_id, terminal_id, kind, points, at_ms, stamp, entry)
       select (e->>'id')::uuid, (e->>'customerId')::uuid, (p->>'messageId')::uuid,
              e->>'storeId', e->>'terminalId', e->>'kind', (e->>'points')::integer,
              (e->>'at')::bigint, e->>'stamp', e
       from jsonb_array_elements($1::jsonb) as x(p), lateral (select p->'entry' as e) as parts`,
      [JSON.stringify(plan.entries)],
    );
  if (plan.flags.length > 0)
    await tx.query(
      `insert into flags (kind, message_id, customer_id, store_id, detail)
       select f->>'kind', (f->>'messageId')::uuid, (f->>'customerId')::uuid,
              (select store_id from messages where id = (f->>'messageId')::uuid), f->'detail'
       from jsonb_array_elements($1::jsonb) as x(f)`,
      [JSON.stringify(plan.flags)],
    );
  // The change log, in the order terminals should apply it: profiles, cards, then entries.
  const changes = [
    ...plan.customers.map((customer) => ({ kind: 'customer', payload: customer })),
    ...plan.cards.map((card) => ({ kind: 'card', payload: card })),
    ...plan.entries.map(({ entry }) => ({ kind: 'entry', payload: entry })),
  ];
  if (changes.length > 0)
    await tx.query(
      `insert into changes (kind, payload)
       select c->>'kind', c->'payload' from jsonb_array_elements($1::jsonb) with ordinality as x(c, n)
       order by n`,
      [JSON.stringify(changes)],
    );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
