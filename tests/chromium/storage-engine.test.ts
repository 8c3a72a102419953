import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreProbe } from '../../bench/idb-store-probe';
import type { StoreProbe } from '../../bench/idb-store-probe';
import { CHROMIUM_ARGS, CHROMIUM_BROWSER_ARGS } from '../../scripts/chromium';

/**
 * The terminal's IndexedDB engine switches (electron/main/storage-engine.ts) in the Chromium
 * the tests run, on real profiles on disk: a Chromium that no longer keeps these promises
 * would lose a terminal's data, so it fails here first.
 */
/** Each test starts Chromium two to four times: more than Vitest's 30 s on a busy machine. */
const CHROMIUM_STARTS_MS = 120_000;

let probe: StoreProbe | undefined;
beforeEach(async () => {
  probe = await openStoreProbe();
}, CHROMIUM_STARTS_MS);
afterEach(async () => {
  await probe?.close();
  probe = undefined;
});

function opened(): StoreProbe {
  if (probe === undefined) throw new Error('the probe did not open');
  return probe;
}

describe("the terminal's IndexedDB engine, in the test Chromium", () => {
  it(
    'puts a new store on SQLite, which keeps its row from one start to the next',
    async () => {
      expect(await opened().step(CHROMIUM_ARGS, { write: 'a sale' })).toEqual({
        value: 'a sale',
        backends: ['sqlite'],
      });
      expect(await opened().step(CHROMIUM_ARGS, 'read')).toEqual({
        value: 'a sale',
        backends: ['sqlite'],
      });
    },
    CHROMIUM_STARTS_MS,
  );

  it(
    'keeps a store that LevelDB wrote on LevelDB, with its rows',
    async () => {
      await opened().step(CHROMIUM_BROWSER_ARGS, { write: 'an older sale' });
      expect(await opened().step(CHROMIUM_ARGS, 'read')).toEqual({
        value: 'an older sale',
        backends: ['leveldb'],
      });
      await opened().step(CHROMIUM_ARGS, { write: 'a newer sale' });
      expect(await opened().step(CHROMIUM_ARGS, 'read')).toEqual({
        value: 'a newer sale',
        backends: ['leveldb'],
      });
    },
    CHROMIUM_STARTS_MS,
  );
});
