import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreProbe } from '../../bench/idb-store-probe';
import type { StoreProbe } from '../../bench/idb-store-probe';
import { CHROMIUM_ARGS, CHROMIUM_BROWSER_ARGS } from '../../scripts/chromium';

/**
 * The terminal's IndexedDB engine switches (electron/main/storage-engine.ts) in the Chromium
 * the tests run, on real profiles on disk: a Chromium that no longer keeps these promises
 * would lose a terminal's data, so it fails here first.
 */
let probe: StoreProbe;
beforeEach(async () => {
  probe = await openStoreProbe();
});
afterEach(async () => {
  await probe.close();
});

describe("the terminal's IndexedDB engine, in the test Chromium", () => {
  it('puts a new store on SQLite, which keeps its row from one start to the next', async () => {
    expect(await probe.step(CHROMIUM_ARGS, { write: 'a sale' })).toEqual({
      value: 'a sale',
      backends: ['sqlite'],
    });
    expect(await probe.step(CHROMIUM_ARGS, 'read')).toEqual({
      value: 'a sale',
      backends: ['sqlite'],
    });
  });

  it('keeps a store that LevelDB wrote on LevelDB, with its rows', async () => {
    await probe.step(CHROMIUM_BROWSER_ARGS, { write: 'an older sale' });
    expect(await probe.step(CHROMIUM_ARGS, 'read')).toEqual({
      value: 'an older sale',
      backends: ['leveldb'],
    });
    await probe.step(CHROMIUM_ARGS, { write: 'a newer sale' });
    expect(await probe.step(CHROMIUM_ARGS, 'read')).toEqual({
      value: 'a newer sale',
      backends: ['leveldb'],
    });
  });
});
