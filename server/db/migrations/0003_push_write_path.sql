-- The push's write path (server/sync/push-store.ts), lighter by what it checked twice.
--
-- Foreign keys dropped: each checked, for every row a push writes, a fact the push already
-- guarantees, at 55–70 % of the cost of those inserts.
-- - messages.terminal_id, messages.store_id: a push is authenticated as a terminal (a row of
--   terminals, whose store_id references stores), and the sync API refuses a message whose
--   terminal or store is not that terminal's (sync-api.ts; the outbox import checks its file
--   the same way, import-outbox.ts). Terminals and stores are never deleted (a terminal is
--   revoked).
-- - ledger_entries.store_id, ledger_entries.terminal_id: the same check, for every entry of
--   every message.
-- - ledger_entries.message_id: an entry is written only together with its message's row, by
--   the same writer in the same transaction (push-store.ts; the demo import writes its
--   message row too), and messages are never deleted.
-- Kept: ledger_entries.customer_id and cards.customer_id (that the customer exists is what
-- the push checks from data, not from who sent it), and the keys of flags, terminals and
-- registration codes (written rarely).
alter table messages drop constraint messages_terminal_id_fkey;
alter table messages drop constraint messages_store_id_fkey;
alter table ledger_entries drop constraint ledger_entries_message_id_fkey;
alter table ledger_entries drop constraint ledger_entries_store_id_fkey;
alter table ledger_entries drop constraint ledger_entries_terminal_id_fkey;

comment on column messages.body is
  'The message as the terminal sent it. From migration 3 on, an applied message leaves out its '
  'entries: they are the rows of ledger_entries with its message_id. A rejected message keeps '
  'them (they are stored nowhere else); rows stored before migration 3 keep them too.';

-- A push's changes, appended under the change-log lock in ONE round trip: the lock is held
-- from here to the commit (see server/sync/change-log.ts), and every round trip through the
-- server's busy event loop while holding it would keep all other pushes waiting.
-- First it checks that no customer outside `written` holds one of `new_phones` (a new
-- customer's phone the push saw free, see push-store.ts): such a customer's id is returned
-- and nothing is appended, the push is planned again. Otherwise the changes of the rows
-- written are appended, their payloads copied from the rows (looked up one by one by key: a
-- join could make the planner scan a whole table), profiles, cards then entries, each list
-- in its order; and null is returned. A volatile function reads each statement with a new
-- snapshot, so both statements see every writer that held the lock before.
create function append_push_changes(
  lock_key bigint,
  customer_ids uuid[],
  card_numbers text[],
  entry_ids uuid[],
  new_phones text[],
  written uuid[]
) returns uuid
language plpgsql volatile as $$
declare
  other uuid;
begin
  perform pg_advisory_xact_lock(lock_key);
  select c.id into other from customers c
  where c.phone = any(new_phones) and c.id <> all(written)
  limit 1;
  if other is not null then
    return other;
  end if;
  insert into changes (kind, payload)
  select parts.kind, parts.payload from (
    select 1 as part, u.n, 'customer' as kind,
           (select c.profile from customers c where c.id = u.id) as payload
    from unnest(customer_ids) with ordinality as u(id, n)
    union all
    select 2, u.n, 'card', (select k.record from cards k where k.number = u.number)
    from unnest(card_numbers) with ordinality as u(number, n)
    union all
    select 3, u.n, 'entry', (select e.entry from ledger_entries e where e.id = u.id)
    from unnest(entry_ids) with ordinality as u(id, n)
  ) as parts
  order by parts.part, parts.n;
  return null;
end
$$;
