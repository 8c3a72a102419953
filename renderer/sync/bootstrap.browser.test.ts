import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { dayAt } from '../../shared/testing/test-terminal';
import { readFold } from '../operations/customer-ledger';
import { enrolOn, registeredTerminal, sellOn, serverEntries } from '../testing/sync-terminals';
import { testSyncServer } from '../testing/sync-server';
import { bootstrapIfNeeded } from './bootstrap';
import type { BootstrapProgress } from './bootstrap';
import { readCursor } from './apply-pull-page';
import { syncOnce } from './sync-once';
import { SyncError } from './sync-transport';
import type { SyncTransport } from './sync-transport';

/** A new terminal's first copy of the chain, from the real server into real IndexedDB. */
describe('bootstrap', () => {
  it('copies every customer, card and ledger; cut half-way, it resumes; then pull continues from the snapshot', async () => {
    // Some chain data first, made by another terminal.
    const seller = await registeredTerminal('S1');
    seller.services.setNow(dayAt(2, 10));
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const customer = await enrolOn(seller, `7916444${String(i).padStart(4, '0')}`, 9400 + i);
      await sellOn(seller, customer.id, 1000 + i * 100);
      made.push(customer.id);
    }
    await syncOnce(seller.services.db, seller.transport, { now: seller.services.now });
    const total = Number(
      (await testSyncServer.rows('select count(*)::int as n from customers'))[0]?.['n'],
    );

    const fresh = await registeredTerminal('S2');
    // The link dies after 3 customers' lines.
    let lines = 0;
    const cutting: SyncTransport = {
      ...fresh.transport,
      async *snapshot(after) {
        for await (const line of fresh.transport.snapshot(after)) {
          if (line.kind === 'customer' && ++lines > 3) throw new SyncError('offline', 'cut');
          yield line;
        }
      },
    };
    const progress: BootstrapProgress[] = [];
    await expect(
      bootstrapIfNeeded(fresh.services.db, cutting, {
        now: fresh.services.now,
        onProgress: (p) => progress.push(p),
        chunkSize: 2,
      }),
    ).rejects.toThrow('cut');
    // Nothing half-written: chunks are whole, and the checkpoint says where to go on.
    const checkpoint = await fresh.services.db.settings.get('bootstrap');
    expect(checkpoint?.value).toMatchObject({ done: false, loaded: 2 });
    expect(await fresh.services.db.customers.count()).toBe(2);
    // The second attempt resumes and completes; the next round only pulls.
    await syncOnce(fresh.services.db, fresh.transport, {
      now: fresh.services.now,
      onBootstrap: (p) => progress.push(p),
    });
    expect(await fresh.services.db.customers.count()).toBe(total);
    expect(progress.at(-1)).toEqual({ done: total, total });
    for (const customerId of made) {
      const server = foldLedger(await serverEntries(customerId));
      expect(await readFold(fresh.services.db, customerId)).toEqual(server);
      expect(await fresh.services.db.cards.where('customerId').equals(customerId).count()).toBe(1);
    }
    // Changes after the snapshot arrive by pull.
    seller.services.setNow(dayAt(3, 10));
    const later = await sellOn(seller, made[0] ?? '', 700);
    await syncOnce(seller.services.db, seller.transport, { now: seller.services.now });
    const cursorBefore = await readCursor(fresh.services.db);
    await syncOnce(fresh.services.db, fresh.transport, { now: fresh.services.now });
    expect(await readCursor(fresh.services.db)).toBeGreaterThan(cursorBefore);
    expect(await fresh.services.db.ledger.get(later.id)).toBeUndefined(); // a receipt id, not an entry
    expect((await readFold(fresh.services.db, made[0] ?? '')).entryCount).toBe(
      (await serverEntries(made[0] ?? '')).length,
    );
  });
});
