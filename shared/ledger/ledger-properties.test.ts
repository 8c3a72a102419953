import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, points } from '../money/money';
import type { Money } from '../money/money';
import { checkout } from '../checkout/checkout';
import type { CompletedSale } from '../checkout/checkout';
import { refundSale } from '../checkout/refund';
import { welcomeBonus } from '../bonuses/welcome-bonus';
import { demoProgram } from '../testing/demo-program';
import { nonIntegers, shuffled } from '../testing/integers';
import { testAccount } from '../testing/test-account';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { DAY_MS } from '../time/zoned-time';
import { manualAdjustment } from './adjustment';
import { balanceOf } from './balance';
import { expireDue } from './expiry';
import { foldLedger } from './fold-ledger';
import type { LedgerEntry } from './ledger-entry';

/**
 * Properties that must hold for ANY sequence of operations on a customer, driven through the
 * real engine with the demo program: sales with random baskets and points spent, partial and
 * full refunds, manual adjustments, welcome bonuses (repeated), expiry runs, time passing.
 */

type Op =
  | { kind: 'wait'; hours: number }
  | { kind: 'sale'; lines: number[]; spendPercent: number }
  | { kind: 'refund'; sale: number; percents: number[] }
  | { kind: 'adjust'; points: number }
  | { kind: 'welcome' }
  | { kind: 'expire' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      hours: fc.integer({ min: 0, max: 24 * 120 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      lines: fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 4 }),
      spendPercent: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      sale: fc.nat(),
      percents: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      points: fc.integer({ min: -2_000, max: 2_000 }).filter((p) => p !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('welcome' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
);

type Run = {
  entries: LedgerEntry[];
  sales: { sale: CompletedSale; refunded: Money[] }[];
  now: number;
  customerId: string;
};

/** Replays the operations, checking the per-operation properties; returns the ledger. */
function replay(ops: readonly Op[]): Run {
  const terminal = testTerminal();
  const account = testAccount({ terminal });
  const run: Run = {
    entries: account.entries,
    sales: [],
    now: dayAt(0),
    customerId: account.customerId,
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'wait':
        run.now += op.hours * 3_600_000;
        break;
      case 'sale': {
        const lines = op.lines.map((amount) => ({ amount: money(amount) }));
        const customer = account.customer(run.now);
        const probe = checkout(
          demoProgram,
          customer,
          { lines, pointsToSpend: points(0) },
          terminal.at(run.now),
        );
        if (!probe.ok) break; // a basket of zeroes: refused, nothing written
        const { maxPoints, minPoints } = probe.value.quote.redemption;
        const wanted = Math.floor((maxPoints * op.spendPercent) / 100);
        const spend = wanted >= minPoints ? wanted : 0;
        const result = checkout(
          demoProgram,
          customer,
          { lines, pointsToSpend: points(spend) },
          terminal.at(run.now),
        );
        if (!result.ok)
          throw new Error(`a spend inside the range was refused: ${JSON.stringify(result.error)}`);
        const { quote } = result.value;
        const capPoints = Math.floor(Math.floor((quote.total * 3_000) / 10_000) / 100);
        expect(
          quote.redemption.spent,
          `spent ≤ cap: floor(30 % of ${quote.total} kopecks) = ${capPoints} points`,
        ).toBeLessThanOrEqual(capPoints);
        expect(
          quote.redemption.spent,
          `spent ≤ available ${customer.balance.available}`,
        ).toBeLessThanOrEqual(Math.max(0, customer.balance.available));
        const maxAccrual = Math.floor((quote.toPay * 1_000 * 200) / (10_000 * 100 * 100));
        expect(
          quote.accrual.points,
          `earned ≤ paid ${quote.toPay} × best rate 10 % × ×2`,
        ).toBeLessThanOrEqual(maxAccrual);
        expect(nonIntegers(result.value), 'the sale holds only integers').toEqual([]);
        run.entries.push(...result.value.entries);
        run.sales.push({
          sale: result.value,
          refunded: result.value.record.lines.map(() => money(0)),
        });
        break;
      }
      case 'refund': {
        const target = run.sales[op.sale % Math.max(1, run.sales.length)];
        if (!target) break;
        const request = {
          lines: target.sale.record.lines.map((line, lineIndex) => ({
            lineIndex,
            amount: money(
              Math.floor(
                ((line.net - (target.refunded[lineIndex] ?? 0)) * (op.percents[lineIndex] ?? 100)) /
                  100,
              ),
            ),
          })),
        };
        const result = refundSale(
          demoProgram,
          target.sale.record,
          target.refunded,
          request,
          terminal.at(run.now),
        );
        if (!result.ok) {
          expect(result.error.code, 'only an empty refund may be refused').toBe(
            'nothing-to-refund',
          );
          break;
        }
        expect(nonIntegers(result.value), 'the refund holds only integers').toEqual([]);
        target.refunded = [...result.value.refundedByLine];
        run.entries.push(...result.value.entries);
        break;
      }
      case 'adjust': {
        const result = manualAdjustment(
          demoProgram,
          {
            customerId: run.customerId,
            points: points(op.points),
            reason: 'property test',
            authorId: 'M1',
          },
          terminal.at(run.now),
        );
        if (result.ok) run.entries.push(result.value);
        break;
      }
      case 'welcome': {
        const bonus = welcomeBonus(demoProgram, run.customerId, terminal.at(run.now));
        if (bonus) run.entries.push(bonus);
        break;
      }
      case 'expire':
        run.entries.push(
          ...expireDue(demoProgram, run.customerId, account.balance(run.now), terminal.at(run.now)),
        );
        break;
    }
  }
  return run;
}

const opsArb = fc.array(opArb, { maxLength: 30 });
const RUNS = { numRuns: 150 };

describe('ledger properties (any sequence of operations)', () => {
  it('the balance is the same fold for any order and any repetition of the entries', () => {
    fc.assert(
      fc.property(
        opsArb,
        fc.integer(),
        fc.integer({ min: 0, max: 400 }),
        (ops, seed, daysLater) => {
          const run = replay(ops);
          const now = run.now + daysLater * DAY_MS;
          const reference = balanceOf(run.entries, demoProgram, now);
          const repeated = [
            ...run.entries,
            ...shuffled(run.entries, seed).slice(0, Math.abs(seed) % (run.entries.length + 1)),
          ];
          expect(balanceOf(shuffled(repeated, seed + 1), demoProgram, now)).toEqual(reference);
        },
      ),
      RUNS,
    );
  });

  it('no operation creates points from nothing: the balance is exactly the sum of the counted entries', () => {
    fc.assert(
      fc.property(opsArb, fc.integer({ min: 0, max: 400 }), (ops, daysLater) => {
        const run = replay(ops);
        const fold = foldLedger(run.entries);
        const ignoredIds = new Set(
          fold.anomalies.filter((a) => a.kind === 'repeated-unique-key').map((a) => a.entryId),
        );
        const bounded = fold.anomalies.filter(
          (a) => a.kind !== 'repeated-unique-key' && a.kind !== 'overdraft',
        );
        expect(bounded, 'a single terminal never needs refunds or expiries bounded').toEqual([]);
        const sum = run.entries
          .filter((e) => !ignoredIds.has(e.id))
          .reduce((s, e) => s + e.points, 0);
        const balance = balanceOf(run.entries, demoProgram, run.now + daysLater * DAY_MS);
        const due = balance.dueForExpiry.reduce((s, d) => s + d.points, 0);
        expect(
          balance.available + balance.pending + due,
          `available ${balance.available} + pending ${balance.pending} + due for expiry ${due} = Σ entries`,
        ).toBe(sum);
        expect(nonIntegers(balance), 'the balance holds only integers').toEqual([]);
      }),
      RUNS,
    );
  });

  it('refunds never keep points: per sale, returned ≤ spent and reversed ≤ earned, equal once refunded in full', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const run = replay(ops);
        const fold = foldLedger(run.entries);
        for (const { sale, refunded } of run.sales) {
          const totals = fold.sales[sale.record.saleId];
          if (!totals) throw new Error('sale missing from the fold');
          expect(totals.returned).toBeLessThanOrEqual(totals.redeemed);
          expect(totals.reversed).toBeLessThanOrEqual(totals.accrued);
          expect(totals.spendReturned).toBeLessThanOrEqual(totals.spend);
          const full = sale.record.lines.every((line, i) => (refunded[i] ?? 0) === line.net);
          if (full) {
            expect(
              [totals.returned, totals.reversed, totals.spendReturned],
              'full refund: spent, earned and paid all come back',
            ).toEqual([totals.redeemed, totals.accrued, totals.spend]);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('a full refund of a sale nets its points to zero', () => {
  it('for any basket, any points spent and any split of the refund into partial ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (amounts, spendPercent, splits) => {
          const terminal = testTerminal();
          const account = testAccount({ terminal });
          const topUp = manualAdjustment(
            demoProgram,
            {
              customerId: account.customerId,
              points: points(50_000),
              reason: 'starting balance',
              authorId: 'M1',
            },
            terminal.at(dayAt(-1)),
          );
          if (!topUp.ok) throw new Error('refused');
          account.entries.push(topUp.value);
          const now = dayAt(0);
          const before = account.balance(now);
          const probe = account.customer(now);
          const quote = checkout(
            demoProgram,
            probe,
            { lines: amounts.map((a) => ({ amount: money(a) })), pointsToSpend: points(0) },
            terminal.at(now),
          );
          if (!quote.ok) throw new Error('refused');
          const max = quote.value.quote.redemption.maxPoints;
          const wanted = Math.floor((max * spendPercent) / 100);
          const sale = account.buy(
            now,
            amounts.map((a) => ({ amount: money(a) })),
            wanted >= 100 ? wanted : 0,
          );
          let moneyBack = 0;
          let refunded = sale.record.lines.map(() => 0);
          splits.forEach((percent, k) => {
            const last = k === splits.length - 1;
            const amounts = sale.record.lines.map((line, i) =>
              money(
                last
                  ? line.net - (refunded[i] ?? 0)
                  : Math.floor(((line.net - (refunded[i] ?? 0)) * percent) / 100),
              ),
            );
            if (amounts.every((a) => a === 0)) return;
            const refund = account.refund(now, sale, amounts);
            moneyBack += refund.moneyBack;
            refunded = [...refund.refundedByLine];
          });
          const after = account.balance(now);
          expect(
            after.available + after.pending,
            `before the sale ${before.available} + ${before.pending}; after sale and refunds the same`,
          ).toBe(before.available + before.pending);
          expect(moneyBack, `money back = money paid ${sale.quote.toPay}`).toBe(sale.quote.toPay);
        },
      ),
      { numRuns: 300 },
    );
  });
});
