import type {
  BalanceRow,
  LedgerRow,
  OutboxRow,
  ReceiptRow,
  TerminalCounters,
} from '../../renderer/db/rows';

/** The rows one sale wrote through the terminal, to be written again raw (rawCommitSale). */
export type SaleRows = {
  /** Whose customer and balance rows the raw transaction reads first. */
  readonly customerId: string;
  readonly entries: readonly LedgerRow[];
  readonly balance: BalanceRow;
  readonly receipt: ReceiptRow;
  /** The counters' settings row; a twin's is keyed apart, so it never sets them back. */
  readonly counters: { readonly key: string; readonly value: TerminalCounters };
  readonly message: OutboxRow;
};

/**
 * The rows of a sale again, under keys of their own, for a raw twin in the terminal's own
 * database: the same sizes and the same kind of writes (new ledger entries, receipt and
 * message; the balance and counters put), but under a customer no terminal code reads, so the
 * terminal's next sale to the customer does not meet them, and a counters row of its own, so
 * a twin of an older sale never sets the terminal's receipt numbers back. It reads
 * `readsOf`'s rows, another customer's, so that it does not read rows the sale has just
 * written.
 *
 * `marker` (one or more characters that a UUID or receipt number never holds, e.g. `~`) is
 * appended to every key: a sale can have one twin per marker.
 */
export function twinSale(sale: SaleRows, readsOf: string, marker: string): SaleRows {
  const customerId = sale.customerId + marker;
  return {
    customerId: readsOf,
    entries: sale.entries.map((entry) => ({ ...entry, id: entry.id + marker, customerId })),
    balance: { ...sale.balance, customerId },
    receipt: {
      ...sale.receipt,
      id: sale.receipt.id + marker,
      number: sale.receipt.number + marker,
      customerId,
    },
    counters: { ...sale.counters, key: sale.counters.key + marker },
    message: { ...sale.message, id: sale.message.id + marker },
  };
}
