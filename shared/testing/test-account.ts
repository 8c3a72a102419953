import { money, points } from '../money/money';
import type { Money } from '../money/money';
import type { Program } from '../program/program-schema';
import { balanceOf } from '../ledger/balance';
import type { CustomerBalance } from '../ledger/balance';
import type { LedgerEntry } from '../ledger/ledger-entry';
import { checkout } from '../checkout/checkout';
import type { CompletedSale } from '../checkout/checkout';
import type { BasketLine, CheckoutCustomer } from '../checkout/quote';
import { refundSale } from '../checkout/refund';
import type { CompletedRefund } from '../checkout/refund';
import { demoProgram } from './demo-program';
import { DAY_ZERO, testTerminal } from './test-terminal';
import type { TestTerminal } from './test-terminal';

/** Roubles to kopecks, for readable tests: rub(1700) = 170 000 kopecks. */
export function rub(roubles: number): Money {
  return money(Math.round(roubles * 100));
}

/**
 * One customer's ledger driven through the real engine, for scenario and property tests:
 * sales, refunds and extra entries accumulate in `entries`, and balances are folds of them.
 */
export type TestAccount = {
  readonly customerId: string;
  readonly entries: LedgerEntry[];
  readonly balance: (now: number) => CustomerBalance;
  readonly customer: (now: number, extra?: Partial<CheckoutCustomer>) => CheckoutCustomer;
  /** A sale of one amount or of basket lines; throws if the engine refuses it. */
  readonly buy: (
    now: number,
    basket: Money | readonly BasketLine[],
    pointsToSpend?: number,
    terminal?: TestTerminal,
  ) => CompletedSale;
  /** Refunds amounts of a sale's lines (index → amount); throws if refused. */
  readonly refund: (now: number, sale: CompletedSale, amounts: readonly Money[]) => CompletedRefund;
};

export function testAccount(
  options: { readonly program?: Program; readonly terminal?: TestTerminal } = {},
): TestAccount {
  const program = options.program ?? demoProgram;
  const terminal = options.terminal ?? testTerminal();
  const customerId = terminal.at(DAY_ZERO).newId();
  const entries: LedgerEntry[] = [];
  const refunded = new Map<string, readonly Money[]>();

  const balance = (now: number): CustomerBalance => balanceOf(entries, program, now);
  const customer = (now: number, extra: Partial<CheckoutCustomer> = {}): CheckoutCustomer => ({
    customerId,
    balance: balance(now),
    clubMemberUntil: null,
    referrerId: null,
    ...extra,
  });

  return {
    customerId,
    entries,
    balance,
    customer,
    buy: (now, basket, pointsToSpend = 0, onTerminal = terminal) => {
      const lines = typeof basket === 'number' ? [{ amount: basket }] : basket;
      const result = checkout(
        program,
        customer(now),
        { lines, pointsToSpend: points(pointsToSpend) },
        onTerminal.at(now),
      );
      if (!result.ok) throw new Error(`checkout refused: ${JSON.stringify(result.error)}`);
      entries.push(...result.value.entries);
      return result.value;
    },
    refund: (now, sale, amounts) => {
      const before = refunded.get(sale.record.saleId) ?? [];
      const request = { lines: amounts.map((amount, lineIndex) => ({ lineIndex, amount })) };
      const result = refundSale(program, sale.record, before, request, terminal.at(now));
      if (!result.ok) throw new Error(`refund refused: ${JSON.stringify(result.error)}`);
      refunded.set(sale.record.saleId, result.value.refundedByLine);
      entries.push(...result.value.entries);
      return result.value;
    },
  };
}
