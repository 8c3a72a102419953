import { describe, expect, it } from 'vitest';
import { balanceFromFold } from '../../shared/ledger/balance';
import { points } from '../../shared/money/money';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { readFold } from '../operations/customer-ledger';
import { enrolCustomer } from '../operations/enrol-customer';
import { recordSale } from '../operations/record-sale';
import { plasticCard, testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { testSyncServer } from '../testing/sync-server';
import { redemptionAllowance } from './redemption-allowance';
import { registerTerminal } from './register-terminal';
import { syncOnce } from './sync-once';
import { httpSyncTransport } from './sync-transport';

/** The redemption check before spending points, against the real server and IndexedDB. */
async function registered(storeId: string): Promise<TestServices> {
  const base = await testServices();
  const code = await testSyncServer.newTerminalCode(
    storeId,
    `${storeId}-R-${crypto.randomUUID().slice(0, 8)}`,
  );
  const result = await registerTerminal(base.db, {
    serverUrl: await testSyncServer.url(),
    code,
    language: 'en',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ...base, identity: result.value };
}

async function sync(services: TestServices): Promise<void> {
  const link = await services.db.settings.get('link');
  if (link?.key !== 'link') throw new Error('not registered');
  await syncOnce(services.db, httpSyncTransport(link.value), { now: services.now });
}

async function available(services: TestServices, customerId: string): Promise<number> {
  return balanceFromFold(await readFold(services.db, customerId), demoProgram, services.now())
    .available;
}

const unreachable: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('redemption allowance', () => {
  it('online: points already spent at another store are not spent again', async () => {
    const a = await registered('S1');
    const b = await registered('S2');
    a.setNow(dayAt(0, 10));
    const enrolled = await enrolCustomer(a, {
      managerId: 'M1',
      name: 'Пётр Иванов',
      phone: '79161112001',
      birthday: null,
      email: null,
      marketingConsent: false,
      referrerId: null,
      card: { kind: 'plastic', scanned: plasticCard(9201) },
    });
    if (!enrolled.ok) throw new Error('enrolment refused');
    const id = enrolled.value.customer.id;
    await recordSale(a, {
      cashierId: 'C1',
      customerId: id,
      cardNumber: null,
      request: { lines: [{ amount: rub(4000) }], pointsToSpend: points(0) },
    });
    await sync(a);
    await sync(b);
    for (const t of [a, b]) t.setNow(dayAt(20, 12));
    const before = await available(a, id);
    // Store 2 spends 100 points and syncs; store 1 has not pulled yet.
    await recordSale(b, {
      cashierId: 'C1',
      customerId: id,
      cardNumber: null,
      request: { lines: [{ amount: rub(2000) }], pointsToSpend: points(100) },
    });
    await sync(b);
    const allowance = await redemptionAllowance(a.db, {
      customerId: id,
      localAvailable: before,
      now: a.now(),
    });
    expect(allowance).toEqual({
      source: 'online',
      allowed: before - 100,
      serverAvailable: before - 100,
      unsentSpent: 0,
    });
  });

  it('offline: at most the limit per customer until the outbox empties; the check takes a second at most', async () => {
    const a = await registered('S1');
    a.setNow(dayAt(0, 10));
    await a.db.settings.put({ key: 'policy', value: { offlineRedemptionLimit: 300 } });
    const enrolled = await enrolCustomer(a, {
      managerId: 'M1',
      name: 'Мария Кузнецова',
      phone: '79161112002',
      birthday: null,
      email: null,
      marketingConsent: false,
      referrerId: null,
      card: { kind: 'plastic', scanned: plasticCard(9202) },
    });
    if (!enrolled.ok) throw new Error('enrolment refused');
    const id = enrolled.value.customer.id;
    await recordSale(a, {
      cashierId: 'C1',
      customerId: id,
      cardNumber: null,
      request: { lines: [{ amount: rub(20000) }], pointsToSpend: points(0) },
    });
    a.setNow(dayAt(20, 12));
    const local = await available(a, id);
    expect(local).toBeGreaterThan(300);
    const first = await redemptionAllowance(a.db, {
      customerId: id,
      localAvailable: local,
      now: a.now(),
      fetch: unreachable,
    });
    expect(first).toEqual({ source: 'offline', allowed: 300, limit: 300, unsentSpent: 0 });
    await recordSale(a, {
      cashierId: 'C1',
      customerId: id,
      cardNumber: null,
      request: { lines: [{ amount: rub(2000) }], pointsToSpend: points(200) },
    });
    const second = await redemptionAllowance(a.db, {
      customerId: id,
      localAvailable: local - 200,
      now: a.now(),
      fetch: unreachable,
    });
    expect(second).toEqual({ source: 'offline', allowed: 100, limit: 300, unsentSpent: 200 });
    // A server that does not answer within the timeout counts as offline.
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('timed out', 'TimeoutError')),
        ),
      );
    const started = performance.now();
    const slow = await redemptionAllowance(a.db, {
      customerId: id,
      localAvailable: local - 200,
      now: a.now(),
      fetch: silent,
      timeoutMs: 300,
    });
    expect(slow.source).toBe('offline');
    expect(performance.now() - started).toBeLessThan(2_000);
    // The link returns: the outbox empties, and the server's figure rules again.
    await sync(a);
    const online = await redemptionAllowance(a.db, {
      customerId: id,
      localAvailable: local - 200,
      now: a.now(),
    });
    expect(online).toMatchObject({ source: 'online', allowed: local - 200, unsentSpent: 0 });
  });

  it('without a central server (demo) the local ledger alone decides', async () => {
    const services = await testServices();
    expect(
      await redemptionAllowance(services.db, { customerId: 'x', localAvailable: 42, now: 0 }),
    ).toEqual({ source: 'local', allowed: 42 });
  });
});
