-- The central server's first schema: the chain (stores, terminals), the authoritative
-- loyalty data (customers, cards, ledger), what terminals sent (messages), the change log
-- terminals pull from, and the flags listed for reconciliation.

create table stores (
  id text primary key,
  name text not null,
  time_zone text not null,
  created_at timestamptz not null default now()
);

create table terminals (
  id text primary key,
  store_id text not null references stores (id),
  -- The terminal's block of card numbers: unique, so two terminals never issue one number.
  card_block integer not null unique check (card_block between 1 and 999),
  -- SHA-256 of the credential (a 256-bit random secret); null until registered.
  credential_hash text,
  registered_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);

create table registration_codes (
  -- SHA-256 of the one-time code; the code itself is shown once, to the manager.
  code_hash text primary key,
  terminal_id text not null references terminals (id),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table programs (
  version integer primary key,
  body jsonb not null,
  published_at timestamptz not null default now()
);

create table customers (
  id uuid primary key,
  phone text not null,
  profile jsonb not null
);
create index customers_phone on customers (phone);

create table cards (
  number text primary key,
  customer_id uuid not null references customers (id),
  record jsonb not null
);
create index cards_customer on cards (customer_id);

-- Every message a terminal pushed, applied or rejected: its id makes it count at most once.
create table messages (
  id uuid primary key,
  terminal_id text not null references terminals (id),
  store_id text not null references stores (id),
  operation text not null,
  created_at_ms bigint not null,
  received_at timestamptz not null default now(),
  status text not null check (status in ('applied', 'rejected')),
  reason text,
  detail text,
  body jsonb not null,
  check ((status = 'rejected') = (reason is not null))
);
create index messages_store_received on messages (store_id, received_at);

-- The authoritative ledger: one row per entry, whatever message brought it.
create table ledger_entries (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  message_id uuid not null references messages (id),
  store_id text not null references stores (id),
  terminal_id text not null references terminals (id),
  kind text not null,
  points integer not null,
  at_ms bigint not null,
  -- Stamps compare by code unit (see hybrid-logical-clock.ts), hence the C collation.
  stamp text collate "C" not null,
  entry jsonb not null
);
create index ledger_entries_customer on ledger_entries (customer_id);
create index ledger_entries_store_at on ledger_entries (store_id, at_ms);

-- The change log terminals pull from. Writers hold one advisory lock from their first
-- change to their commit (see change-log.ts), so a seq is visible only after every smaller
-- one is: a pull never skips a change that commits late.
create table changes (
  seq bigserial primary key,
  kind text not null check (kind in ('entry', 'customer', 'card', 'program')),
  payload jsonb not null
);

-- What the server noticed and a manager reconciles: overdrafts, mismatches, conflicts.
create table flags (
  id bigserial primary key,
  kind text not null,
  message_id uuid references messages (id),
  customer_id uuid,
  store_id text references stores (id),
  detail jsonb not null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index flags_open on flags (kind, created_at) where resolved_at is null;
