import { afterEach, describe, expect, it } from 'vitest';
import { parseExportFile } from '../../shared/sync/export-file';
import type { ParsedExportFile } from '../../shared/sync/export-file';
import { exportSignatureValid, signExportFile } from '../../shared/sync/export-signature';
import { points } from '../../shared/money/money';
import {
  VECTOR_EXPORT_KEY,
  VECTOR_FILE,
  VECTOR_SIGNATURE,
} from '../../shared/testing/export-file-vector';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { enrolCustomer } from '../operations/enrol-customer';
import { recordSale } from '../operations/record-sale';
import { testSyncServer } from '../testing/sync-server';
import { plasticCard, testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { exportOutbox } from './export-outbox';
import { registerTerminal } from './register-terminal';
import { syncOnce } from './sync-once';
import { httpSyncTransport } from './sync-transport';

/**
 * Exporting the unsent messages of a store without any link, in Chromium on a real IndexedDB,
 * by a terminal registered with the real central server (which issued its export key).
 */
const opened: TestServices[] = [];
afterEach(async () => {
  for (const services of opened.splice(0)) await services.dispose();
});

async function registered(): Promise<{ services: TestServices; exportKey: string }> {
  const terminalId = `S1-X-${crypto.randomUUID().slice(0, 8)}`;
  const serverUrl = await testSyncServer.url();
  const code = await testSyncServer.newTerminalCode('S1', terminalId);
  const base = await testServices();
  opened.push(base);
  const identity = await registerTerminal(base.db, { serverUrl, code, language: 'en' });
  if (!identity.ok) throw new Error(JSON.stringify(identity.error));
  const link = await base.db.settings.get('link');
  if (link?.key !== 'link') throw new Error('no link stored');
  return { services: { ...base, identity: identity.value }, exportKey: link.value.exportKey };
}

/** An enrolment and a sale at the till: two queued messages. */
async function aMorning(services: TestServices, cardSerial: number): Promise<void> {
  services.setNow(dayAt(0, 10));
  const enrolled = await enrolCustomer(services, {
    managerId: 'M1',
    name: 'Анна Петрова',
    phone: `7916222${String(cardSerial).padStart(4, '0')}`,
    birthday: null,
    email: null,
    marketingConsent: false,
    referrerId: null,
    card: { kind: 'plastic', scanned: plasticCard(cardSerial) },
  });
  if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
  services.setNow(dayAt(0, 11));
  const sale = await recordSale(services, {
    cashierId: 'C1',
    customerId: enrolled.value.customer.id,
    cardNumber: null,
    request: { lines: [{ amount: rub(1500) }], pointsToSpend: points(0) },
  });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
}

function parsed(text: string): ParsedExportFile {
  const result = parseExportFile(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('exporting unsent messages to a signed file', () => {
  it('signs the known answer in Chromium as Node and openssl do', async () => {
    const file = await signExportFile(crypto.subtle, VECTOR_FILE, VECTOR_EXPORT_KEY);
    expect(file.signature).toBe(VECTOR_SIGNATURE);
  });

  it('exports every queued message in order, signed with the key the server holds; the queue keeps them', async () => {
    const { services, exportKey } = await registered();
    const { terminalId } = services.identity;
    await aMorning(services, 9101);
    const queued = await services.db.outbox.orderBy('seq').toArray();
    expect(queued.map((m) => m.operation)).toEqual(['enrolment', 'sale']);

    // 18:04 in Moscow, where store S1 is.
    const exported = await exportOutbox(services.db, dayAt(0, 18) + 4 * 60_000);
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    expect(exported.value).toMatchObject({
      fileName: `outbox-${terminalId}-20260105-1804.json`,
      count: 2,
      unreadable: 0,
    });
    const read = parsed(exported.value.text);
    expect(read.file).toMatchObject({
      terminalId,
      storeId: 'S1',
      exportedAt: dayAt(0, 18) + 240_000,
    });
    expect(read.file.messages.map((m) => m.id)).toEqual(queued.map((m) => m.id));

    const [server] = await testSyncServer.rows('select export_key from terminals where id = $1', [
      terminalId,
    ]);
    expect(server?.['export_key']).toBe(exportKey);
    expect(await exportSignatureValid(crypto.subtle, read, exportKey)).toBe(true);
    expect(await services.db.outbox.count(), 'the messages stay queued').toBe(2);

    // One byte of a message changed (the sale's 1 500 roubles, in kopecks): refused.
    const tampered = exported.value.text.replace('"spendMinor":150000', '"spendMinor":150001');
    expect(tampered).not.toBe(exported.value.text);
    expect(await exportSignatureValid(crypto.subtle, parsed(tampered), exportKey)).toBe(false);
    // A message of the file dropped: refused too.
    const shortened = JSON.parse(exported.value.text) as { messages: unknown[] };
    shortened.messages.pop();
    expect(
      await exportSignatureValid(crypto.subtle, parsed(JSON.stringify(shortened)), exportKey),
    ).toBe(false);

    // When the link is back, the queue is pushed as usual.
    const link = await services.db.settings.get('link');
    if (link?.key !== 'link') throw new Error('no link');
    const transport = httpSyncTransport(link.value);
    const report = await syncOnce(services.db, transport, { now: services.now });
    expect(report.pushed).toEqual({ applied: 2, duplicate: 0, rejected: 0 });
  });

  it('leaves out a queued row it cannot read, and says so', async () => {
    const { services } = await registered();
    await aMorning(services, 9102);
    await services.db.outbox.add({ id: 'not-a-message' } as never);
    const exported = await exportOutbox(services.db, dayAt(0, 18));
    expect(exported).toMatchObject({ ok: true, value: { count: 2, unreadable: 1 } });
    // Counted in a transaction awaited to its end: a bare count() resolves before its
    // transaction completes, and the database's deletion in afterEach would be blocked.
    const queued = await services.db.transaction('r', services.db.outbox, () =>
      services.db.outbox.count(),
    );
    expect(queued, 'the unreadable row stays queued too').toBe(3);
  });

  it('refuses when the terminal is not registered (no key) or nothing is queued', async () => {
    const unregistered = await testServices();
    opened.push(unregistered);
    await aMorning(unregistered, 9103);
    expect(await exportOutbox(unregistered.db, dayAt(0, 18))).toEqual({
      ok: false,
      error: { code: 'not-registered' },
    });
    const { services } = await registered();
    expect(await exportOutbox(services.db, dayAt(0, 18))).toEqual({
      ok: false,
      error: { code: 'nothing-to-export', unreadable: 0 },
    });
  });
});
