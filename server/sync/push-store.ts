import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { SqlTransaction } from '../db/sql';
import { appendPushChanges } from './change-log';
import type { PushPlan, PushState, StoredMessageOutcome } from './push-plan';
import { StalePushError } from './push-retry';

/**
 * Writes a push plan with a handful of bulk statements whatever the batch's size (json arrays
 * unpacked by the database), in this order:
 *
 * 1. messages, customers, cards, ledger entries, flags. `loaded` is the state the plan was
 *    made from (loadPushState, which locked the batch's customers): a customer or card that
 *    existed then is updated (its customer is locked, nobody else can have changed it); the
 *    others are inserted without `on conflict`, like messages and entries, so a row another
 *    batch inserted since the load fails this batch with a unique violation, and the batch is
 *    planned again (push-retry.ts). Without `loaded` (the demo import, rows nobody else
 *    writes) every customer and card is inserted. Rows are inserted in key order, so two
 *    batches inserting the same keys wait for each other in one direction only, never in a
 *    cycle.
 * 2. in one statement, the change-log lock, then nothing that can wait for another push
 *    (change-log.ts): the re-check of new customers' phones, and the changes.
 */
export type LoadedRows = Pick<PushState, 'customers' | 'cards' | 'phones'>;

export async function writePushPlan(
  tx: SqlTransaction,
  plan: PushPlan,
  loaded?: LoadedRows,
): Promise<void> {
  if (plan.messages.length > 0)
    await tx.query(
      `insert into messages (id, terminal_id, store_id, operation, created_at_ms, status, reason, detail, body)
       select (m->>'id')::uuid, m->>'terminalId', m->>'storeId', m->>'operation',
              (m->>'createdAt')::bigint, o->>'status', o->>'reason', o->>'detail', m
       from jsonb_array_elements($1::jsonb) as x(pair),
            lateral (select pair->'message' as m, pair->'outcome' as o) as parts
       order by 1`,
      [
        JSON.stringify(
          plan.messages.map(({ message, outcome }) => storedMessage(message, outcome)),
        ),
      ],
    );
  const storedCustomer = (id: string): boolean => loaded?.customers.has(id) ?? false;
  const newCustomers = plan.customers.filter((customer) => !storedCustomer(customer.id));
  const changedCustomers = plan.customers.filter((customer) => storedCustomer(customer.id));
  if (newCustomers.length > 0)
    await tx.query(
      `insert into customers (id, phone, profile)
       select (c->>'id')::uuid, c->>'phone', c from jsonb_array_elements($1::jsonb) as x(c)
       order by 1`,
      [JSON.stringify(newCustomers)],
    );
  if (changedCustomers.length > 0)
    await tx.query(
      `update customers set phone = c->>'phone', profile = c
       from jsonb_array_elements($1::jsonb) as x(c) where id = (c->>'id')::uuid`,
      [JSON.stringify(changedCustomers)],
    );
  const storedCard = (number: string): boolean => loaded?.cards.has(number) ?? false;
  const newCards = plan.cards.filter((card) => !storedCard(card.number));
  const changedCards = plan.cards.filter((card) => storedCard(card.number));
  if (newCards.length > 0)
    await tx.query(
      `insert into cards (number, customer_id, record)
       select c->>'number', (c->>'customerId')::uuid, c from jsonb_array_elements($1::jsonb) as x(c)
       order by 1`,
      [JSON.stringify(newCards)],
    );
  // A card's owner never changes (planPush flags a card sent for another customer), so an
  // update only touches the record; its owner is one of the customers this batch locked.
  if (changedCards.length > 0)
    await tx.query(
      `update cards set record = c
       from jsonb_array_elements($1::jsonb) as x(c) where number = c->>'number'`,
      [JSON.stringify(changedCards)],
    );
  if (plan.entries.length > 0)
    await tx.query(
      `insert into ledger_entries
         (id, customer_id, message_id, store_id, terminal_id, kind, points, at_ms, stamp, entry)
       select (e->>'id')::uuid, (e->>'customerId')::uuid, (p->>'messageId')::uuid,
              e->>'storeId', e->>'terminalId', e->>'kind', (e->>'points')::integer,
              (e->>'at')::bigint, e->>'stamp', e
       from jsonb_array_elements($1::jsonb) as x(p), lateral (select p->'entry' as e) as parts
       order by 1`,
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

  if (plan.customers.length + plan.cards.length + plan.entries.length === 0) return;
  const { phoneHolder } = await appendPushChanges(tx, {
    customerIds: plan.customers.map((customer) => customer.id),
    cardNumbers: plan.cards.map((card) => card.number),
    entryIds: plan.entries.map(({ entry }) => entry.id),
    newPhones: loaded ? phonesSeenFree(plan, loaded) : [],
    written: plan.customers.map((customer) => customer.id),
  });
  if (phoneHolder !== null)
    throw new StalePushError(
      `customer ${phoneHolder} was stored meanwhile with a phone enrolled here`,
    );
}

/**
 * The row of `messages`: the message as sent, except that an applied message leaves out its
 * entries, which are stored once, as the rows of ledger_entries with its message_id (JSON
 * drops an undefined field). A rejected message keeps them: they are stored nowhere else.
 */
function storedMessage(
  message: OutboxMessage,
  outcome: StoredMessageOutcome,
): { readonly message: unknown; readonly outcome: StoredMessageOutcome } {
  return {
    message: outcome.status === 'applied' ? { ...message, entries: undefined } : message,
    outcome,
  };
}

/**
 * planPush flags a new customer whose phone another customer has; no lock covers a phone, so
 * a batch enrolling the same phone in parallel was invisible to the load. Under the
 * change-log lock every batch that took it before us has committed (change-log.ts), so of
 * two such batches the second sees the first there: a customer holding one of these phones
 * whom this batch did not write means the plan may have missed a flag, and the batch is
 * planned again. (The phones the load saw taken were flagged already.)
 */
function phonesSeenFree(plan: PushPlan, loaded: LoadedRows): string[] {
  return plan.customers
    .filter((customer) => !loaded.customers.has(customer.id) && !loaded.phones.has(customer.phone))
    .map((customer) => customer.phone);
}
