import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Table } from 'dexie';
import { testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { readSnapshot } from './read-snapshot';

let services: TestServices;
/** A plain table for the test's own rows (the settings table, untyped). */
let table: Table<{ key: string; value: number }, string>;
beforeEach(async () => {
  services = await testServices();
  table = services.db.table('settings');
});
afterEach(async () => {
  await services.dispose();
});

describe('readSnapshot', () => {
  it('answers what the reads found, in one read-only transaction', async () => {
    const { db } = services;
    await table.put({ key: 'a', value: 1 });
    const seen = await readSnapshot(db, [table], async () => {
      const row = await table.get('a');
      return { value: row?.value, mode: Dexie.currentTransaction.mode };
    });
    expect(seen).toEqual({ value: 1, mode: 'readonly' });
  });

  it('leaves the caller outside the transaction: a write right after it is not refused', async () => {
    const { db } = services;
    await readSnapshot(db, [table], () => table.get('a'));
    expect(Dexie.currentTransaction).toBeNull();
    await db.transaction('rw', [table], () => table.put({ key: 'b', value: 2 }));
    expect((await table.get('b'))?.value).toBe(2);
  });

  it('rejects with the failure of a read, and a write inside is refused', async () => {
    const { db } = services;
    await expect(
      readSnapshot(db, [table], () => Promise.reject(new Error('unreadable'))),
    ).rejects.toThrow('unreadable');
    await expect(
      readSnapshot(db, [table], () => table.put({ key: 'c', value: 3 })),
    ).rejects.toThrow(/readonly/i);
    expect(await table.get('c')).toBeUndefined();
  });
});
