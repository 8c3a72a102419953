import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import type { Lang } from '../../shared/i18n/lang';
import type { ReceiptDocument } from '../../shared/receipts/receipt-document';
import type { ReceiptRow } from '../db/rows';
import type { CustomerView } from '../operations/find-customer';
import type { StaffSession } from '../staff/sign-in';
import type { StaffAction, Authorization } from '../staff/manager-approval';
import type { SyncView } from '../sync/sync-worker-protocol';

/**
 * The UI state of the terminal (Zustand). It changes only after the operations it reflects
 * have committed to IndexedDB: actions await the operation, then set the state.
 */
export type Screen =
  | { readonly name: 'scan' }
  | { readonly name: 'customer'; readonly customerId: string; readonly cardNumber: string | null }
  | { readonly name: 'refund' }
  | { readonly name: 'enrol' }
  | { readonly name: 'settings' }
  | { readonly name: 'day-close' };

/** What became of the slip on screen at the printer (renderer/app/print-slip.ts). */
export type SlipPrinting =
  | { readonly receiptId: string; readonly state: 'sending' }
  | { readonly receiptId: string; readonly state: 'printed' }
  /** In the printer's queue: `waiting` slips before it is out (1 = printing now). */
  | {
      readonly receiptId: string;
      readonly state: 'queued';
      readonly waiting: number;
      /** Not `ready`: the printer cannot print now (off, no paper); the slip waits for it. */
      readonly printerState: DeviceStatus['state'];
    }
  | { readonly receiptId: string; readonly state: 'failed'; readonly error: string };

export type Notice = { readonly kind: 'error' | 'info'; readonly text: string };

/** A manager-only action waiting for a manager's PIN in a cashier's session. */
export type PendingApproval = {
  readonly action: StaffAction;
  readonly resolve: (authorization: Authorization | null) => void;
};

export type TerminalState = {
  readonly lang: Lang;
  readonly session: StaffSession | null;
  readonly screen: Screen;
  /** The customer on screen, as of the last committed operation. */
  readonly customer: CustomerView | null;
  readonly slip: ReceiptRow | null;
  readonly printing: SlipPrinting | null;
  /** The receipt document of the slip on screen, once built: previewed and (re)printed. */
  readonly slipReceipt: { readonly receiptId: string; readonly document: ReceiptDocument } | null;
  /** The printer's line width as its last answer gave it (the preview wraps to it), or null. */
  readonly printerColumns: number | null;
  readonly notice: Notice | null;
  readonly approval: PendingApproval | null;
  /** Where the next scan goes when not to a customer lookup (e.g. the enrolment's card field). */
  readonly scanTarget: ((code: string) => void) | null;
  /** The sync worker's latest view; null until it reports (or when there is no worker). */
  readonly sync: SyncView | null;
};

export type TerminalStore = StoreApi<TerminalState>;

export function createTerminalStore(lang: Lang): TerminalStore {
  return createStore<TerminalState>(() => ({
    lang,
    session: null,
    screen: { name: 'scan' },
    customer: null,
    slip: null,
    printing: null,
    slipReceipt: null,
    printerColumns: null,
    notice: null,
    approval: null,
    scanTarget: null,
    sync: null,
  }));
}
