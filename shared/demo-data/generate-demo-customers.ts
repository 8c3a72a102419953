import { formatHlcStamp } from '../ids/hybrid-logical-clock';
import type { HlcStamp } from '../ids/hybrid-logical-clock';
import { createIdGenerator } from '../ids/uuidv7';
import type { OperationContext } from '../ledger/operation-context';
import type { Program } from '../program/program-schema';
import type { CardRecord } from '../customers/card-record';
import type { CustomerProfile } from '../customers/customer-profile';
import type { LedgerFold } from '../ledger/fold-ledger';
import type { LedgerEntry } from '../ledger/ledger-entry';
import { demoProfileAndCard } from './demo-customer';
import { demoHistory, demoPurchaseDays } from './demo-history';
import { customerRandom } from './demo-random';
import type { DemoRandom } from './demo-random';
import { DEMO_STORES, DEMO_TIME_ZONE, openingHoursMoment } from './demo-stores';
import type { DemoStore } from './demo-stores';

/** A run of demo customers as domain records: profiles, cards, ledgers and their folds. */
export type DemoCustomers = {
  readonly customers: readonly CustomerProfile[];
  readonly cards: readonly CardRecord[];
  readonly ledger: readonly LedgerEntry[];
  readonly balances: readonly { readonly customerId: string; readonly fold: LedgerFold }[];
};

/** Demo customers enrolled up to two years ago. */
const ENROLMENT_DAYS = 730;
/** Share of a customer's operations made in the store where they enrolled. */
const HOME_STORE_SHARE = 0.8;

/**
 * Customers `fromIndex` … `fromIndex + count − 1` of the demo under `seed`, with their cards,
 * ledger entries and balance caches, as of `now`. Pure (CPU only, no storage): the benchmark
 * times the writing apart from this; the terminal
 * (renderer/demo-data) and the central server (server/demo) both load it. Customer `i` depends only on (seed, i), so any chunking
 * of the indexes gives the same rows.
 */
export function generateDemoCustomers(
  seed: number,
  fromIndex: number,
  count: number,
  now: number,
  program: Program,
): DemoCustomers {
  const chunk = {
    customers: [] as CustomerProfile[],
    cards: [] as CardRecord[],
    ledger: [] as LedgerEntry[],
    balances: [] as { customerId: string; fold: LedgerFold }[],
  };
  for (let index = fromIndex; index < fromIndex + count; index++) {
    const random = customerRandom(seed, index);
    const contexts = customerContexts(now, random);
    const [enrolment, ...purchases] = contexts;
    if (!enrolment) throw new Error('unreachable: a customer always enrols');
    const { profile, card } = demoProfileAndCard(seed, index, random, enrolment);
    const history = demoHistory(program, profile.id, enrolment, purchases, random);
    chunk.customers.push(profile);
    chunk.cards.push(card);
    chunk.ledger.push(...history.entries);
    chunk.balances.push({ customerId: profile.id, fold: history.fold });
  }
  return chunk;
}

/**
 * The contexts of the customer's operations, oldest first: the enrolment, then each past
 * purchase, at distinct moments during opening hours.
 *
 * Ids come from one UUIDv7 generator per customer and stamps from the operation's moment,
 * its terminal and a counter within the operation, so both increase along the customer's
 * history and the balance cache extends like a terminal's. (Two customers' entries may share
 * a stamp; stamps only order the entries of one customer and the fields of one profile.)
 */
function customerContexts(now: number, random: DemoRandom): OperationContext[] {
  const enrolledDaysAgo = random.int(1, ENROLMENT_DAYS);
  const days = [enrolledDaysAgo, ...demoPurchaseDays(enrolledDaysAgo, random)];
  let clock = 0;
  const newId = createIdGenerator({ now: () => clock, randomBytes: random.bytes });
  const home = random.pick(DEMO_STORES);
  return days.map((daysAgo, i) => {
    const at = openingHoursMoment(now, daysAgo, random);
    const store: DemoStore =
      i === 0 || random.chance(HOME_STORE_SHARE) ? home : random.pick(DEMO_STORES);
    const terminalId = random.pick(store.terminalIds);
    let counter = 0;
    return {
      terminalId,
      storeId: store.storeId,
      cashierId: random.pick(store.cashierIds),
      now: at,
      timeZone: DEMO_TIME_ZONE,
      newId: () => {
        clock = at;
        return newId();
      },
      newStamp: (): HlcStamp =>
        formatHlcStamp({ physicalMs: at, counter: counter++, node: terminalId }),
    };
  });
}
