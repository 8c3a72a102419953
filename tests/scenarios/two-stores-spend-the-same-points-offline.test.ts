import { describe, expect, it } from 'vitest';
import { points } from '../../shared/money/money';
import { manualAdjustment } from '../../shared/ledger/adjustment';
import { balanceOf } from '../../shared/ledger/balance';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { checkout } from '../../shared/checkout/checkout';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub } from '../../shared/testing/test-account';
import { DAY_ZERO, dayAt, testTerminal } from '../../shared/testing/test-terminal';
import { DAY_MS } from '../../shared/time/zoned-time';

describe('two stores spend the same points offline', () => {
  it('both sales stand, the overdraft is flagged, and the merged ledger says who owes what', () => {
    const storeA = testTerminal({ terminalId: 'A1', storeId: 'SA', seed: 11 });
    // Store B's clock runs a day behind: order of stamps must not matter to the sum.
    const storeB = testTerminal({
      terminalId: 'B1',
      storeId: 'SB',
      seed: 12,
      clockSkewMs: -DAY_MS,
    });
    const customerId = storeA.at(DAY_ZERO).newId();
    const topUp = manualAdjustment(
      demoProgram,
      { customerId, points: points(400), reason: 'opening balance', authorId: 'M1' },
      storeA.at(dayAt(-10)),
    );
    if (!topUp.ok) throw new Error('refused');
    const known: LedgerEntry[] = [topUp.value];

    // Both terminals last synced when the customer had 400 points; both go offline.
    const spend = (terminal: typeof storeA, now: number) => {
      const customer = {
        customerId,
        balance: balanceOf(known, demoProgram, now),
        clubMemberUntil: null,
        referrerId: null,
      };
      const result = checkout(
        demoProgram,
        customer,
        { lines: [{ amount: rub(1_000) }], pointsToSpend: points(300) },
        terminal.at(now),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value.entries;
    };
    const inA = spend(storeA, dayAt(0, 12));
    const inB = spend(storeB, dayAt(0, 13));

    const merged = [...known, ...inB, ...inA];
    const balance = balanceOf(merged, demoProgram, dayAt(1));
    // Each sale earned (1 000 ₽ − 300) × 5 % = 35 points. Store B's stamps sort first (its clock
    // is behind): B spends 300 of 400. A's 300 then finds 100 available and B's 35 pending:
    // 165 short. A's own 35 pay part of that debt.
    expect(balance.available + balance.pending, '400 − 300 − 300 + 35 + 35 = −130').toBe(-130);
    expect([balance.available, balance.pending], 'pending points pay the debt first').toEqual([
      -130, 0,
    ]);
    const overdrafts = balance.anomalies.filter((a) => a.kind === 'overdraft');
    expect(
      overdrafts.map((a) => a.points),
      '300 − 100 − 35 = 165 short, flagged',
    ).toEqual([165]);
    expect(
      balanceOf([...merged].reverse(), demoProgram, dayAt(1)),
      'same result in any order',
    ).toEqual(balance);
  });
});
