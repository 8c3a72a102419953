import { money, points } from '../money/money';
import type { Money, Points } from '../money/money';
import { assertNever } from '../util/assert-never';
import type { LedgerEntry, LedgerEntryKind } from './ledger-entry';

/**
 * Folds a customer's ledger into lots, debt and per-sale totals. The fold is a pure function of
 * the SET of entries: it removes repeated ids, sorts by (stamp, id) and replays, so the result
 * is the same for any order and any duplication of the input (property-tested).
 *
 * Replay rules (each one an invariant the tests check):
 * - A credit (accrual, bonus, refund-return, positive adjustment) opens a lot. If the customer
 *   owes points (debt), the new lot pays the debt first, pending or not.
 * - A debit (redemption, negative adjustment, the uncovered part of a refund reversal) takes
 *   points from lots available at the debit's own time `at`, soonest expiry first (then oldest
 *   first), then from lots still pending at that time, and what is still missing becomes debt:
 *   an overdraft, flagged as an anomaly. Two stores spending the same points offline end here.
 * - A refund reversal takes back points from its sale's accrual lot; if they were spent, it
 *   takes the rest like a debit (refund after the points were spent may leave a debt).
 * - An expiry empties at most what remains in its lot: a stale expiry (computed before an
 *   older redemption arrived by sync) never takes points that were legitimately spent.
 * - Nothing is ever counted twice: a once-only bonus (same `uniqueKey`) counts once; refunds
 *   never take back more than the sale accrued nor return more than it redeemed.
 */

export type LotSource = 'accrual' | 'bonus' | 'refund-return' | 'adjustment';

export type Lot = {
  /** The id of the credit entry that opened the lot. */
  readonly id: string;
  readonly source: LotSource;
  readonly credited: Points;
  /** What is left after spending, reversals, debt settlement and recorded expiry. */
  readonly remaining: Points;
  readonly availableAt: number;
  readonly expiresAt: number | null;
  /** An expiry entry exists for this lot. */
  readonly expiryRecorded: boolean;
  /** Points taken back by refunds (never more than credited). */
  readonly reversed: Points;
};

export type SaleTotals = {
  readonly saleId: string;
  /** The sale's own time (its accrual's `at`, else its redemption's). */
  readonly at: number;
  readonly spend: Money;
  readonly spendReturned: Money;
  readonly redeemed: Points;
  readonly returned: Points;
  readonly accrualEntryId: string | null;
  readonly accrued: Points;
  readonly reversed: Points;
  readonly usedNextPurchaseOffer: boolean;
};

/** Something in the ledger that the fold had to bound; shown for reconciliation. */
export type LedgerAnomaly =
  | {
      readonly kind: 'overdraft';
      readonly entryId: string;
      readonly cause: LedgerEntryKind;
      readonly points: Points;
    }
  | { readonly kind: 'excess-reversal'; readonly entryId: string; readonly points: Points }
  | { readonly kind: 'excess-return'; readonly entryId: string; readonly points: Points }
  | { readonly kind: 'stale-expiry'; readonly entryId: string; readonly points: Points }
  | { readonly kind: 'unknown-reference'; readonly entryId: string; readonly reference: string }
  | { readonly kind: 'repeated-unique-key'; readonly entryId: string; readonly uniqueKey: string };

export type LedgerFold = {
  readonly lots: readonly Lot[];
  /** Points owed by the customer after overdrafts; settled by the next credits. */
  readonly debt: Points;
  /** Per sale id. Plain data throughout, so a fold can be stored as a balance cache. */
  readonly sales: Readonly<Record<string, SaleTotals>>;
  readonly anomalies: readonly LedgerAnomaly[];
  /** Keys of the once-only entries (bonuses, expiries) already in the ledger. */
  readonly uniqueKeys: readonly string[];
  /** Entries that counted (after removing repeated ids). */
  readonly entryCount: number;
  /** The last entry replayed, in (stamp, id) order: extendFold continues after it. */
  readonly last: { readonly stamp: string; readonly id: string } | null;
};

export const EMPTY_FOLD: LedgerFold = {
  lots: [],
  debt: points(0),
  sales: {},
  anomalies: [],
  uniqueKeys: [],
  entryCount: 0,
  last: null,
};

type MutableLot = { -readonly [K in keyof Lot]: Lot[K] } & { sequence: number };
type MutableSale = { -readonly [K in keyof SaleTotals]: SaleTotals[K] };

/** Total order of entries: by stamp, then id. Equal stamps only happen for equal ids. */
export function compareEntries(
  a: { readonly stamp: string; readonly id: string },
  b: { readonly stamp: string; readonly id: string },
): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function foldLedger(entries: readonly LedgerEntry[]): LedgerFold {
  const folded = extendFold(EMPTY_FOLD, entries);
  if (!folded) throw new Error('unreachable: any entries extend the empty fold');
  return folded;
}

/**
 * The fold of (the fold's entries + `entries`), computed by continuing the replay, when every
 * new entry sorts after the fold's last one — as entries made on this terminal always do, the
 * clock being monotonic. Returns null otherwise (an entry from elsewhere with an older stamp,
 * or one already folded): the caller then folds the whole ledger again. A property test
 * checks that extending gives exactly the fold of everything.
 */
export function extendFold(fold: LedgerFold, entries: readonly LedgerEntry[]): LedgerFold | null {
  const byId = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    const seen = byId.get(entry.id);
    if (!seen || compareEntries(entry, seen) < 0) byId.set(entry.id, entry);
  }
  const ordered = [...byId.values()].sort(compareEntries);
  const first = ordered[0];
  if (first && fold.last && compareEntries(first, fold.last) <= 0) return null;
  const replay = new Replay(fold);
  for (const entry of ordered) replay.apply(entry);
  const lastEntry = ordered.at(-1);
  return replay.result(
    fold.entryCount + ordered.length,
    lastEntry ? { stamp: lastEntry.stamp, id: lastEntry.id } : fold.last,
  );
}

class Replay {
  private readonly lots: MutableLot[];
  /**
   * Lots that may still have points, kept in spending order so a debit takes from the front
   * without sorting: the fold stays near-linear for customers with thousands of entries.
   * Lots that reach 0 are dropped from it when a debit passes them.
   */
  private open: MutableLot[];
  private readonly lotById: Map<string, MutableLot>;
  private readonly sales: Map<string, MutableSale>;
  private readonly anomalies: LedgerAnomaly[];
  private readonly uniqueKeys: Set<string>;
  private debt: number;

  /** Continues from a fold's state (copied: the fold itself is never changed). */
  constructor(from: LedgerFold) {
    this.lots = from.lots.map((lot, sequence) => ({ ...lot, sequence }));
    this.open = this.lots.filter((lot) => lot.remaining > 0).sort(bySpendingOrder);
    this.lotById = new Map(this.lots.map((lot) => [lot.id, lot]));
    this.sales = new Map(Object.entries(from.sales).map(([id, sale]) => [id, { ...sale }]));
    this.anomalies = [...from.anomalies];
    this.uniqueKeys = new Set(from.uniqueKeys);
    this.debt = from.debt;
  }

  apply(entry: LedgerEntry): void {
    if (entry.kind === 'bonus' || entry.kind === 'expiry') {
      if (this.uniqueKeys.has(entry.uniqueKey)) {
        this.anomalies.push({
          kind: 'repeated-unique-key',
          entryId: entry.id,
          uniqueKey: entry.uniqueKey,
        });
        return;
      }
      this.uniqueKeys.add(entry.uniqueKey);
    }
    switch (entry.kind) {
      case 'accrual': {
        const sale = this.sale(entry.saleId, entry.at);
        sale.at = entry.at;
        sale.spend = money(sale.spend + entry.spendMinor);
        sale.accrued = points(sale.accrued + entry.points);
        sale.accrualEntryId = entry.id;
        sale.usedNextPurchaseOffer = entry.usedNextPurchaseOffer;
        this.openLot(entry, 'accrual', entry.points);
        return;
      }
      case 'bonus':
        this.openLot(entry, 'bonus', entry.points);
        return;
      case 'refund-return': {
        const sale = this.sale(entry.saleId, entry.at);
        const allowed = Math.min(entry.points, sale.redeemed - sale.returned);
        if (allowed < entry.points) {
          this.anomalies.push({
            kind: 'excess-return',
            entryId: entry.id,
            points: points(entry.points - allowed),
          });
        }
        sale.returned = points(sale.returned + allowed);
        if (allowed > 0) this.openLot(entry, 'refund-return', allowed);
        return;
      }
      case 'adjustment':
        if (entry.points > 0) this.openLot(entry, 'adjustment', entry.points);
        else this.debit(entry, -entry.points);
        return;
      case 'redemption': {
        const sale = this.sale(entry.saleId, entry.at);
        sale.redeemed = points(sale.redeemed - entry.points);
        this.debit(entry, -entry.points);
        return;
      }
      case 'refund-reversal':
        this.reverse(entry);
        return;
      case 'expiry': {
        const lot = this.lotById.get(entry.lotId);
        if (!lot) {
          this.anomalies.push({
            kind: 'unknown-reference',
            entryId: entry.id,
            reference: entry.lotId,
          });
          return;
        }
        const taken = Math.min(-entry.points, lot.remaining);
        lot.remaining = points(lot.remaining - taken);
        lot.expiryRecorded = true;
        if (taken < -entry.points) {
          this.anomalies.push({
            kind: 'stale-expiry',
            entryId: entry.id,
            points: points(-entry.points - taken),
          });
        }
        return;
      }
      default:
        assertNever(entry, 'ledger entry');
    }
  }

  result(entryCount: number, last: LedgerFold['last']): LedgerFold {
    const lots: Lot[] = this.lots.map(({ sequence, ...lot }) => lot);
    return {
      lots,
      debt: points(this.debt),
      sales: Object.fromEntries([...this.sales].map(([id, sale]) => [id, { ...sale }])),
      anomalies: [...this.anomalies],
      uniqueKeys: [...this.uniqueKeys].sort(),
      entryCount,
      last,
    };
  }

  private reverse(entry: Extract<LedgerEntry, { kind: 'refund-reversal' }>): void {
    const lot = this.lotById.get(entry.accrualEntryId);
    if (!lot) {
      this.anomalies.push({
        kind: 'unknown-reference',
        entryId: entry.id,
        reference: entry.accrualEntryId,
      });
      return;
    }
    const sale = this.sale(entry.saleId, entry.at);
    sale.spendReturned = money(
      sale.spendReturned + Math.min(entry.spendReturnedMinor, sale.spend - sale.spendReturned),
    );
    const requested = -entry.points;
    const allowed = Math.min(requested, lot.credited - lot.reversed);
    if (allowed < requested) {
      this.anomalies.push({
        kind: 'excess-reversal',
        entryId: entry.id,
        points: points(requested - allowed),
      });
    }
    lot.reversed = points(lot.reversed + allowed);
    sale.reversed = points(sale.reversed + allowed);
    const fromLot = Math.min(allowed, lot.remaining);
    lot.remaining = points(lot.remaining - fromLot);
    if (allowed > fromLot) this.debit(entry, allowed - fromLot);
  }

  private sale(saleId: string, at: number): MutableSale {
    let sale = this.sales.get(saleId);
    if (!sale) {
      sale = {
        saleId,
        at,
        spend: money(0),
        spendReturned: money(0),
        redeemed: points(0),
        returned: points(0),
        accrualEntryId: null,
        accrued: points(0),
        reversed: points(0),
        usedNextPurchaseOffer: false,
      };
      this.sales.set(saleId, sale);
    }
    return sale;
  }

  private openLot(
    entry: { id: string; availableAt: number; expiresAt: number | null },
    source: LotSource,
    credited: number,
  ): void {
    const settled = Math.min(this.debt, credited);
    this.debt -= settled;
    const lot: MutableLot = {
      id: entry.id,
      source,
      credited: points(credited),
      remaining: points(credited - settled),
      availableAt: entry.availableAt,
      expiresAt: entry.expiresAt,
      expiryRecorded: false,
      reversed: points(0),
      sequence: this.lots.length,
    };
    this.lots.push(lot);
    this.lotById.set(lot.id, lot);
    if (lot.remaining > 0) insertSorted(this.open, lot, bySpendingOrder);
  }

  /** Takes `amount` points at the entry's time: available lots, then pending ones, then debt. */
  private debit(entry: LedgerEntry, amount: number): void {
    const at = entry.at;
    let left = amount;
    // `open` is sorted by expiry first, so the lots already expired at `at` are a prefix.
    const firstUnexpired = firstIndexWhere(this.open, (lot) => (lot.expiresAt ?? Infinity) > at);
    const emptied: number[] = [];
    for (let i = firstUnexpired; i < this.open.length && left > 0; i++) {
      const lot = this.open[i] as MutableLot;
      if (lot.remaining > 0 && lot.availableAt <= at) left -= take(lot, left);
      if (lot.remaining === 0) emptied.push(i);
    }
    if (left > 0) {
      const pending = this.open
        .filter((lot) => lot.remaining > 0 && lot.availableAt > at)
        .sort((a, b) => a.availableAt - b.availableAt || a.sequence - b.sequence);
      for (const lot of pending) {
        if (left === 0) break;
        left -= take(lot, left);
      }
    }
    for (let i = emptied.length - 1; i >= 0; i--) this.open.splice(emptied[i] as number, 1);
    if (left > 0) {
      this.debt += left;
      this.anomalies.push({
        kind: 'overdraft',
        entryId: entry.id,
        cause: entry.kind,
        points: points(left),
      });
    }
  }
}

/** The first index of a sorted array where `test` holds (it holds for all after), by bisection. */
function firstIndexWhere<T>(sorted: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(sorted[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Takes up to `wanted` points from a lot; returns how many it took. */
function take(lot: MutableLot, wanted: number): number {
  const taken = Math.min(wanted, lot.remaining);
  lot.remaining = points(lot.remaining - taken);
  return taken;
}

/** Inserts into an array kept sorted by `compare`, after the elements equal to it. */
function insertSorted<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): void {
  sorted.splice(
    firstIndexWhere(sorted, (other) => compare(other, item) > 0),
    0,
    item,
  );
}

/** A lot's points can be spent at `at`: the pending period is over and they have not expired. */
export function isAvailableAt(lot: Pick<Lot, 'availableAt' | 'expiresAt'>, at: number): boolean {
  return lot.availableAt <= at && (lot.expiresAt === null || lot.expiresAt > at);
}

/** Soonest expiry first (never-expiring last), then the oldest, then the first credited. */
function bySpendingOrder(a: MutableLot, b: MutableLot): number {
  const expiryA = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const expiryB = b.expiresAt ?? Number.POSITIVE_INFINITY;
  return expiryA - expiryB || a.availableAt - b.availableAt || a.sequence - b.sequence;
}
