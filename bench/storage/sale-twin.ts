import type {
  BalanceRow,
  LedgerRow,
  OutboxRow,
  ReceiptRow,
  SettingsRow,
} from '../../renderer/db/rows';

/** The rows one sale wrote through the terminal, to be written again raw (rawCommitSale). */
export type SaleRows = {
  readonly customerId: string;
  readonly entries: readonly LedgerRow[];
  readonly balance: BalanceRow;
  readonly receipt: ReceiptRow;
  readonly counters: SettingsRow;
  readonly message: OutboxRow;
};

/** The marker that keys a twin's rows apart from the terminal's (one character more). */
const TWIN = '~';

/**
 * The rows of a sale again, under keys of their own, for a raw twin in the terminal's own
 * database: the same sizes and the same kind of writes (new ledger entries, receipt and
 * message; the balance and counters put), but under a customer no terminal code reads, so the
 * terminal's next sale to the customer does not meet them. The reads stay the customer's.
 */
export function twinSale(sale: SaleRows): SaleRows {
  const customerId = sale.customerId + TWIN;
  return {
    customerId: sale.customerId,
    entries: sale.entries.map((entry) => ({ ...entry, id: entry.id + TWIN, customerId })),
    balance: { ...sale.balance, customerId },
    receipt: {
      ...sale.receipt,
      id: sale.receipt.id + TWIN,
      number: sale.receipt.number + TWIN,
      customerId,
    },
    counters: sale.counters,
    message: { ...sale.message, id: sale.message.id + TWIN },
  };
}
