import { DEFAULT_CARD_CODE_SETTINGS, parseCardCode } from '../../shared/cards/parse-card-code';
import type { CardCodeError } from '../../shared/cards/parse-card-code';
import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { normaliseForSearch } from '../../shared/customers/person-name';
import { parsePhoneNumber } from '../../shared/customers/phone-number';
import { balanceFromFold } from '../../shared/ledger/balance';
import type { CustomerBalance } from '../../shared/ledger/balance';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { assertNever } from '../../shared/util/assert-never';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { fromCardRow, fromCustomerRow } from '../db/customer-rows';
import { readCardAndCustomer } from '../db/read-card-and-customer';
import { readSnapshot } from '../db/read-snapshot';
import { cachedFold, readRecentEntries, rebuildBalance } from './customer-ledger';
import type { TerminalServices } from './terminal-services';

/** The most customers a search shows; the cashier narrows the search past that. */
export const SEARCH_LIMIT = 20;

export type CardLookupError =
  | { readonly code: 'invalid-code'; readonly error: CardCodeError }
  | { readonly code: 'unknown-card'; readonly number: string }
  | {
      readonly code: 'card-blocked';
      readonly number: string;
      readonly reason: CardRecord['blockReason'];
    }
  | { readonly code: 'card-replaced'; readonly number: string; readonly replacedBy: string | null };

/**
 * A scan or a typed card number → the card's customer, or why not (in the cashier's terms):
 * the enrolment's referrer field, and the card lookup of `npm run bench:storage` (target p99
 * ≤ 2 ms, met by reading with IndexedDB's own calls, see readCardAndCustomer). The scan at
 * the till needs the whole customer screen and reads it in one snapshot: customerViewByCard.
 */
export async function findByCardCode(
  services: TerminalServices,
  raw: string,
): Promise<
  Result<{ readonly card: CardRecord; readonly customer: CustomerProfile }, CardLookupError>
> {
  const code = parseCardCode(raw, DEFAULT_CARD_CODE_SETTINGS);
  if (!code.ok) return err({ code: 'invalid-code', error: code.error });
  const number = code.value.number;
  const rows = await readCardAndCustomer(services.db, number);
  if (rows.card === undefined) return err({ code: 'unknown-card', number });
  const usable = usableCard(rows.card);
  if (!usable.ok) return usable;
  if (rows.customer === undefined) return err({ code: 'unknown-card', number });
  return ok({ card: usable.value, customer: fromCustomerRow(rows.customer) });
}

/**
 * A scan → the customer screen's view of the card's customer, or why not. One snapshot and two
 * round trips to the store: the card, then all of its customer's rows at once (a lookup then
 * a `customerView` would take three, and read the customer twice).
 */
export async function customerViewByCard(
  services: TerminalServices,
  raw: string,
  now: number,
): Promise<Result<{ readonly card: CardRecord; readonly view: CustomerView }, CardLookupError>> {
  const code = parseCardCode(raw, DEFAULT_CARD_CODE_SETTINGS);
  if (!code.ok) return err({ code: 'invalid-code', error: code.error });
  const { db } = services;
  const read = await readSnapshot(db, viewTables(db), async () => {
    const card = await readUsableCard(db, code.value.number);
    if (!card.ok) return card;
    return ok({ card: card.value, rows: await readViewRows(db, card.value.customerId) });
  });
  if (!read.ok) return read;
  const { card, rows } = read.value;
  const view = await viewFromRows(services, card.customerId, rows, now);
  if (!view) return err({ code: 'unknown-card', number: card.number });
  return ok({ card, view });
}

/** The card with this number if a customer can use it now, or why not. */
async function readUsableCard(
  db: TerminalServices['db'],
  number: string,
): Promise<Result<CardRecord, CardLookupError>> {
  const row: unknown = await db.cards.get(number);
  if (row === undefined) return err({ code: 'unknown-card', number });
  return usableCard(fromCardRow(row));
}

/** The card if a customer can use it now, or why not. */
function usableCard(card: CardRecord): Result<CardRecord, CardLookupError> {
  switch (card.state) {
    case 'active':
      return ok(card);
    case 'blocked':
      return err({ code: 'card-blocked', number: card.number, reason: card.blockReason });
    case 'replaced':
      return err({ code: 'card-replaced', number: card.number, replacedBy: card.replacedBy });
    default:
      return assertNever(card.state, 'card state');
  }
}

/**
 * Search as the cashier types: 4 digits → the last 4 digits of the phone; a whole phone
 * number → that phone; letters → any word of the name starting with them.
 */
export async function searchCustomers(
  services: TerminalServices,
  text: string,
): Promise<CustomerProfile[]> {
  const { db } = services;
  const query = text.trim();
  if (/^\d{4}$/.test(query)) {
    return (await db.customers.where('phoneLast4').equals(query).limit(SEARCH_LIMIT).toArray()).map(
      fromCustomerRow,
    );
  }
  const phone = parsePhoneNumber(query);
  if (phone.ok) {
    return (
      await db.customers.where('phone').equals(phone.value).limit(SEARCH_LIMIT).toArray()
    ).map(fromCustomerRow);
  }
  const prefix = normaliseForSearch(query).split(' ')[0] ?? '';
  if (prefix.length < 2) return [];
  return (await readByNamePrefix(db, prefix)).map(fromCustomerRow);
}

/**
 * The first SEARCH_LIMIT customers with a name word starting with `prefix`, in the index's
 * order, each once. The index holds a customer once per matching word ("Иван Иванов" twice
 * for "ив"), so Dexie's `distinct()` is what says it; but it walks a cursor, a round trip a
 * row, where a plain `limit` reads the rows in one request (at 1 M customers in `npm run
 * bench:storage`, p50 3.9–4.3 ms before, 1.5 ms after). So: one request, repeats dropped.
 * Only when repeats were dropped from a full page may rows be missing; then the cursor reads
 * the page again, and the search costs both. That needs a page that spans several keys
 * under which the same customers come again; a first key with a page of rows fills it alone.
 */
async function readByNamePrefix(db: TerminalServices['db'], prefix: string): Promise<unknown[]> {
  const matching = () => db.customers.where('nameKeys').startsWith(prefix);
  const rows: unknown[] = await matching().limit(SEARCH_LIMIT).toArray();
  const once = firstOfEachId(rows);
  if (once.length === rows.length || rows.length < SEARCH_LIMIT) return once;
  return matching().distinct().limit(SEARCH_LIMIT).toArray();
}

/**
 * The rows in order, without any row whose `id` came before. Every row has an `id`: it is the
 * customers table's key path. A garbage row is kept, for the parse to refuse.
 */
function firstOfEachId(rows: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return rows.filter((row) => {
    const { id } = row as { readonly id: unknown };
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Everything the customer screen shows, at `now`. */
export type CustomerView = {
  readonly customer: CustomerProfile;
  readonly cards: readonly CardRecord[];
  readonly balance: CustomerBalance;
  /** The latest ledger entries, newest first. */
  readonly recent: readonly LedgerEntry[];
};

export const RECENT_OPERATIONS = 10;

export async function customerView(
  services: TerminalServices,
  customerId: string,
  now: number,
): Promise<CustomerView | null> {
  const { db } = services;
  const rows = await readSnapshot(db, viewTables(db), () => readViewRows(db, customerId));
  return viewFromRows(services, customerId, rows, now);
}

type ViewRows = Awaited<ReturnType<typeof readViewRows>>;

function viewTables(db: TerminalServices['db']) {
  return [db.customers, db.cards, db.ledger, db.balances];
}

/**
 * The customer screen's rows, as stored: independent reads issued together (one round
 * trip), only the latest entries read and checked. Call inside a read-only snapshot (it
 * neither waits for nor holds up a writer such as the sync worker).
 */
function readViewRows(db: TerminalServices['db'], customerId: string) {
  return Promise.all([
    db.customers.get(customerId),
    db.cards.where('customerId').equals(customerId).toArray(),
    db.balances.get(customerId),
    readRecentEntries(db, customerId, RECENT_OPERATIONS),
  ]);
}

async function viewFromRows(
  { db, program }: TerminalServices,
  customerId: string,
  [row, cardRows, balanceRow, recent]: ViewRows,
  now: number,
): Promise<CustomerView | null> {
  if (!row) return null;
  // A missing or unreadable balance cache (rare) is rebuilt from the ledger in a write.
  const fold =
    cachedFold(balanceRow) ??
    (await db.transaction('rw', [db.ledger, db.balances], () => rebuildBalance(db, customerId)));
  return {
    customer: fromCustomerRow(row),
    cards: cardRows.map(fromCardRow),
    balance: balanceFromFold(fold, program, now),
    recent,
  };
}
