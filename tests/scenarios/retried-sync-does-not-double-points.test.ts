import { describe, expect, it } from 'vitest';
import { birthdayBonusDue } from '../../shared/bonuses/birthday-bonus';
import { balanceOf } from '../../shared/ledger/balance';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { demoProgram } from '../../shared/testing/demo-program';
import { shuffled } from '../../shared/testing/integers';
import { rub, testAccount } from '../../shared/testing/test-account';
import { dayAt, testTerminal } from '../../shared/testing/test-terminal';

describe('retries and repeats never double points', () => {
  it('the same sale entries delivered three times, in any order, count once', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(2_000));
    account.buy(dayAt(40), rub(1_000), 100);
    const now = dayAt(60);
    const once = balanceOf(account.entries, demoProgram, now);
    const thrice = shuffled([...account.entries, ...account.entries, ...account.entries], 42);
    expect(balanceOf(thrice, demoProgram, now), `${once.available} available either way`).toEqual(
      once,
    );
  });

  it('a birthday bonus granted by two offline terminals counts once', () => {
    const first = testTerminal({ terminalId: 'T1', seed: 1 });
    const second = testTerminal({ terminalId: 'T2', seed: 2, clockSkewMs: -3 * 3_600_000 });
    const customer = {
      customerId: first.at(0).newId(),
      birthday: { year: 1990, month: 1, day: 8 },
    };
    const a = birthdayBonusDue(demoProgram, customer, new Set(), first.at(dayAt(3)));
    const b = birthdayBonusDue(demoProgram, customer, new Set(), second.at(dayAt(4)));
    if (!a || !b) throw new Error('both terminals see the window (7 days around 8 January)');
    const balance = balanceOf([a, b], demoProgram, dayAt(5));
    expect(balance.available, '500, not 1 000').toBe(500);
    expect(foldLedger([b, a]).anomalies.map((x) => x.kind)).toEqual(['repeated-unique-key']);
  });
});
