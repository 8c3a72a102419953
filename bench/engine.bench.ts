import { points } from '../shared/money/money';
import { checkout } from '../shared/checkout/checkout';
import { quoteCheckout } from '../shared/checkout/quote';
import type { CheckoutCustomer } from '../shared/checkout/quote';
import { balanceOf } from '../shared/ledger/balance';
import { foldLedger } from '../shared/ledger/fold-ledger';
import { parseLedgerEntry } from '../shared/ledger/ledger-entry';
import type { LedgerEntry } from '../shared/ledger/ledger-entry';
import { demoProgram } from '../shared/testing/demo-program';
import { rub, testAccount } from '../shared/testing/test-account';
import { dayAt, STORE_TIME_ZONE, testTerminal } from '../shared/testing/test-terminal';
import { measure, report } from './report';
import type { Timing } from './report';

/**
 * The loyalty engine on the checkout path: folding a customer's ledger into a balance, quoting
 * and confirming a checkout, for customers with short and very long histories. Everything the
 * cashier waits for after a scan runs these functions (plus storage, measured elsewhere).
 *
 *   npm run bench:engine
 */

/** A customer with `sales` purchases over the last years, some spending points. */
function customerWithHistory(sales: number) {
  const account = testAccount({ terminal: testTerminal({ seed: sales }) });
  const step = Math.max(1, Math.floor((3 * 365) / sales));
  for (let i = 0; i < sales; i++) {
    const day = -3 * 365 + i * step;
    const spendable = account.balance(dayAt(day)).available;
    account.buy(dayAt(day), rub(500 + (i % 7) * 300), spendable >= 100 && i % 3 === 0 ? 100 : 0);
  }
  return account;
}

/**
 * The entries as the terminal folds them: rows read back from its store (a structured clone)
 * and parsed. The test account's own objects, built step by step, fold measurably slower (try
 * `account.entries` here), which would overstate what the terminal pays.
 */
function asStored(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return entries.map((entry) => {
    const parsed = parseLedgerEntry(structuredClone(entry));
    if (!parsed.ok) throw new Error('engine bench: an entry does not parse back');
    return parsed.value;
  });
}

const timings: Timing[] = [];
for (const sales of [10, 100, 1_000]) {
  const account = customerWithHistory(sales);
  const entries = asStored(account.entries);
  const now = dayAt(1);
  const samples = sales >= 1_000 ? 200 : 2_000;
  timings.push(
    measure(`fold ledger (${entries.length} entries)`, samples, () => foldLedger(entries)),
  );
  timings.push(
    measure(`balance (${entries.length} entries)`, samples, () =>
      balanceOf(entries, demoProgram, now),
    ),
  );
  const customerAt = (at: number): CheckoutCustomer => ({
    customerId: account.customerId,
    balance: balanceOf(entries, demoProgram, at),
    clubMemberUntil: null,
    referrerId: null,
  });
  const customer = customerAt(now);
  const request = {
    lines: [{ amount: rub(2_000) }, { amount: rub(350) }],
    pointsToSpend: points(0),
  };
  timings.push(
    measure(`quote, balance given (${entries.length} entries)`, samples, () =>
      quoteCheckout(demoProgram, customer, request, { now, timeZone: STORE_TIME_ZONE }),
    ),
  );
  const terminal = testTerminal({ terminalId: 'B1' });
  timings.push(
    measure(`scan → balance → checkout (${entries.length} entries)`, samples, () => {
      const fresh = customerAt(now);
      checkout(demoProgram, fresh, request, terminal.at(now));
    }),
  );
}

report('engine', timings);
