import { maximumAccrual } from '../../shared/checkout/accrual-bound';
import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { overdrawnRedemptions } from '../../shared/ledger/overdrawn-redemptions';
import { parseHlcStamp } from '../../shared/ids/hybrid-logical-clock';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { Program } from '../../shared/program/program-schema';
import { mergeCards, mergeProfiles } from '../../shared/sync/merge-records';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { FlagKind, PushResult, RejectionReason } from '../../shared/sync/protocol';

/**
 * What a push batch does, decided in memory from what the database holds (PushState) before
 * anything is written: a pure function, so every rule is tested without a database, and the
 * store then writes the whole plan with a handful of bulk statements.
 *
 * Rules, per message in the order sent:
 * - a message id seen before is answered as it was the first time (applied → duplicate,
 *   rejected → the same rejection) and changes nothing;
 * - profiles merge per field by stamp, cards by state then stamp (merge-records.ts);
 * - a ledger entry for a customer nobody enrolled, or an entry id another message already
 *   used, rejects the whole message (nothing of it is applied) — the messages behind it go on;
 * - applied facts that look wrong are flagged, not refused: an accrual above the program's
 *   maximum, a program version the server never published, a redemption that overdraws, a
 *   card number issued to a second customer, a phone enrolled twice.
 */
export type PushState = {
  readonly messages: ReadonlyMap<string, StoredMessageOutcome>;
  readonly customers: ReadonlyMap<string, CustomerProfile>;
  readonly cards: ReadonlyMap<string, CardRecord>;
  /** Customer ids by phone, for customers not in `customers` too. */
  readonly phones: ReadonlyMap<string, string>;
  readonly entryIds: ReadonlySet<string>;
  /** The stored ledgers of the customers this batch debits (for the overdraft check). */
  readonly ledgers: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly programs: ReadonlyMap<number, Program>;
  /** The server's clock when the batch arrived: stamps far beyond it are refused. */
  readonly receivedAt: number;
};

/**
 * How far ahead of the server's clock a stamp may be. Terminal clocks drift, and a day either
 * way is normal; a stamp days ahead would win every later per-field merge, so it is refused.
 */
export const MAX_STAMP_AHEAD_MS = 2 * 24 * 60 * 60 * 1000;

export type StoredMessageOutcome =
  | { readonly status: 'applied' }
  | { readonly status: 'rejected'; readonly reason: RejectionReason; readonly detail: string };

export type PlannedFlag = {
  readonly kind: FlagKind;
  readonly messageId: string;
  readonly customerId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
};

export type PushPlan = {
  readonly results: readonly PushResult[];
  /** New message rows (applied and rejected), in order. */
  readonly messages: readonly {
    readonly message: OutboxMessage;
    readonly outcome: StoredMessageOutcome;
  }[];
  /** Final state of every customer and card the batch changed (insert or update). */
  readonly customers: readonly CustomerProfile[];
  readonly cards: readonly CardRecord[];
  readonly entries: readonly { readonly entry: LedgerEntry; readonly messageId: string }[];
  readonly flags: readonly PlannedFlag[];
};

const DEBIT_KINDS: ReadonlySet<LedgerEntry['kind']> = new Set([
  'redemption',
  'refund-reversal',
  'expiry',
  'adjustment',
]);

export function planPush(state: PushState, batch: readonly OutboxMessage[]): PushPlan {
  const seen = new Map(state.messages);
  const customers = new Map(state.customers);
  const cards = new Map(state.cards);
  const phones = new Map(state.phones);
  const entryIds = new Set(state.entryIds);
  const ledgers = new Map(state.ledgers);
  const changedCustomers = new Set<string>();
  const changedCards = new Set<string>();
  const plan = {
    results: [] as PushResult[],
    messages: [] as { message: OutboxMessage; outcome: StoredMessageOutcome }[],
    entries: [] as { entry: LedgerEntry; messageId: string }[],
    flags: [] as PlannedFlag[],
  };

  for (const message of batch) {
    const before = seen.get(message.id);
    if (before) {
      plan.results.push(
        before.status === 'applied'
          ? { id: message.id, status: 'duplicate' }
          : { id: message.id, status: 'rejected', reason: before.reason, detail: before.detail },
      );
      continue;
    }
    const rejection = findRejection(message, customers, entryIds, state.receivedAt);
    if (rejection) {
      seen.set(message.id, rejection);
      plan.messages.push({ message, outcome: rejection });
      plan.results.push({
        id: message.id,
        status: 'rejected',
        reason: rejection.reason,
        detail: rejection.detail,
      });
      continue;
    }

    const flags: PlannedFlag[] = [];
    const flag = (
      kind: FlagKind,
      customerId: string | null,
      detail: Record<string, unknown>,
    ): void => {
      flags.push({ kind, messageId: message.id, customerId, detail });
    };

    for (const incoming of message.customers) {
      const current = customers.get(incoming.id);
      const merged = current ? mergeProfiles(current, incoming) : incoming;
      if (!current) {
        const other = phones.get(incoming.phone);
        if (other !== undefined && other !== incoming.id)
          flag('duplicate-phone', incoming.id, { phone: incoming.phone, otherCustomerId: other });
      }
      if (!current || !sameJson(current, merged)) {
        customers.set(merged.id, merged);
        phones.set(merged.phone, merged.id);
        changedCustomers.add(merged.id);
      }
    }

    for (const incoming of message.cards) {
      const current = cards.get(incoming.number);
      if (current && current.customerId !== incoming.customerId) {
        flag('card-conflict', incoming.customerId, {
          card: incoming.number,
          ownerCustomerId: current.customerId,
        });
        continue;
      }
      const merged = current ? mergeCards(current, incoming) : incoming;
      if (!current || !sameJson(current, merged)) {
        cards.set(merged.number, merged);
        changedCards.add(merged.number);
      }
    }

    const debited = new Set<string>();
    const ownIds = new Set(message.entries.map((entry) => entry.id));
    for (const entry of message.entries) {
      entryIds.add(entry.id);
      plan.entries.push({ entry, messageId: message.id });
      ledgers.set(entry.customerId, [...(ledgers.get(entry.customerId) ?? []), entry]);
      if (DEBIT_KINDS.has(entry.kind) && entry.points < 0) debited.add(entry.customerId);
      if (entry.kind === 'accrual') {
        const program = state.programs.get(entry.programVersion);
        if (!program) {
          flag('unknown-program-version', entry.customerId, {
            entryId: entry.id,
            programVersion: entry.programVersion,
          });
        } else {
          const maximum = maximumAccrual(program, entry.spendMinor);
          if (entry.points > maximum)
            flag('accrual-above-program', entry.customerId, {
              entryId: entry.id,
              points: entry.points,
              maximum,
              spendMinor: entry.spendMinor,
            });
        }
      }
    }

    // An overdraft: a redemption that spent more than was available just before it, in
    // stamp order (overdrawn-redemptions.ts). A late-arriving earlier redemption can make a
    // later one, already stored, overdrawn: every overdraft this message brings about is
    // flagged, whoever's entry it is. Entries the fold itself had to bound are flagged too.
    // The ledger without this message's entries is folded only when the ledger with them
    // shows an overdraft at all (rare), to tell new ones from old.
    const program = latestOf(state.programs);
    for (const customerId of debited) {
      const after = ledgers.get(customerId) ?? [];
      const overdraftsIn = (entries: readonly LedgerEntry[]) => [
        ...(program ? overdrawnRedemptions(entries, program) : []),
        ...overdrafts(entries).map((a) => ({ entryId: a.entryId, shortBy: a.points })),
      ];
      const found = overdraftsIn(after);
      if (found.length === 0) continue;
      const known = new Set(
        overdraftsIn(after.filter((entry) => !ownIds.has(entry.id))).map((o) => o.entryId),
      );
      const first = found.find((o) => !known.has(o.entryId));
      if (first) flag('overdraft', customerId, { entryId: first.entryId, points: first.shortBy });
    }

    const outcome = { status: 'applied' } as const;
    seen.set(message.id, outcome);
    plan.messages.push({ message, outcome });
    plan.flags.push(...flags);
    plan.results.push({
      id: message.id,
      status: 'applied',
      flags: [...new Set(flags.map((f) => f.kind))],
    });
  }

  return {
    ...plan,
    customers: [...changedCustomers].map((id) => customers.get(id)).filter(isDefined),
    cards: [...changedCards].map((number) => cards.get(number)).filter(isDefined),
  };
}

function findRejection(
  message: OutboxMessage,
  customers: ReadonlyMap<string, CustomerProfile>,
  entryIds: ReadonlySet<string>,
  receivedAt: number,
): Extract<StoredMessageOutcome, { status: 'rejected' }> | null {
  const stamps = [
    ...message.entries.map((entry) => entry.stamp),
    ...message.cards.map((card) => card.stamp),
    ...message.customers.flatMap((customer) => Object.values(customer.fieldStamps)),
  ];
  for (const stamp of stamps) {
    const parts = parseHlcStamp(stamp);
    if (parts.ok && parts.value.physicalMs > receivedAt + MAX_STAMP_AHEAD_MS)
      return rejected(
        'stamp-in-future',
        `stamp ${stamp} is more than 2 days ahead of the server's clock (the terminal's clock is wrong)`,
      );
  }
  const known = (id: string): boolean =>
    customers.has(id) || message.customers.some((customer) => customer.id === id);
  for (const entry of message.entries) {
    if (!known(entry.customerId))
      return rejected(
        'unknown-customer',
        `entry ${entry.id} is for customer ${entry.customerId}, whom the server does not know`,
      );
    if (entryIds.has(entry.id))
      return rejected('entry-id-reused', `entry ${entry.id} was already sent in another message`);
  }
  for (const card of message.cards) {
    if (!known(card.customerId))
      return rejected(
        'unknown-customer',
        `card ${card.number} is for customer ${card.customerId}, whom the server does not know`,
      );
  }
  const ids = message.entries.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length)
    return rejected('entry-id-reused', 'the message holds one entry id twice');
  return null;
}

function rejected(
  reason: RejectionReason,
  detail: string,
): Extract<StoredMessageOutcome, { status: 'rejected' }> {
  return { status: 'rejected', reason, detail };
}

/** The newest program the batch's entries use (availability rules: pending days, expiry). */
function latestOf(programs: ReadonlyMap<number, Program>): Program | null {
  let latest: Program | null = null;
  for (const program of programs.values())
    if (latest === null || program.version > latest.version) latest = program;
  return latest;
}

function overdrafts(entries: readonly LedgerEntry[]): { entryId: string; points: number }[] {
  return foldLedger(entries).anomalies.filter((anomaly) => anomaly.kind === 'overdraft');
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
