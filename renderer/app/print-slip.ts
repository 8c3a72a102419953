import type { TerminalBridge } from '../../shared/bridge/terminal-bridge';
import { fromCardRow, fromCustomerRow } from '../db/customer-rows';
import type { ReceiptDocument } from '../../shared/receipts/receipt-document';
import type { ReceiptRow } from '../db/rows';
import { receiptForSlip } from '../receipts/receipt-for-slip';
import type { TerminalStore } from '../state/terminal-store';
import type { TerminalServices } from '../operations/terminal-services';

/**
 * Prints the slip of a committed sale or refund: the receipt document from its row, to the
 * bridge's printer. Never blocks the cashier and never undoes the sale: the outcome is only
 * shown beside the slip (`printing` in the store) — printed, waiting in the queue (the
 * printer prints it when it can, and why it cannot now), or why not at all (no printer, a
 * refused document, a failure on the way), with "print again" offered. The document is kept
 * in the store (`slipReceipt`): the preview shows it and "print again" sends it, so what the
 * screen shows is what prints.
 */
export type PrintSlipOptions = { readonly intervalMs?: number; readonly maxPolls?: number };

export async function printSlip(
  services: TerminalServices,
  store: TerminalStore,
  bridge: TerminalBridge,
  row: ReceiptRow,
  options: PrintSlipOptions = {},
): Promise<void> {
  store.setState({ printing: { receiptId: row.id, state: 'sending' }, slipReceipt: null });
  await whileLatest(store, row.id, async () => {
    const [customer, card] = await Promise.all([
      services.db.customers.get(row.customerId),
      row.cardNumber === null ? undefined : services.db.cards.get(row.cardNumber),
    ]);
    const receipt = receiptForSlip({
      row,
      identity: services.identity,
      customerName: customer ? fromCustomerRow(customer).name : null,
      cardKind: card ? fromCardRow(card).kind : null,
    });
    if (store.getState().printing?.receiptId !== row.id) return;
    if (!receipt.ok) {
      store.setState({
        printing: { receiptId: row.id, state: 'failed', error: receipt.error.message },
      });
      return;
    }
    store.setState({ slipReceipt: { receiptId: row.id, document: receipt.value } });
    await sendReceipt(store, bridge, row.id, receipt.value, options);
  });
}

/** Sends a receipt document to the printer and follows it ("print again" starts here). */
export async function sendReceipt(
  store: TerminalStore,
  bridge: TerminalBridge,
  receiptId: string,
  receipt: ReceiptDocument,
  options: PrintSlipOptions = {},
): Promise<void> {
  store.setState({ printing: { receiptId, state: 'sending' } });
  await whileLatest(store, receiptId, async () => {
    const answer = await bridge.request('printer.print', { receipt, lang: store.getState().lang });
    // A later slip's printing replaces this one's outcome; an outcome for an old slip is dropped.
    if (store.getState().printing?.receiptId !== receiptId) return;
    if (!answer.ok) {
      store.setState({ printing: { receiptId, state: 'failed', error: answer.error } });
      return;
    }
    store.setState({
      printerColumns: answer.value.columns,
      printing: {
        receiptId,
        state: 'queued',
        waiting: answer.value.waiting,
        printerState: answer.value.printerState,
      },
    });
    await followQueue(store, bridge, receiptId, options);
  });
}

/** Runs `work`; whatever it throws becomes this slip's "not printed" (if still the latest). */
async function whileLatest(
  store: TerminalStore,
  receiptId: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (store.getState().printing?.receiptId !== receiptId) return;
    const message = error instanceof Error ? error.message : String(error);
    store.setState({ printing: { receiptId, state: 'failed', error: message } });
  }
}

/**
 * Follows the printer's queue while this slip's outcome is on screen, so the cashier sees
 * "printed" or "waits for the printer" (and why) as it happens: the printer's row of
 * devices.list every `intervalMs`, at most `maxPolls` times, until the queue is empty.
 */
async function followQueue(
  store: TerminalStore,
  bridge: TerminalBridge,
  receiptId: string,
  options: PrintSlipOptions,
): Promise<void> {
  for (let poll = 0; poll < (options.maxPolls ?? 120); poll++) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1_000));
    if (store.getState().printing?.receiptId !== receiptId) return;
    const list = await bridge.request('devices.list', {});
    const printer = list.ok ? list.value.find((device) => device.kind === 'printer') : undefined;
    if (!printer || store.getState().printing?.receiptId !== receiptId) return;
    const waiting = printer.waiting ?? 0;
    store.setState({
      printing:
        waiting === 0
          ? { receiptId, state: 'printed' }
          : {
              receiptId,
              state: 'queued',
              waiting,
              printerState: printer.state,
            },
    });
    if (waiting === 0) return;
  }
}
