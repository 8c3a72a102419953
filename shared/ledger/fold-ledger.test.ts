import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { points } from '../money/money';
import { demoProgram } from '../testing/demo-program';
import { rub, testAccount } from '../testing/test-account';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { welcomeBonus } from '../bonuses/welcome-bonus';
import { manualAdjustment } from './adjustment';
import { balanceOf } from './balance';
import { extendFold, foldLedger } from './fold-ledger';
import type { LedgerEntry } from './ledger-entry';

function adjustment(
  terminal: ReturnType<typeof testTerminal>,
  customerId: string,
  day: number,
  delta: number,
): LedgerEntry {
  const result = manualAdjustment(
    demoProgram,
    { customerId, points: points(delta), reason: 'test correction', authorId: 'M1' },
    terminal.at(dayAt(day)),
  );
  if (!result.ok) throw new Error('refused');
  return result.value;
}

describe('foldLedger', () => {
  it('counts an entry received twice once (a retried sync)', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(1_000));
    const once = balanceOf(account.entries, demoProgram, dayAt(20));
    const twice = balanceOf([...account.entries, ...account.entries], demoProgram, dayAt(20));
    expect(twice.available, '50 points, not 100').toBe(once.available);
    expect(foldLedger([...account.entries, ...account.entries]).entryCount).toBe(
      account.entries.length,
    );
  });

  it('grants a once-only bonus once even when two terminals both wrote it', () => {
    const first = testTerminal({ terminalId: 'T1', seed: 1 });
    const second = testTerminal({ terminalId: 'T2', seed: 2 });
    const customerId = first.at(dayAt(0)).newId();
    const fromFirst = welcomeBonus(demoProgram, customerId, first.at(dayAt(0)));
    const fromSecond = welcomeBonus(demoProgram, customerId, second.at(dayAt(0)));
    if (!fromFirst || !fromSecond) throw new Error('demo has a welcome bonus');
    const fold = foldLedger([fromSecond, fromFirst]);
    expect(
      fold.lots.map((l) => l.credited),
      'one lot of 200, not two',
    ).toEqual([200]);
    expect(fold.anomalies.map((a) => a.kind)).toEqual(['repeated-unique-key']);
  });

  it('an overdraft (two offline terminals spending the same points) leaves a debt, flagged', () => {
    const terminal = testTerminal();
    const account = testAccount({ terminal });
    account.entries.push(adjustment(terminal, account.customerId, 0, 300));
    account.entries.push(adjustment(terminal, account.customerId, 1, -300));
    account.entries.push(adjustment(terminal, account.customerId, 1, -200));
    const fold = foldLedger(account.entries);
    expect(fold.debt, '300 − 300 − 200').toBe(200);
    expect(fold.anomalies).toMatchObject([{ kind: 'overdraft', points: 200 }]);
    expect(balanceOf(account.entries, demoProgram, dayAt(2)).negative).toBe(true);
  });

  it('the next points credited pay a debt first', () => {
    const terminal = testTerminal();
    const account = testAccount({ terminal });
    account.entries.push(adjustment(terminal, account.customerId, 0, -80));
    account.buy(dayAt(1), rub(2_000)); // 100 pending points
    const balance = account.balance(dayAt(2));
    expect([balance.available, balance.pending], 'debt 80 settled from the 100 pending').toEqual([
      0, 20,
    ]);
  });

  it('a refund never takes back more than the sale earned, nor returns more than it spent', () => {
    const account = testAccount();
    account.entries.push(adjustment(testTerminal({ seed: 3 }), account.customerId, -30, 1_000));
    const sale = account.buy(dayAt(0), rub(2_000), 300);
    const refund = account.refund(dayAt(1), sale, [rub(2_000)]);
    // A second terminal replays the same refund with new ids: the fold bounds it.
    const other = testTerminal({ terminalId: 'T2', seed: 9 }).at(dayAt(1));
    const replayed = refund.entries.map((e) => ({
      ...e,
      id: other.newId(),
      stamp: other.newStamp(),
    }));
    const fold = foldLedger([...account.entries, ...replayed]);
    expect(fold.sales[sale.record.saleId]).toMatchObject({
      redeemed: 300,
      returned: 300,
      accrued: 85,
      reversed: 85,
    });
    expect(fold.anomalies.map((a) => a.kind).sort()).toEqual(['excess-return', 'excess-reversal']);
    expect(
      balanceOf([...account.entries, ...replayed], demoProgram, dayAt(2)).available,
      'back to the 1 000 before the sale',
    ).toBe(1_000);
  });

  it('gives the same result for any order of the same entries', () => {
    const account = testAccount();
    const sale = account.buy(dayAt(0), rub(3_000));
    account.buy(dayAt(20), rub(1_000), 0);
    account.refund(dayAt(21), sale, [rub(1_000)]);
    const forward = foldLedger(account.entries);
    const backward = foldLedger([...account.entries].reverse());
    expect(backward).toEqual(forward);
  });

  it('reports an expiry or reversal that names an unknown lot and ignores it', () => {
    const account = testAccount();
    const sale = account.buy(dayAt(0), rub(1_000));
    account.refund(dayAt(1), sale, [rub(500)]);
    const withoutAccrual = account.entries.filter((e) => e.kind !== 'accrual');
    const fold = foldLedger(withoutAccrual);
    expect(fold.anomalies).toMatchObject([
      { kind: 'unknown-reference', reference: sale.record.accrualEntryId },
    ]);
    expect(fold.debt).toBe(0);
  });
});

describe('extendFold', () => {
  it('continuing the fold with later entries gives exactly the fold of everything (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 50_000, max: 400_000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (amounts, cut) => {
          const account = testAccount();
          amounts.forEach((amount, i) => {
            const now = dayAt(i * 9);
            const available = account.balance(now).available;
            account.buy(now, money(amount), available >= 100 && i % 2 === 1 ? 100 : 0);
          });
          const split = cut % (account.entries.length + 1);
          const prefix = foldLedger(account.entries.slice(0, split));
          expect(extendFold(prefix, account.entries.slice(split))).toEqual(
            foldLedger(account.entries),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses entries that sort before the fold’s last one (the caller folds everything again)', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(1_000));
    account.buy(dayAt(1), rub(1_000));
    const [first, ...rest] = account.entries;
    if (!first) throw new Error('no entries');
    expect(extendFold(foldLedger(rest), [first])).toBeNull();
    expect(extendFold(foldLedger(account.entries), [first]), 'an entry folded already').toBeNull();
  });
});
