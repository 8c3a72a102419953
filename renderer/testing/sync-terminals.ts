import { balanceFromFold } from '../../shared/ledger/balance';
import { parseLedgerEntry } from '../../shared/ledger/ledger-entry';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { points } from '../../shared/money/money';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub } from '../../shared/testing/test-account';
import { readFold } from '../operations/customer-ledger';
import { enrolCustomer } from '../operations/enrol-customer';
import { recordSale } from '../operations/record-sale';
import { registerTerminal } from '../sync/register-terminal';
import { httpSyncTransport } from '../sync/sync-transport';
import type { SyncTransport } from '../sync/sync-transport';
import { testSyncServer } from './sync-server';
import { plasticCard, testServices } from './test-services';
import type { TestServices } from './test-services';

/**
 * Terminals registered with the real test server (testSyncServer), each on a database of its
 * own, for sync tests in Chromium; and the operations those tests make on them.
 */
export type SyncTestTerminal = {
  readonly services: TestServices;
  readonly transport: SyncTransport;
  readonly serverUrl: string;
  readonly credential: string;
};

export async function registeredTerminal(
  storeId: string,
  options: { readonly clockSkewMs?: number } = {},
): Promise<SyncTestTerminal> {
  const terminalId = `${storeId}-${crypto.randomUUID().slice(0, 8)}`;
  const serverUrl = await testSyncServer.url();
  const code = await testSyncServer.newTerminalCode(storeId, terminalId);
  const base = await testServices({
    ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
    terminalId,
  });
  const registered = await registerTerminal(base.db, { serverUrl, code, language: 'en' });
  if (!registered.ok) throw new Error(JSON.stringify(registered.error));
  const link = await base.db.settings.get('link');
  const credential = link?.key === 'link' ? link.value.credential : '';
  return {
    services: { ...base, identity: registered.value },
    transport: httpSyncTransport({ serverUrl, credential }),
    serverUrl,
    credential,
  };
}

export async function enrolOn(terminal: SyncTestTerminal, phone: string, cardSerial: number) {
  const enrolled = await enrolCustomer(terminal.services, {
    managerId: 'M1',
    name: 'Анна Петрова',
    phone,
    birthday: null,
    email: null,
    marketingConsent: false,
    referrerId: null,
    card: { kind: 'plastic', scanned: plasticCard(cardSerial) },
  });
  if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
  return enrolled.value.customer;
}

export async function sellOn(
  terminal: SyncTestTerminal,
  customerId: string,
  roubles: number,
  spend = 0,
) {
  const sale = await recordSale(terminal.services, {
    cashierId: 'C1',
    customerId,
    cardNumber: null,
    request: { lines: [{ amount: rub(roubles) }], pointsToSpend: points(spend) },
  });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
  return sale.value;
}

/** Available points by the terminal's balance cache, at the terminal's time or `at`. */
export async function availableOn(
  terminal: SyncTestTerminal,
  customerId: string,
  at = terminal.services.now(),
): Promise<number> {
  const fold = await readFold(terminal.services.db, customerId);
  return balanceFromFold(fold, demoProgram, at).available;
}

/** The customer's entries as the central server holds them. */
export async function serverEntries(customerId: string): Promise<LedgerEntry[]> {
  const rows = await testSyncServer.rows(
    'select entry from ledger_entries where customer_id = $1',
    [customerId],
  );
  return rows.map((row) => {
    const parsed = parseLedgerEntry(row['entry']);
    if (!parsed.ok) throw new Error('server row unreadable');
    return parsed.value;
  });
}
