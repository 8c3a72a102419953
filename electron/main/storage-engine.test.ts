import { describe, expect, it } from 'vitest';
import { STORAGE_ENGINE_FEATURES, storesOnDisk, withStorageEngineFeatures } from './storage-engine';

describe("the shell's IndexedDB engine features", () => {
  it("are SQLite for new stores, by Chromium's own rollout stage, and for in-memory ones", () => {
    expect(STORAGE_ENGINE_FEATURES).toEqual([
      'IdbSqliteOnDiskRollout:stage/UseSqliteForNewStores',
      'IdbSqliteBackingStoreInMemoryContexts',
    ]);
    expect(withStorageEngineFeatures('')).toBe(STORAGE_ENGINE_FEATURES.join(','));
  });

  it('are added to the features already asked for, which are kept, each once', () => {
    expect(withStorageEngineFeatures('WaylandWindowDecorations')).toBe(
      `WaylandWindowDecorations,${STORAGE_ENGINE_FEATURES.join(',')}`,
    );
    expect(withStorageEngineFeatures(' A, ,B,IdbSqliteBackingStoreInMemoryContexts,A,')).toBe(
      'A,B,IdbSqliteBackingStoreInMemoryContexts,IdbSqliteOnDiskRollout:stage/UseSqliteForNewStores',
    );
  });
});

describe('the start-up line on the stores', () => {
  const folder = (name: string) => ({ name, isDirectory: () => true });
  const file = (name: string) => ({ name, isDirectory: () => false });

  it('names each store with its engine, from its folder', () => {
    expect(
      storesOnDisk([
        folder('app_terminal_0.indexeddb.leveldb'),
        folder('app_terminal_0.indexeddb.blob'),
        folder('app_other_0'),
        file('LOCK'),
      ]),
    ).toBe('IndexedDB: app_other_0 on SQLite, app_terminal_0 on LevelDB');
  });

  it('says when there is none yet: no folder, or nothing in it', () => {
    expect(storesOnDisk(null)).toBe('IndexedDB: no store yet (a new one goes on SQLite)');
    expect(storesOnDisk([file('LOCK')])).toBe('IndexedDB: no store yet (a new one goes on SQLite)');
  });
});
