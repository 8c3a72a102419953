import { describe, expect, it } from 'vitest';
import { rub, testAccount } from '../testing/test-account';
import { demoProgram } from '../testing/demo-program';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { overdrawnRedemptions } from './overdrawn-redemptions';

describe('overdrawnRedemptions', () => {
  it('two stores spend the same available points: the later redemption is overdrawn, the earlier is not', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(6000));
    const available = account.balance(dayAt(20)).available;
    const storeB = testTerminal({ terminalId: 'B1', storeId: 'S2', seed: 9 });
    // Both sales are quoted on the same balance, as two offline stores see it.
    const first = account.buy(dayAt(20, 12), rub(available * 10), available);
    const entries = [...account.entries];
    account.entries.splice(account.entries.length - first.entries.length, first.entries.length);
    const second = account.buy(dayAt(20, 13), rub(available * 10), available, storeB);
    const all = [...entries, ...second.entries];
    const redemption = second.entries.find((e) => e.kind === 'redemption');
    // The first sale's own accrual is pending: it does not pay for the second redemption.
    expect(overdrawnRedemptions(all, demoProgram)).toEqual([
      { entryId: redemption?.id, shortBy: available },
    ]);
    expect(overdrawnRedemptions(entries, demoProgram)).toEqual([]);
  });

  it('spending within the balance is never overdrawn', () => {
    const account = testAccount();
    account.buy(dayAt(0), rub(6000));
    account.buy(dayAt(20, 12), rub(1000), 100);
    account.buy(dayAt(20, 13), rub(1000), 100);
    expect(overdrawnRedemptions(account.entries, demoProgram)).toEqual([]);
  });
});
