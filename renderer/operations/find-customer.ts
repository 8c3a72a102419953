import { DEFAULT_CARD_CODE_SETTINGS, parseCardCode } from '../../shared/cards/parse-card-code';
import type { CardCodeError } from '../../shared/cards/parse-card-code';
import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { normaliseForSearch } from '../../shared/customers/person-name';
import { parsePhoneNumber } from '../../shared/customers/phone-number';
import { balanceFromFold } from '../../shared/ledger/balance';
import type { CustomerBalance } from '../../shared/ledger/balance';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { fromCardRow, fromCustomerRow } from '../db/customer-rows';
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

/** A scan or a typed card number → the card's customer, or why not (in the cashier's terms). */
export async function findByCardCode(
  services: TerminalServices,
  raw: string,
): Promise<
  Result<{ readonly card: CardRecord; readonly customer: CustomerProfile }, CardLookupError>
> {
  const code = parseCardCode(raw, DEFAULT_CARD_CODE_SETTINGS);
  if (!code.ok) return err({ code: 'invalid-code', error: code.error });
  const { db } = services;
  return readSnapshot(db, [db.cards, db.customers], async () => {
    const row: unknown = await db.cards.get(code.value.number);
    if (row === undefined) return err({ code: 'unknown-card' as const, number: code.value.number });
    const card = fromCardRow(row);
    if (card.state === 'blocked')
      return err({ code: 'card-blocked' as const, number: card.number, reason: card.blockReason });
    if (card.state === 'replaced')
      return err({
        code: 'card-replaced' as const,
        number: card.number,
        replacedBy: card.replacedBy,
      });
    const customer = await db.customers.get(card.customerId);
    if (!customer) return err({ code: 'unknown-card' as const, number: card.number });
    return ok({ card, customer: fromCustomerRow(customer) });
  });
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
  const rows = await db.customers
    .where('nameKeys')
    .startsWith(prefix)
    .distinct()
    .limit(SEARCH_LIMIT)
    .toArray();
  return rows.map(fromCustomerRow);
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
  const { db, program } = services;
  // One read-only transaction (it neither waits for nor holds up a writer such as the sync
  // worker); independent reads issued together, only the latest entries read and checked.
  const read = await readSnapshot(db, [db.customers, db.cards, db.ledger, db.balances], () =>
    Promise.all([
      db.customers.get(customerId),
      db.cards.where('customerId').equals(customerId).toArray(),
      db.balances.get(customerId),
      readRecentEntries(db, customerId, RECENT_OPERATIONS),
    ]),
  );
  const [row, cardRows, balanceRow, recent] = read;
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
