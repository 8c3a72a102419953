import { describe, expect, it } from 'vitest';
import { dayAt } from '../../shared/testing/test-terminal';
import { enrolCustomer } from '../operations/enrol-customer';
import { plasticCard, testServices } from '../testing/test-services';
import { testSyncServer } from '../testing/sync-server';
import { registerTerminal } from './register-terminal';
import { startSyncWorker } from './sync-client';
import type { SyncView } from './sync-worker-protocol';

/** The real sync Web Worker, on the terminal's real database, against the real server. */
describe('sync worker', () => {
  it('syncs on "Sync now"; a second window of the same terminal waits as a follower', async () => {
    const services = await testServices();
    const serverUrl = await testSyncServer.url();
    const terminalId = `S1-W-${crypto.randomUUID().slice(0, 8)}`;
    const code = await testSyncServer.newTerminalCode('S1', terminalId);
    const registered = await registerTerminal(services.db, { serverUrl, code, language: 'en' });
    if (!registered.ok) throw new Error(JSON.stringify(registered.error));
    services.setNow(dayAt(0, 10));
    const enrolled = await enrolCustomer(
      { ...services, identity: registered.value },
      {
        managerId: 'M1',
        name: 'Ольга Смирнова',
        phone: '79161119001',
        birthday: null,
        email: null,
        marketingConsent: true,
        referrerId: null,
        card: { kind: 'plastic', scanned: plasticCard(9101) },
      },
    );
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));

    const views: SyncView[] = [];
    const leader = startSyncWorker(services.db.name, (view) => views.push(view));
    const follower: SyncView[] = [];
    let second: ReturnType<typeof startSyncWorker> | null = null;
    try {
      const after = await leader.syncNow();
      expect(after).toMatchObject({
        registered: true,
        leader: true,
        waiting: 0,
        status: { state: 'idle' },
      });
      const onServer = await testSyncServer.rows('select id::text from customers where id = $1', [
        enrolled.value.customer.id,
      ]);
      expect(onServer).toHaveLength(1);
      // A second window of the same terminal: it waits for the lock and syncs nothing.
      second = startSyncWorker(services.db.name, (view) => follower.push(view));
      await expect.poll(() => follower.length).toBeGreaterThan(0);
      expect(follower.every((view) => !view.leader)).toBe(true);
      // The leader's window closes: the follower takes over the sync.
      leader.stop();
      const taken = await second.syncNow();
      expect(taken).toMatchObject({ leader: true, status: { state: 'idle' } });
    } finally {
      leader.stop();
      second?.stop();
    }
  });

  it('an unregistered terminal (demo without server) says so and syncs nothing', async () => {
    const services = await testServices();
    const client = startSyncWorker(services.db.name, () => undefined);
    try {
      expect(await client.syncNow()).toMatchObject({ registered: false, leader: false });
    } finally {
      client.stop();
    }
  });
});
