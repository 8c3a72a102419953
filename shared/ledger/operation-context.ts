import type { HlcStamp } from '../ids/hybrid-logical-clock';

/**
 * Who, where and when an operation happens, and where its ids and stamps come from. Passed in
 * to every function that creates ledger entries: no global clock, no global random source.
 */
export type OperationContext = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly cashierId: string;
  /** The terminal's wall clock at the operation, epoch ms. */
  readonly now: number;
  /** The store's IANA time zone: happy hours and birthdays are local to the store. */
  readonly timeZone: string;
  /** A new UUIDv7 for each call. */
  readonly newId: () => string;
  /** A new hybrid-logical-clock stamp for each call, increasing. */
  readonly newStamp: () => HlcStamp;
};

/** The fields every ledger entry takes from the context. */
export function entryOrigin(ctx: OperationContext, customerId: string, programVersion: number) {
  return {
    id: ctx.newId(),
    customerId,
    stamp: ctx.newStamp(),
    at: ctx.now,
    terminalId: ctx.terminalId,
    storeId: ctx.storeId,
    cashierId: ctx.cashierId,
    programVersion,
  };
}
