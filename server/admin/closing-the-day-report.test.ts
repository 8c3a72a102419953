import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundSale } from '../../shared/checkout/refund';
import type { CompletedSale } from '../../shared/checkout/checkout';
import { manualAdjustment } from '../../shared/ledger/adjustment';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { points } from '../../shared/money/money';
import type { Money } from '../../shared/money/money';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub } from '../../shared/testing/test-account';
import { dayAt, testTerminal } from '../../shared/testing/test-terminal';
import { createStore, createTerminalCode } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { pushBatch } from '../sync/push';
import { fixtureTerminal } from '../testing/sync-fixtures';
import type { FixtureTerminal } from '../testing/sync-fixtures';
import { SETUP_TIMEOUT_MS } from './test-timeouts';
import { TEST_ENGINES } from '../testing/test-databases';
import { dayReport } from './day-report';
import type { DayReport } from './day-report';
import { runCommand } from './run-command';
import demoProgramJson from '../../resources/programs/demo-program.json';

/**
 * A manager closes Saturday 2026-01-10 (day 5 of the test calendar, Moscow time) for store
 * SA. Every figure comes from real outbox messages pushed through pushBatch. Saturday has no
 * happy hours, and each sale is its customer's first, so accrual is the plain 5 % of the money
 * paid (rounded down) with no next-purchase offer.
 */
const REPORT_DAY = 5;
const DAY_START = dayAt(REPORT_DAY, 0);
const DAY_END = dayAt(REPORT_DAY + 1, 0);

/** A refund or adjustment made on a fixture terminal: the same terminal id, its own clock. */
function operations(fixture: FixtureTerminal, seed: number) {
  const terminal = testTerminal({ terminalId: fixture.terminalId, storeId: fixture.storeId, seed });
  return {
    refund(now: number, sale: CompletedSale, amount: Money): OutboxMessage {
      const refunded = refundSale(
        demoProgram,
        sale.record,
        [],
        { lines: [{ lineIndex: 0, amount }] },
        terminal.at(now),
      );
      if (!refunded.ok) throw new Error(`refund refused: ${JSON.stringify(refunded.error)}`);
      return fixture.message(now, 'refund', { entries: refunded.value.entries });
    },
    adjust(now: number, customerId: string, change: number): OutboxMessage {
      const entry = manualAdjustment(
        demoProgram,
        { customerId, points: points(change), reason: 'counted by hand', authorId: 'M1' },
        terminal.at(now),
      );
      if (!entry.ok) throw new Error(`adjustment refused: ${entry.error.code}`);
      return fixture.message(now, 'adjustment', { entries: [entry.value] });
    },
    /** The same once-only bonus again, as a second offline terminal would grant it. */
    repeatBonus(now: number, bonus: LedgerEntry): OutboxMessage {
      const ctx = terminal.at(now);
      return fixture.message(now, 'bonus', {
        entries: [
          {
            ...bonus,
            id: ctx.newId(),
            stamp: ctx.newStamp(),
            at: ctx.now,
            terminalId: ctx.terminalId,
          },
        ],
      });
    },
  };
}

function storeDay() {
  const a1 = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 21 });
  const a2 = fixtureTerminal({ terminalId: 'A2', storeId: 'SA', seed: 22 });
  const b1 = fixtureTerminal({ terminalId: 'B1', storeId: 'SB', seed: 23 });
  const a1x = operations(a1, 31);
  const a2x = operations(a2, 32);

  // Day 0, Monday 12:30 (after happy hours): customers enrolled before the report day.
  const c1 = a1.enrol(dayAt(0, 12.5), '79990000001');
  const c2 = a1.enrol(dayAt(0, 12.5), '79990000002');
  const c4 = a1.enrol(dayAt(0, 12.5), '79990000004');

  // Friday 23:59:59.999: the day before, not in the report.
  const fridayLate = a2.sell(DAY_START - 1, c4.customer.id, rub(700));
  // Saturday 00:00:00.000 sharp: C1 pays 1 000 ₽ with 200 welcome points (cap 30 % = 300).
  const saleC1 = a1.sell(DAY_START, c1.customer.id, rub(1000), 200);
  // 12:00 C3 enrols (welcome bonus 200) with C4's phone: a duplicate-phone flag for SA.
  const c3 = a2.enrol(dayAt(REPORT_DAY, 12), '79990000004');
  // 13:00 C3 buys for 2 000 ₽ without points.
  const saleC3 = a2.sell(dayAt(REPORT_DAY, 13), c3.customer.id, rub(2000));
  // 14:00 a sale for a customer the server never heard of: rejected, stores no entries.
  const stranger = testTerminal({ seed: 99 }).at(dayAt(REPORT_DAY, 14)).newId();
  const rejectedSale = a2.sell(dayAt(REPORT_DAY, 14), stranger, rub(900));
  // 15:00 store SB's sale: another store, not in SA's report.
  const c5 = b1.enrol(dayAt(REPORT_DAY, 15), '79990000005');
  const saleSB = b1.sell(dayAt(REPORT_DAY, 15.5), c5.customer.id, rub(5000));
  // 18:00 C3 returns half of the 2 000 ₽. 19:00 C1 returns everything.
  const refundC3 = a2x.refund(dayAt(REPORT_DAY, 18), saleC3.sale, rub(1000));
  const refundC1 = a1x.refund(dayAt(REPORT_DAY, 19), saleC1.sale, rub(1000));
  // 20:00 two manual corrections: +50 to C2, −30 to C3.
  const plus = a2x.adjust(dayAt(REPORT_DAY, 20), c2.customer.id, 50);
  const minus = a2x.adjust(dayAt(REPORT_DAY, 20.5), c3.customer.id, -30);
  // 21:00 terminal A1 grants C3's welcome bonus again (same uniqueKey, later stamp).
  const welcomeC3 = c3.message.entries.find((entry) => entry.kind === 'bonus');
  if (!welcomeC3) throw new Error('the demo program gives a welcome bonus');
  const repeated = a1x.repeatBonus(dayAt(REPORT_DAY, 21), welcomeC3);
  // 23:59:59.999: C2 buys for 300 ₽, the last instant of the day.
  const saleC2 = a1.sell(DAY_END - 1, c2.customer.id, rub(300));
  // Sunday 00:00 sharp: the next day, not in the report.
  const sunday = a1.sell(DAY_END, c1.customer.id, rub(500));

  const batches: OutboxMessage[][] = [
    [c1.message, c2.message, c4.message],
    [fridayLate.message, saleC1.message, c3.message, saleC3.message, rejectedSale.message],
    [c5.message, saleSB.message],
    [refundC3, refundC1, plus, minus, repeated, saleC2.message, sunday.message],
  ];
  return { batches };
}

describe.each(TEST_ENGINES)('closing the day: day report on $name', (engine) => {
  let sql: Sql;
  let report: DayReport;

  beforeAll(async () => {
    sql = await engine.open();
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
    await createStore(sql, { id: 'SA', name: 'Store A', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'SB', name: 'Store B', timeZone: 'Europe/Moscow' });
    for (const [storeId, terminalId] of [
      ['SA', 'A1'],
      ['SA', 'A2'],
      ['SA', 'A3'],
      ['SB', 'B1'],
    ] as const)
      expect((await createTerminalCode(sql, { storeId, terminalId, now: dayAt(0) })).ok).toBe(true);
    const programs = createProgramStore();
    const results = [];
    for (const batch of storeDay().batches)
      results.push(...(await pushBatch(sql, programs, batch, dayAt(30))));
    // 3 enrolments, Friday's sale, C1's sale, C3's enrolment and sale; the stranger's sale.
    expect(results.map((result) => result.status)).toEqual([
      ...Array<string>(7).fill('applied'),
      'rejected',
      ...Array<string>(9).fill('applied'),
    ]);
    // pushBatch stamps received_at with the database clock (today, for real). Here the
    // terminals were online: each message reached the server when it was made.
    await sql.query(
      `update messages set received_at = timestamptz 'epoch' + created_at_ms * interval '1 millisecond'`,
    );
    const made = await dayReport(sql, 'SA', { year: 2026, month: 1, day: 10 });
    if (!made.ok) throw new Error(made.error);
    report = made.value;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
  });

  it('covers Saturday in Moscow: [Fri 21:00 UTC, Sat 21:00 UTC)', () => {
    expect([report.startMs, report.endMs]).toEqual([DAY_START, DAY_END]);
    expect(DAY_START).toBe(Date.UTC(2026, 0, 9, 21));
  });

  it('counts sales, the money paid and the points they earned', () => {
    // Sales of the day: C1 at 00:00:00.000, C3 at 13:00, C2 at 23:59:59.999 (Friday's
    // 23:59:59.999 sale, Sunday's 00:00 sale, store SB's and the rejected one are out).
    expect(report.sales.count, '3 sales: C1, C3, C2').toBe(3);
    // Money paid: C1 1 000 ₽ − 200 points × 1 ₽ = 800 ₽; C3 2 000 ₽; C2 300 ₽.
    expect(report.sales.spend, '800 + 2 000 + 300 = 3 100 ₽ = 310 000 kopecks').toBe(310_000);
    // 5 %, rounded down: 800 → 40, 2 000 → 100, 300 → 15.
    expect(report.sales.pointsAccrued, '40 + 100 + 15 = 155 points').toBe(155);
    expect(report.redemptions, 'one sale paid partly with 200 points (C1)').toEqual({
      count: 1,
      pointsSpent: 200,
    });
  });

  it('counts refunds, with the points reversed and given back', () => {
    // C3 returns 1 000 ₽ of 2 000 ₽: reversed ceil(100 × 1 000 / 2 000) = 50, money back
    // 1 000 ₽, no points to give back. C1 returns all: reversed 40, points back 200, money
    // back 800 ₽ (what C1 paid in money).
    expect(
      report.refunds,
      '2 refunds; 50 + 40 = 90 reversed; 200 returned; 1 000 + 800 ₽ back',
    ).toEqual({
      count: 2,
      moneyBack: 180_000,
      pointsReversed: 90,
      pointsReturned: 200,
    });
  });

  it('counts bonuses once, adjustments both ways, and nets the day', () => {
    // C3's welcome bonus (200) counts; A1's repeat of it (same uniqueKey, later stamp) is
    // stored but never counted, like in the ledger fold. C1's and C2's were on day 0.
    expect(report.bonuses, 'one welcome bonus of 200').toEqual({ count: 1, points: 200 });
    expect(report.repeatsIgnored, 'the repeated welcome bonus').toBe(1);
    expect(report.adjustments, '+50 to C2, −30 to C3').toEqual({
      count: 2,
      pointsAdded: 50,
      pointsRemoved: 30,
    });
    expect(report.expiries).toEqual({ count: 0, pointsExpired: 0 });
    expect(
      report.netPoints,
      'accrued 155 − spent 200 − reversed 90 + returned 200 + bonus 200 + 50 − 30 = 285',
    ).toBe(155 - 200 - 90 + 200 + 200 + 50 - 30);
  });

  it('counts the messages each terminal sent that day, a silent terminal too', () => {
    // A1: sale C1, refund C1, repeated bonus, sale C2 (day-0 enrolments, Sunday's sale out).
    // A2: enrolment C3, sale C3, refund C3, two adjustments, and the rejected sale (Friday's
    // sale out). A3 sent nothing: it shows 0, so a manager notices it.
    expect(report.terminals).toEqual([
      { terminalId: 'A1', applied: 4, rejected: 0 },
      { terminalId: 'A2', applied: 5, rejected: 1 },
      { terminalId: 'A3', applied: 0, rejected: 0 },
    ]);
  });

  it('lists the store’s open flags', () => {
    expect(report.openFlags.map((flag) => [flag.kind, flag.storeId])).toEqual([
      ['duplicate-phone', 'SA'],
    ]);
  });

  it('another store and an empty day report zeros, not nulls', async () => {
    const other = await dayReport(sql, 'SB', { year: 2026, month: 1, day: 11 });
    expect(other).toMatchObject({
      ok: true,
      value: {
        sales: { count: 0, spend: 0, pointsAccrued: 0 },
        refunds: { count: 0, moneyBack: 0, pointsReversed: 0, pointsReturned: 0 },
        netPoints: 0,
        terminals: [{ terminalId: 'B1', applied: 0, rejected: 0 }],
      },
    });
  });

  it('prints the report as a table; an unknown store is refused with exit 1', async () => {
    const printed = await runCommand(
      sql,
      { name: 'day-report', storeId: 'SA', date: { year: 2026, month: 1, day: 10 } },
      dayAt(REPORT_DAY + 1),
    );
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toContain('Day report: store SA "Store A", 2026-01-10 (Europe/Moscow)');
    expect(printed.stdout).toContain('From 2026-01-10 00:00 to 2026-01-11 00:00 local time (24 h)');
    expect(printed.stdout).toMatch(/^Sales +3$/m);
    expect(printed.stdout).toMatch(/^Money spent +₽3,100\.00$/m);
    expect(printed.stdout).toMatch(/^Money back on refunds +₽1,800\.00$/m);
    expect(printed.stdout).toMatch(/^Net points \(all of the above\) +285$/m);
    expect(printed.stdout).toMatch(/^A2 +5 +1$/m);
    expect(printed.stdout).toMatch(/duplicate-phone/);
    const unknown = await runCommand(
      sql,
      { name: 'day-report', storeId: 'SX', date: { year: 2026, month: 1, day: 10 } },
      dayAt(REPORT_DAY + 1),
    );
    expect(unknown).toEqual({ exitCode: 1, stdout: '', stderr: 'error: store SX does not exist' });
  });
});
