import { describe, expect, it } from 'vitest';
import { parseLedgerEntry } from '../ledger/ledger-entry';
import { foldLedger } from '../ledger/fold-ledger';
import { rub, testAccount } from '../testing/test-account';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { checkout } from './checkout';
import type { CheckoutCustomer } from './quote';
import { demoProgram } from '../testing/demo-program';
import { points } from '../money/money';
import type { TestAccount } from '../testing/test-account';
import type { TestTerminal } from '../testing/test-terminal';

describe('checkout', () => {
  it('writes a redemption then an accrual, each a valid ledger entry, stamped in order', () => {
    const account = testAccount();
    account.buy(dayAt(-40), rub(10_000)); // 500 points, available from day −26
    const sale = account.buy(dayAt(0), rub(2_000), 200);
    expect(
      sale.entries.map((e) => [e.kind, e.points]),
      '−200 spent; (2 000 − 200) × 5 % = 90',
    ).toEqual([
      ['redemption', -200],
      ['accrual', 90],
    ]);
    for (const entry of sale.entries)
      expect(parseLedgerEntry(entry).ok, `${entry.kind} passes the schema`).toBe(true);
    const [first, second] = sale.entries;
    expect(first && second && first.stamp < second.stamp).toBe(true);
    expect(sale.record.accrualEntryId).toBe(second?.id);
  });

  it('records a purchase with 0 points as an accrual of 0: the money paid still counts', () => {
    const account = testAccount();
    const sale = account.buy(dayAt(0), rub(19.99));
    expect(sale.entries).toMatchObject([{ kind: 'accrual', points: 0, spendMinor: 1_999 }]);
  });

  it('credits the referrer once, on the referred customer’s first purchase', () => {
    const terminal = testTerminal();
    const referrer = testAccount({ terminal });
    const newcomer = testAccount({ terminal });
    const customer = (now: number) => newcomer.customer(now, { referrerId: referrer.customerId });
    const first = checkoutFor(newcomer, customer(dayAt(0)), dayAt(0), terminal);
    expect(first.entries.find((e) => e.kind === 'bonus')).toMatchObject({
      customerId: referrer.customerId,
      bonus: 'referral',
      points: 300,
      uniqueKey: `referral:${newcomer.customerId}`,
    });
    const second = checkoutFor(newcomer, customer(dayAt(40)), dayAt(40), terminal);
    expect(
      second.entries.some((e) => e.kind === 'bonus'),
      'no bonus on the second purchase',
    ).toBe(false);
    expect(
      foldLedger(first.entries.filter((e) => e.customerId === referrer.customerId)).lots[0]
        ?.credited,
    ).toBe(300);
  });
});

function checkoutFor(
  account: TestAccount,
  customer: CheckoutCustomer,
  now: number,
  terminal: TestTerminal,
) {
  const result = checkout(
    demoProgram,
    customer,
    { lines: [{ amount: rub(1_000) }], pointsToSpend: points(0) },
    terminal.at(now),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  account.entries.push(...result.value.entries.filter((e) => e.customerId === account.customerId));
  return result.value;
}
