import type { Program } from '../../shared/program/program-schema';
import { generateDemoCustomers } from '../../shared/demo-data/generate-demo-customers';
import { toCustomerRow } from '../db/customer-rows';
import type { BalanceRow, CardRow, CustomerRow, LedgerRow } from '../db/rows';

/** The rows of a run of demo customers, ready to write: one table per array. */
export type DemoChunk = {
  readonly customers: readonly CustomerRow[];
  readonly cards: readonly CardRow[];
  readonly ledger: readonly LedgerRow[];
  readonly balances: readonly BalanceRow[];
};

/** Demo customers `fromIndex` … (see generateDemoCustomers) as the terminal's rows. */
export function generateDemoChunk(
  seed: number,
  fromIndex: number,
  count: number,
  now: number,
  program: Program,
): DemoChunk {
  const demo = generateDemoCustomers(seed, fromIndex, count, now, program);
  return { ...demo, customers: demo.customers.map(toCustomerRow) };
}
