import { describe, expect, it } from 'vitest';
import { STORAGE_ENGINE_FEATURES, withStorageEngineFeatures } from './storage-engine';

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
