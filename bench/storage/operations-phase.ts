import { money, points } from '../../shared/money/money';
import { demoRandom } from '../../shared/demo-data/demo-random';
import {
  customerViewByCard,
  findByCardCode,
  searchCustomers,
} from '../../renderer/operations/find-customer';
import { recordSale } from '../../renderer/operations/record-sale';
import type { TerminalDatabase } from '../../renderer/db/terminal-database';
import { readSnapshot } from '../../renderer/db/read-snapshot';
import type { Program } from '../../shared/program/program-schema';
import { benchServices } from './bench-services';
import { latencyStats, timed } from './latency';
import {
  rawCommitSale,
  rawReadSaleCustomer,
  rawReadsAtSuccess,
  rawSearchByLast4,
  rawSearchByNamePrefix,
} from './raw-operations';
import { twinSale } from './sale-twin';
import type { SaleRows } from './sale-twin';
import { AMOUNT_ENTRY_MS, DISK_FLUSH_FUNCTION } from './storage-bench-result';
import type {
  BenchTarget,
  LatencyFigure,
  LatencyStats,
  StorageBenchOptions,
  StorageBenchResult,
} from './storage-bench-result';

/** The targets for the terminal's p99, ms. */
export const TARGET_P99_MS = { cardLookup: 2, search: 30, saleCommit: 10 } as const;
const HOUR_MS = 3_600_000;
/** Unmeasured rounds first, so the figures are not those of a cold JIT. */
const WARMUP = 50;
/** The cashier entering the amount between the customer's screen and the sale. */
function amountEntry(): Promise<void> {
  return pause(AMOUNT_ENTRY_MS);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type Pair = {
  readonly terminal: (target: BenchTarget) => Promise<void>;
  readonly raw: (target: BenchTarget) => Promise<void>;
};

/**
 * Card lookups, both searches and sale commits on the loaded databases: each operation done
 * by the terminal's code and raw, alternately (order switching every round), on customers
 * spread over the whole store; and IndexedDB's floor under a lookup (one raw read against
 * two, then the two through Dexie against the two raw). All after `warmupReads` untimed
 * random reads, so no figure pays for the settling that follows a fresh load.
 *
 * Everything here, raw twins too, works on the terminal's database: the two databases need
 * not be as fast as each other (see chunk-plan.ts), so only the same one compares the
 * engines. The two sides of a round read different customers, so neither reads what the
 * other has just brought into a cache; a sale's raw twin writes the same rows under other
 * keys (twinSale).
 */
export async function operationsPhase(
  terminal: TerminalDatabase,
  program: Program,
  targets: readonly BenchTarget[],
  options: StorageBenchOptions,
  log: (line: string) => void,
): Promise<Pick<StorageBenchResult, 'latencies' | 'floor'>> {
  const earlier = await earlierSales(terminal);
  const services = benchServices(
    terminal,
    program,
    Math.max(options.now, earlier.lastAt) + HOUR_MS,
  );
  const expect = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`storage benchmark: ${what}`);
  };
  // The terminal's own database, as IndexedDB calls see it: every raw twin works on it.
  const terminalIdb = terminal.backendDB();

  // Both answer at the second read's success, not at the transaction's completion.
  const cardLookup: Pair = {
    terminal: async (t) => {
      const found = await findByCardCode(services, t.cardNumber);
      expect(found.ok && found.value.customer.id === t.customerId, `card ${t.cardNumber}`);
    },
    raw: async (t) => {
      expect(
        (await rawReadsAtSuccess(terminalIdb, t.cardNumber, 2)) !== undefined,
        `raw card ${t.cardNumber}`,
      );
    },
  };
  // Not a terminal-vs-raw pair: one raw read against two, for the floor under a lookup.
  const floorPair: Pair = {
    terminal: async (t) => {
      expect(
        (await rawReadsAtSuccess(terminalIdb, t.cardNumber, 1)) !== undefined,
        `read ${t.cardNumber}`,
      );
    },
    raw: cardLookup.raw,
  };
  // Dexie's side of the floor: the same two reads through readSnapshot, rows not parsed.
  const dexieFloorPair: Pair = {
    terminal: async (t) => {
      const customer = await dexieReadsAtSuccess(terminal, t.cardNumber);
      expect(customer !== undefined, `dexie reads ${t.cardNumber}`);
    },
    raw: floorPair.raw,
  };
  const byLast4: Pair = {
    terminal: async (t) => {
      expect((await searchCustomers(services, t.phoneLast4)).length > 0, `phone ${t.phoneLast4}`);
    },
    raw: async (t) => {
      expect((await rawSearchByLast4(terminalIdb, t.phoneLast4)).length > 0, `raw ${t.phoneLast4}`);
    },
  };
  const byName: Pair = {
    terminal: async (t) => {
      expect((await searchCustomers(services, t.namePrefix)).length > 0, `name ${t.namePrefix}`);
    },
    raw: async (t) => {
      expect(
        (await rawSearchByNamePrefix(terminalIdb, t.namePrefix)).length > 0,
        `raw ${t.namePrefix}`,
      );
    },
  };

  const figures: LatencyFigure[] = [];
  const measurePair = async (pair: Pair, rounds: number) => {
    const terminalMs: number[] = [];
    const rawMs: number[] = [];
    // The two sides read customers half the list apart, taking turns at which half, so
    // both draw from the same customers (a search's cost depends on what it finds).
    const half = Math.floor(targets.length / 2);
    for (let i = -WARMUP; i < rounds; i++) {
      const j = i + WARMUP;
      const here = targets[j % targets.length];
      const there = targets[(j + half) % targets.length];
      const [forTerminal, forRaw] = j % 2 === 0 ? [here, there] : [there, here];
      if (!forTerminal || !forRaw) throw new Error('storage benchmark: no customers to look up');
      const a = await timedPair(pair, forTerminal, forRaw, i % 2 === 0, options.gapMs);
      if (i >= 0) {
        terminalMs.push(a.terminal);
        rawMs.push(a.raw);
      }
    }
    return { terminal: latencyStats(terminalMs), raw: latencyStats(rawMs) };
  };
  const run = async (name: string, pair: Pair, rounds: number, targetP99Ms: number) => {
    figures.push({ name, ...(await measurePair(pair, rounds)), targetP99Ms });
    log(`measured ${name} (${rounds} each)`);
  };
  await warmUp(terminal, terminalIdb, targets, options.warmupReads);
  log(`read ${String(options.warmupReads)} random cards and customers, unmeasured`);
  await run('card lookup', cardLookup, options.lookups, TARGET_P99_MS.cardLookup);
  const floor = await measurePair(floorPair, options.lookups);
  const dexieFloor = await measurePair(dexieFloorPair, options.lookups);
  log(
    `measured IndexedDB's floor: one read, two reads, two through Dexie (${options.lookups} each)`,
  );
  await run('search: phone last 4', byLast4, options.searches, TARGET_P99_MS.search);
  await run('search: name prefix', byName, options.searches, TARGET_P99_MS.search);
  const sales = await salePhase(services, terminalIdb, targets, options, earlier.count);
  figures.push(sales.figure);
  log(`measured sale commit (${options.sales} each) and the disk's flush after each`);
  return {
    latencies: figures,
    floor: {
      oneRead: floor.terminal,
      twoReads: floor.raw,
      twoReadsThroughDexie: dexieFloor.terminal,
      diskFlush: sales.diskFlush,
    },
  };
}

/** Card-then-customer reads, through Dexie and raw, untimed (StorageBenchOptions.warmupReads). */
async function warmUp(
  terminal: TerminalDatabase,
  terminalIdb: IDBDatabase,
  targets: readonly BenchTarget[],
  reads: number,
): Promise<void> {
  const random = demoRandom(7);
  for (let i = 0; i < reads; i++) {
    const target = random.pick(targets);
    await dexieReadsAtSuccess(terminal, target.cardNumber);
    await rawReadsAtSuccess(terminalIdb, random.pick(targets).cardNumber, 2);
  }
}

/** rawReadsAtSuccess's two reads through Dexie and readSnapshot, rows not parsed. */
function dexieReadsAtSuccess(terminal: TerminalDatabase, cardNumber: string): Promise<unknown> {
  return readSnapshot(terminal, [terminal.cards, terminal.customers], async () => {
    const card = await terminal.cards.get(cardNumber);
    return card === undefined ? undefined : terminal.customers.get(card.customerId);
  });
}

/** One round: each side timed alone, after `gapMs` of idleness (StorageBenchOptions.gapMs). */
async function timedPair(
  pair: Pair,
  forTerminal: BenchTarget,
  forRaw: BenchTarget,
  terminalFirst: boolean,
  gapMs: number,
) {
  const afterGap = async (operation: () => Promise<void>) => {
    if (gapMs > 0) await pause(gapMs);
    return timed(operation);
  };
  if (terminalFirst) {
    const terminal = await afterGap(() => pair.terminal(forTerminal));
    return { terminal, raw: await afterGap(() => pair.raw(forRaw)) };
  }
  const raw = await afterGap(() => pair.raw(forRaw));
  return { terminal: await afterGap(() => pair.terminal(forTerminal)), raw };
}

/**
 * Sales on random customers through recordSale, each paired with a raw transaction that
 * writes a sale's rows (read back, untimed, from what the terminal stored) again under other
 * keys (twinSale) into the terminal's database, then one disk flush (DISK_FLUSH_FUNCTION)
 * when the Node script offers it: the three interleaved, so all meet the same background work
 * of the disk. The order switches every round, as the reads' does: even rounds sell first
 * and twin that sale; odd rounds twin the sale before (its rows must exist to be copied),
 * then sell.
 *
 * As at the till, a sale follows its customer's screen: the scan that opens it reads the
 * rows the sale reads again, and so does an unmeasured read before each twin. Without it a
 * sale on a store of 1 000 000 customers would time reading a balance row from the disk,
 * which no cashier's sale does. Then a pause stands for the cashier entering the amount
 * (AMOUNT_ENTRY_MS), so the page goes idle before each side's commit, as at a till; timed
 * back to back, a sale also paid for collecting the garbage its screen had left.
 */
async function salePhase(
  services: ReturnType<typeof benchServices>,
  terminalIdb: IDBDatabase,
  targets: readonly BenchTarget[],
  { sales, seed }: StorageBenchOptions,
  earlierSales: number,
): Promise<{ readonly figure: LatencyFigure; readonly diskFlush: LatencyStats | null }> {
  // Not the customers of the runs before on a kept profile.
  const random = demoRandom(seed ^ 0x68e31da4 ^ earlierSales);
  const diskFlush = (
    globalThis as Partial<Record<typeof DISK_FLUSH_FUNCTION, () => Promise<number>>>
  )[DISK_FLUSH_FUNCTION];
  const terminalMs: number[] = [];
  const rawMs: number[] = [];
  const flushMs: number[] = [];
  // A twin reads a customer other than the one this round sells to: neither side reads rows
  // the other has just written.
  const rawTwin = async (rows: SaleRows, marker: string, sellingTo: string) => {
    let readsOf = random.pick(targets).customerId;
    while (readsOf === sellingTo && targets.length > 1) readsOf = random.pick(targets).customerId;
    const twin = twinSale(rows, readsOf, marker);
    await rawReadSaleCustomer(terminalIdb, readsOf);
    await amountEntry();
    return timed(() => rawCommitSale(terminalIdb, twin));
  };
  let previous: SaleRows | null = null;
  for (let i = -WARMUP; i < sales; i++) {
    const target = random.pick(targets);
    services.advance(random.int(20_000, 120_000));
    const request = {
      lines: [{ amount: money(random.int(100, 5_000) * 100) }],
      pointsToSpend: points(0),
    };
    // The sale before was twinned after itself with '~'; this copy of it gets '~~'.
    const rawBefore =
      previous !== null && i % 2 !== 0 ? await rawTwin(previous, '~~', target.customerId) : null;
    const screen = await customerViewByCard(services, target.cardNumber, services.now());
    if (!screen.ok || screen.value.card.customerId !== target.customerId)
      throw new Error(`storage benchmark: card ${target.cardNumber} did not open its customer`);
    await amountEntry();
    const started = performance.now();
    const result = await recordSale(services, {
      cashierId: 'C1',
      customerId: target.customerId,
      cardNumber: target.cardNumber,
      request,
    });
    const terminalTime = performance.now() - started;
    const rows = await saleRows(services.db, target.customerId, result);
    const rawTime = rawBefore ?? (await rawTwin(rows, '~', target.customerId));
    previous = rows;
    const flushTime = diskFlush ? await diskFlush() : null;
    if (i >= 0) {
      terminalMs.push(terminalTime);
      rawMs.push(rawTime);
      if (flushTime !== null) flushMs.push(flushTime);
    }
  }
  return {
    figure: {
      name: 'sale commit',
      terminal: latencyStats(terminalMs),
      raw: latencyStats(rawMs),
      targetP99Ms: TARGET_P99_MS.saleCommit,
    },
    diskFlush: diskFlush ? latencyStats(flushMs) : null,
  };
}

/**
 * The sales earlier runs made in a kept profile (--profile): the clock starts after the last
 * of them, so each new sale continues its customer's ledger (extendFold), as at a till; one
 * stamped before an entry already there would fold the whole ledger again, and time that.
 */
async function earlierSales(
  db: TerminalDatabase,
): Promise<{ readonly count: number; readonly lastAt: number }> {
  const [count, last] = await Promise.all([db.outbox.count(), db.outbox.orderBy('seq').last()]);
  return { count, lastAt: last?.createdAt ?? 0 };
}

/** What the sale just wrote, read back for its raw twin. */
async function saleRows(
  db: TerminalDatabase,
  customerId: string,
  result: Awaited<ReturnType<typeof recordSale>>,
): Promise<SaleRows> {
  if (!result.ok) throw new Error(`storage benchmark: sale refused ${JSON.stringify(result)}`);
  const [message, balance, counters] = await Promise.all([
    db.outbox.orderBy('seq').last(),
    db.balances.get(customerId),
    db.settings.get('counters'),
  ]);
  if (!message || !balance || counters?.key !== 'counters')
    throw new Error('storage benchmark: sale rows missing');
  const { seq: _seq, ...unsequenced } = message;
  return {
    customerId,
    entries: message.entries,
    balance,
    receipt: result.value,
    counters,
    message: unsequenced,
  };
}
