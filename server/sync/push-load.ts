import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { Program } from '../../shared/program/program-schema';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { REJECTION_REASONS } from '../../shared/sync/protocol';
import type { RejectionReason } from '../../shared/sync/protocol';
import type { SqlTransaction } from '../db/sql';
import type { PushState, StoredMessageOutcome } from './push-plan';
import { storedCard, storedEntry, storedProfile } from './stored-rows';

/**
 * Reads what a push batch needs to be planned: a few bulk statements per batch whatever its
 * size, not one per row. (The plan is written by push-store.ts.)
 *
 * Concurrent batches run in parallel; what keeps them from undoing each other:
 * - the customers the batch touches (its profiles, the owners of its cards, the customers of
 *   its entries) are locked FIRST, in one statement in id order (so two batches never wait
 *   for each other in a cycle), and held to the commit. Their profiles, their cards and their
 *   ledgers are read after the locks are granted, so a batch touching a customer another
 *   batch is writing waits for that batch's commit and then plans from what it wrote: no
 *   profile field merge is lost and no overdraft is missed. Batches touching other customers
 *   do not wait. (NO KEY UPDATE: it excludes other pushes but not the foreign-key checks
 *   of rows that merely reference the customer. "Every read after" holds because a push
 *   runs at READ COMMITTED, PostgreSQL's default: each statement reads a new snapshot.)
 * - what the locks cannot cover (rows that do not exist yet: message ids, entry ids, new
 *   customers and cards, a new customer's phone) is re-checked when written, and a batch
 *   that lost a race is planned again (push-store.ts, push-retry.ts).
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

  const messageIds = batch.map((message) => message.id);
  const cardNumbers = unique(batch.flatMap((message) => message.cards.map((card) => card.number)));
  const entryIds = entries.map((entry) => entry.id);

  // The lock comes first: every read after it sees what the batches it waited for committed.
  const customerRows = await select(
    tx,
    `select id::text, profile from customers where id = any($1::uuid[])
     order by id for no key update`,
    customerIds,
  );
  const messageRows = await select(
    tx,
    'select id::text, status, reason, detail from messages where id = any($1::uuid[])',
    messageIds,
  );
  const phoneRows = await select(
    tx,
    'select id::text, phone from customers where phone = any($1::text[])',
    phones,
  );
  const cardRows = await select(
    tx,
    'select number, record from cards where number = any($1::text[])',
    cardNumbers,
  );
  const entryRows = await select(
    tx,
    'select id::text from ledger_entries where id = any($1::uuid[])',
    entryIds,
  );
  const ledgerRows = await select(
    tx,
    'select id::text, customer_id::text, entry from ledger_entries where customer_id = any($1::uuid[])',
    debited,
  );

  const customers = new Map<string, CustomerProfile>(
    customerRows.map((row) => [
      String(row['id']),
      storedProfile(String(row['id']), row['profile']),
    ]),
  );
  const messages = new Map(messageRows.map((row) => [String(row['id']), storedOutcome(row)]));
  const phoneOwners = new Map(phoneRows.map((row) => [String(row['phone']), String(row['id'])]));
  const cards = new Map<string, CardRecord>(
    cardRows.map((row) => [
      String(row['number']),
      storedCard(String(row['number']), row['record']),
    ]),
  );
  const storedEntryIds = new Set(entryRows.map((row) => String(row['id'])));
  const ledgers = new Map<string, LedgerEntry[]>();
  for (const row of ledgerRows) {
    const entry = storedEntry(String(row['id']), row['entry']);
    const ledger = ledgers.get(entry.customerId);
    if (ledger) ledger.push(entry);
    else ledgers.set(entry.customerId, [entry]);
  }
  const programs = new Map<number, Program>();
  for (const version of unique(entries.map((entry) => entry.programVersion))) {
    const program = await programOf(version);
    if (program) programs.set(version, program);
  }
  return {
    messages,
    customers,
    phones: phoneOwners,
    cards,
    entryIds: storedEntryIds,
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

/** The rows with one of `keys` (no statement for no keys). */
async function select(
  tx: SqlTransaction,
  text: string,
  keys: readonly string[],
): Promise<readonly Record<string, unknown>[]> {
  return keys.length === 0 ? [] : tx.query(text, [keys]);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
