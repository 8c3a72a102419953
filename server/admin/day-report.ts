import { money, points } from '../../shared/money/money';
import type { Money, Points } from '../../shared/money/money';
import type { LocalDate } from '../../shared/time/zoned-time';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { Sql } from '../db/sql';
import { dbInteger, dbText } from './db-values';
import { listFlags } from './flag-admin';
import type { FlagRow } from './flag-admin';
import { localDayBounds } from '../../shared/time/local-day-bounds';
import { storeOf } from './terminal-admin';
import type { Store } from './terminal-admin';

/**
 * A store's calendar day, from the authoritative ledger: the entries of the store whose
 * `at` (the terminal's clock at the operation) falls in the day, in the store's time zone.
 *
 * Every figure is a plain sum over those entries, with the sign turned so that each reads
 * as a positive amount, and `netPoints` is the sum of all of them as stored:
 *
 *   netPoints = accrued − spent − reversed + returned + bonuses + added − removed − expired
 *
 * A once-only entry (bonus, expiry) that repeats a key an earlier entry of the customer
 * holds (two offline terminals granting one birthday bonus) is stored but never counted by
 * the ledger fold (fold-ledger.ts); the report leaves it out the same way and counts it in
 * `repeatsIgnored`.
 */
export type DayReport = {
  readonly store: Store;
  readonly date: LocalDate;
  /** The day in epoch ms, [startMs, endMs): 23 or 25 hours on a clock-change day. */
  readonly startMs: number;
  readonly endMs: number;
  /** Sales: distinct sale ids of accruals (every sale has one, even with 0 points). */
  readonly sales: { readonly count: number; readonly spend: Money; readonly pointsAccrued: Points };
  readonly redemptions: { readonly count: number; readonly pointsSpent: Points };
  /** Refunds: distinct refund ids; money back is what the reversal entries record. */
  readonly refunds: {
    readonly count: number;
    readonly moneyBack: Money;
    readonly pointsReversed: Points;
    readonly pointsReturned: Points;
  };
  readonly bonuses: { readonly count: number; readonly points: Points };
  readonly adjustments: {
    readonly count: number;
    readonly pointsAdded: Points;
    readonly pointsRemoved: Points;
  };
  readonly expiries: { readonly count: number; readonly pointsExpired: Points };
  readonly netPoints: Points;
  readonly repeatsIgnored: number;
  /** Every terminal of the store, silent ones too: a terminal that sent nothing shows 0. */
  readonly terminals: readonly TerminalDay[];
  /** The store's flags still open, whatever day they were raised. */
  readonly openFlags: readonly FlagRow[];
};

/** Messages the server received from a terminal during the day, by the server's clock. */
export type TerminalDay = {
  readonly terminalId: string;
  readonly applied: number;
  readonly rejected: number;
};

export async function dayReport(
  sql: Sql,
  storeId: string,
  date: LocalDate,
): Promise<Result<DayReport, string>> {
  const store = await storeOf(sql, storeId);
  if (!store) return err(`store ${storeId} does not exist`);
  const { startMs, endMs } = localDayBounds(date, store.timeZone);
  const [totals, terminals, openFlags] = [
    await ledgerTotals(sql, storeId, startMs, endMs),
    await terminalDays(sql, storeId, startMs, endMs),
    await listFlags(sql, { kind: null, storeId, includeResolved: false }),
  ];
  return ok({ store, date, startMs, endMs, ...totals, terminals, openFlags });
}

type LedgerTotals = Pick<
  DayReport,
  | 'sales'
  | 'redemptions'
  | 'refunds'
  | 'bonuses'
  | 'adjustments'
  | 'expiries'
  | 'netPoints'
  | 'repeatsIgnored'
>;

async function ledgerTotals(
  sql: Sql,
  storeId: string,
  startMs: number,
  endMs: number,
): Promise<LedgerTotals> {
  // `counts` mirrors the fold's once-only rule: an entry counts unless an entry of the same
  // customer with the same uniqueKey sorts before it by (stamp, id). Entries without a
  // uniqueKey compare with null, find nothing, and count. The customer index keeps the
  // lookup to one customer's ledger.
  const rows = await sql.query(
    `with day as (
       select e.kind, e.points, e.entry,
              not exists (
                select 1 from ledger_entries o
                where o.customer_id = e.customer_id
                  and o.kind in ('bonus', 'expiry')
                  and o.entry->>'uniqueKey' = e.entry->>'uniqueKey'
                  and (o.stamp, o.id) < (e.stamp, e.id)
              ) as counts
       from ledger_entries e
       where e.store_id = $1 and e.at_ms >= $2 and e.at_ms < $3
     ), counted as (select * from day where counts)
     select
       count(distinct entry->>'saleId') filter (where kind = 'accrual') as sales,
       sum((entry->>'spendMinor')::bigint) filter (where kind = 'accrual') as spend_minor,
       sum(points) filter (where kind = 'accrual') as points_accrued,
       count(*) filter (where kind = 'redemption') as redemptions,
       -sum(points) filter (where kind = 'redemption') as points_spent,
       count(distinct entry->>'refundId')
         filter (where kind in ('refund-reversal', 'refund-return')) as refunds,
       sum((entry->>'spendReturnedMinor')::bigint)
         filter (where kind = 'refund-reversal') as money_back_minor,
       -sum(points) filter (where kind = 'refund-reversal') as points_reversed,
       sum(points) filter (where kind = 'refund-return') as points_returned,
       count(*) filter (where kind = 'bonus') as bonuses,
       sum(points) filter (where kind = 'bonus') as bonus_points,
       count(*) filter (where kind = 'adjustment') as adjustments,
       sum(points) filter (where kind = 'adjustment' and points > 0) as points_added,
       -sum(points) filter (where kind = 'adjustment' and points < 0) as points_removed,
       count(*) filter (where kind = 'expiry') as expiries,
       -sum(points) filter (where kind = 'expiry') as points_expired,
       sum(points) as net_points,
       (select count(*) from day where not counts) as repeats_ignored
     from counted`,
    [storeId, startMs, endMs],
  );
  const row = rows[0] ?? {};
  // sum() over no rows is null: a day without such entries sums to 0.
  const figure = (column: string): number => dbInteger(row[column] ?? 0, `day report ${column}`);
  return {
    sales: {
      count: figure('sales'),
      spend: money(figure('spend_minor')),
      pointsAccrued: points(figure('points_accrued')),
    },
    redemptions: { count: figure('redemptions'), pointsSpent: points(figure('points_spent')) },
    refunds: {
      count: figure('refunds'),
      moneyBack: money(figure('money_back_minor')),
      pointsReversed: points(figure('points_reversed')),
      pointsReturned: points(figure('points_returned')),
    },
    bonuses: { count: figure('bonuses'), points: points(figure('bonus_points')) },
    adjustments: {
      count: figure('adjustments'),
      pointsAdded: points(figure('points_added')),
      pointsRemoved: points(figure('points_removed')),
    },
    expiries: { count: figure('expiries'), pointsExpired: points(figure('points_expired')) },
    netPoints: points(figure('net_points')),
    repeatsIgnored: figure('repeats_ignored'),
  };
}

async function terminalDays(
  sql: Sql,
  storeId: string,
  startMs: number,
  endMs: number,
): Promise<readonly TerminalDay[]> {
  const rows = await sql.query(
    `select t.id,
            count(m.id) filter (where m.status = 'applied') as applied,
            count(m.id) filter (where m.status = 'rejected') as rejected
     from terminals t
     left join messages m
       on m.terminal_id = t.id and m.received_at >= $2 and m.received_at < $3
     where t.store_id = $1
     group by t.id, t.card_block
     order by t.card_block`,
    [storeId, new Date(startMs), new Date(endMs)],
  );
  return rows.map((row) => ({
    terminalId: dbText(row['id'], 'terminals.id'),
    applied: dbInteger(row['applied'], 'applied messages'),
    rejected: dbInteger(row['rejected'], 'rejected messages'),
  }));
}
