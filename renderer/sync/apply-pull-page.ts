import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { parseProgram } from '../../shared/program/parse-program';
import { mergeCards, mergeProfiles } from '../../shared/sync/merge-records';
import type { PullAnswer } from '../../shared/sync/protocol';
import { fromCardRow, fromCustomerRow, toCustomerRow } from '../db/customer-rows';
import { pullCursorSchema } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';
import { appendEntries } from '../operations/customer-ledger';

/**
 * Applies one pulled page and the new cursor in ONE local transaction: after a crash the
 * terminal either has the whole page and the cursor after it, or neither. Applying is
 * idempotent — profiles and cards merge (merge-records.ts), entries already held (this
 * terminal's own, echoed back) are skipped — so a page applied twice changes nothing.
 */
export async function applyPullPage(
  db: TerminalDatabase,
  answer: PullAnswer,
  now: number,
): Promise<{ readonly programs: readonly number[]; readonly newestStamp: string | null }> {
  const customers = new Map<string, CustomerProfile>();
  const cards = new Map<string, CardRecord>();
  const entries: LedgerEntry[] = [];
  const programs: unknown[] = [];
  for (const change of answer.changes) {
    switch (change.kind) {
      case 'customer': {
        const known = customers.get(change.customer.id);
        customers.set(
          change.customer.id,
          known ? mergeProfiles(known, change.customer) : change.customer,
        );
        break;
      }
      case 'card': {
        const known = cards.get(change.card.number);
        cards.set(change.card.number, known ? mergeCard(known, change.card) : change.card);
        break;
      }
      case 'entry':
        entries.push(change.entry);
        break;
      case 'program':
        programs.push(change.program);
        break;
    }
  }

  const stamps = [...entries.map((e) => e.stamp), ...[...cards.values()].map((c) => c.stamp)];
  const newestStamp = stamps.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);

  const tables = [db.customers, db.cards, db.ledger, db.balances, db.programs, db.settings];
  return db.transaction('rw', tables, async () => {
    const stored = await readCursor(db);
    if (stored >= answer.cursor) return { programs: [], newestStamp: null }; // a repeated page

    const localCustomers = await db.customers.bulkGet([...customers.keys()]);
    const mergedCustomers = [...customers.values()].map((incoming, i) => {
      const local = localCustomers[i];
      return toCustomerRow(local ? mergeProfiles(fromCustomerRow(local), incoming) : incoming);
    });
    const localCards = await db.cards.bulkGet([...cards.keys()]);
    const mergedCards = [...cards.values()].map((incoming, i) => {
      const local = localCards[i];
      return local ? mergeCard(fromCardRow(local), incoming) : incoming;
    });
    const held = await db.ledger.bulkGet(entries.map((entry) => entry.id));
    const fresh = entries.filter((_, i) => held[i] === undefined);

    const published: number[] = [];
    for (const body of programs) {
      const parsed = parseProgram(body);
      // A program this version cannot read is skipped: the terminal keeps the one it has.
      if (!parsed.ok) continue;
      await db.programs.put({
        version: parsed.value.version,
        program: parsed.value,
        receivedAt: now,
      });
      published.push(parsed.value.version);
    }
    await Promise.all([db.customers.bulkPut(mergedCustomers), db.cards.bulkPut(mergedCards)]);
    await appendEntries(db, fresh);
    await db.settings.put({ key: 'cursor', value: { cursor: answer.cursor } });
    return { programs: published, newestStamp };
  });
}

/**
 * The server's copy of a card is authoritative about its owner: when it names another
 * customer than the local copy (a number issued twice offline), the server's owner wins.
 */
function mergeCard(local: CardRecord, incoming: CardRecord): CardRecord {
  return local.customerId === incoming.customerId ? mergeCards(local, incoming) : incoming;
}

export async function readCursor(db: TerminalDatabase): Promise<number> {
  const row = await db.settings.get('cursor');
  const parsed = pullCursorSchema.safeParse(row?.value);
  return parsed.success ? parsed.data.cursor : 0;
}
