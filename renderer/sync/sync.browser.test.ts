import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import { readFold } from '../operations/customer-ledger';
import {
  availableOn,
  enrolOn,
  registeredTerminal as registered,
  sellOn,
  serverEntries,
} from '../testing/sync-terminals';
import type { SyncTestTerminal } from '../testing/sync-terminals';
import { balanceFromFold } from '../../shared/ledger/balance';
import { plasticCard, testServices } from '../testing/test-services';
import { testSyncServer } from '../testing/sync-server';
import { registerTerminal } from './register-terminal';
import { syncOnce } from './sync-once';
import { httpSyncTransport, SyncError } from './sync-transport';
import type { SyncTransport } from './sync-transport';

/**
 * The terminal's sync against a real central server (PGlite, started by the test run) and
 * real IndexedDB: several terminals in one page, each with its own database.
 */
type Terminal = SyncTestTerminal;
const registeredTerminal = (storeId: string) => registered(storeId);
const enrol = enrolOn;
const sell = sellOn;
const available = (t: Terminal, customerId: string) => availableOn(t, customerId);

const sync = (t: Terminal) => syncOnce(t.services.db, t.transport, { now: t.services.now });

describe('registration', () => {
  it('stores the identity and the credential the server issued; a used code is refused', async () => {
    const serverUrl = await testSyncServer.url();
    const code = await testSyncServer.newTerminalCode(
      'S1',
      `S1-REG-${crypto.randomUUID().slice(0, 8)}`,
    );
    const services = await testServices();
    const first = await registerTerminal(services.db, { serverUrl, code, language: 'ru' });
    expect(first).toMatchObject({
      ok: true,
      value: { storeId: 'S1', storeName: 'Store one', language: 'ru' },
    });
    expect(await services.db.settings.get('identity')).toMatchObject({ value: { storeId: 'S1' } });
    const other = await testServices();
    expect(await registerTerminal(other.db, { serverUrl, code, language: 'ru' })).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'code-used' },
    });
    expect(await other.db.settings.get('link')).toBeUndefined();
  });
});

describe('push and pull between terminals', () => {
  it('a customer enrolled and served at store 1 is known, with the same balance, at store 2', async () => {
    const a = await registeredTerminal('S1');
    const b = await registeredTerminal('S2');
    a.services.setNow(dayAt(0, 10));
    const customer = await enrol(a, '79161110001', 9001);
    a.services.setNow(dayAt(0, 11));
    await sell(a, customer.id, 1000);
    const pushed = await sync(a);
    expect(pushed.pushed).toEqual({ applied: 2, duplicate: 0, rejected: 0 });
    expect(await a.services.db.outbox.count()).toBe(0);
    await sync(b);
    b.services.setNow(dayAt(20));
    a.services.setNow(dayAt(20));
    expect(await b.services.db.customers.get(customer.id)).toMatchObject({ phone: '79161110001' });
    expect(await b.services.db.cards.get(plasticCard(9001))).toMatchObject({
      customerId: customer.id,
    });
    expect(await available(b, customer.id)).toBe(await available(a, customer.id));
    expect(await available(b, customer.id)).toBeGreaterThan(0);
  });

  it('two stores spend the same points offline: both sales stand, every copy converges, the overdraft is flagged', async () => {
    const a = await registeredTerminal('S1');
    const b = await registeredTerminal('S2');
    a.services.setNow(dayAt(0, 10));
    const customer = await enrol(a, '79161110002', 9002);
    await sell(a, customer.id, 3000);
    await sync(a);
    await sync(b);
    for (const t of [a, b]) t.services.setNow(dayAt(20, 12));
    const points = await available(a, customer.id);
    expect(await available(b, customer.id)).toBe(points);
    // The link is down: each store spends everything it sees.
    await sell(a, customer.id, points * 10, points);
    b.services.setNow(dayAt(20, 13));
    await sell(b, customer.id, points * 10, points);
    // The link returns.
    await sync(a);
    await sync(b);
    await sync(a);
    const server = foldLedger(await serverEntries(customer.id));
    const serverAvailable = balanceFromFold(server, demoProgram, dayAt(20, 14)).available;
    for (const t of [a, b]) {
      t.services.setNow(dayAt(20, 14));
      expect(await available(t, customer.id)).toBe(serverAvailable);
      expect((await readFold(t.services.db, customer.id)).entryCount).toBe(server.entryCount);
    }
    // The later redemption overdrew; the debt is then settled by the next credits.
    expect(server.anomalies.filter((anomaly) => anomaly.kind === 'overdraft')).toHaveLength(1);
    const flags = await testSyncServer.rows(
      `select kind, customer_id::text as customer from flags where kind = 'overdraft' and customer_id = $1`,
      [customer.id],
    );
    expect(flags).toEqual([{ kind: 'overdraft', customer: customer.id }]);
  });
});

describe('faults on the link', () => {
  it('an answer lost after the server applied the batch: the messages stay queued and count once', async () => {
    const a = await registeredTerminal('S1');
    a.services.setNow(dayAt(1, 10));
    const customer = await enrol(a, '79161110003', 9003);
    await sell(a, customer.id, 500);
    const losing: SyncTransport = {
      ...a.transport,
      push: async (messages) => {
        await a.transport.push(messages);
        throw new SyncError('offline', 'the answer was lost');
      },
    };
    await expect(syncOnce(a.services.db, losing, { now: a.services.now })).rejects.toThrow(
      'the answer was lost',
    );
    expect(await a.services.db.outbox.count()).toBe(2);
    const again = await sync(a);
    expect(again.pushed).toEqual({ applied: 0, duplicate: 2, rejected: 0 });
    expect(await a.services.db.outbox.count()).toBe(0);
    const ledger = await a.services.db.ledger.where('customerId').equals(customer.id).count();
    expect((await serverEntries(customer.id)).length).toBe(ledger);
  });

  it('a message the server rejects is kept with its reason, and the messages behind it go through', async () => {
    const a = await registeredTerminal('S1');
    a.services.setNow(dayAt(1, 10));
    const customer = await enrol(a, '79161110004', 9004);
    // The enrolment never reaches the server (lost before sending): the sale is for a customer
    // the server does not know.
    const enrolment = await a.services.db.outbox.orderBy('seq').first();
    if (enrolment?.seq === undefined) throw new Error('no enrolment queued');
    await a.services.db.outbox.delete(enrolment.seq);
    await sell(a, customer.id, 500);
    const b = await registeredTerminal('S1');
    b.services.setNow(dayAt(1, 11));
    // Another terminal's messages keep flowing meanwhile (the server's queue is not blocked).
    const other = await enrol(b, '79161110005', 9005);
    const report = await sync(a);
    expect(report.pushed).toEqual({ applied: 0, duplicate: 0, rejected: 1 });
    expect(await a.services.db.outbox.count()).toBe(0);
    const problems = await a.services.db.syncProblems.toArray();
    expect(problems).toEqual([expect.objectContaining({ reason: 'unknown-customer' })]);
    expect((await sync(b)).pushed.applied).toBe(1);
    expect(await a.services.db.customers.get(other.id)).toBeUndefined();
    await sync(a);
    expect(await a.services.db.customers.get(other.id)).toBeDefined();
  });

  it('an answer the terminal cannot understand changes nothing locally', async () => {
    const a = await registeredTerminal('S1');
    a.services.setNow(dayAt(1, 10));
    await enrol(a, '79161110006', 9006);
    const garbage = httpSyncTransport({
      serverUrl: a.serverUrl,
      credential: a.credential,
      fetch: () =>
        Promise.resolve(new Response(JSON.stringify({ results: 'yes' }), { status: 200 })),
    });
    const error = await syncOnce(a.services.db, garbage, { now: a.services.now }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'bad-answer' });
    expect(await a.services.db.outbox.count()).toBe(1);
    const revoked = httpSyncTransport({
      serverUrl: a.serverUrl,
      credential: `${a.services.identity.terminalId}.${'x'.repeat(43)}`,
    });
    await expect(syncOnce(a.services.db, revoked, { now: a.services.now })).rejects.toMatchObject({
      kind: 'refused',
      code: 'unknown-credential',
    });
    expect(await a.services.db.outbox.count()).toBe(1);
  });

  it('no server at all: an offline error, nothing lost', async () => {
    const a = await registeredTerminal('S1');
    a.services.setNow(dayAt(1, 10));
    await enrol(a, '79161110007', 9007);
    const nowhere = httpSyncTransport({
      serverUrl: 'http://127.0.0.1:9',
      credential: a.credential,
      timeoutMs: 2_000,
    });
    await expect(syncOnce(a.services.db, nowhere, { now: a.services.now })).rejects.toMatchObject({
      kind: 'offline',
    });
    expect(await a.services.db.outbox.count()).toBe(1);
  });
});
