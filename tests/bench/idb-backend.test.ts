import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendSwitches, checkProfileBackend, parseIdbBackend } from '../../bench/idb-backend';
import { profileBackends, STORAGE_ENGINE_ARG } from '../../scripts/chromium';

let profile: string;
beforeEach(() => {
  profile = mkdtempSync(path.join(os.tmpdir(), 'idb-backend-test-'));
});
afterEach(() => {
  rmSync(profile, { recursive: true, force: true });
});

/** An origin's folder as each backend names it (seen in Chromium 156). */
function storeFolder(name: string): void {
  mkdirSync(path.join(profile, 'Default', 'IndexedDB', name), { recursive: true });
}

describe('the benchmark’s IndexedDB engine', () => {
  it('is named on the command line; anything else is refused, saying what is allowed', () => {
    expect(parseIdbBackend('sqlite')).toBe('sqlite');
    expect(parseIdbBackend('leveldb')).toBe('leveldb');
    for (const garbage of ['', 'SQLite', 'default', 'sqlite '])
      expect(() => parseIdbBackend(garbage)).toThrow(/not one of sqlite, leveldb/);
  });

  it('is switched on for SQLite as the shell does it, and left to Chromium for LevelDB', () => {
    expect(backendSwitches('sqlite')).toEqual([STORAGE_ENGINE_ARG]);
    expect(STORAGE_ENGINE_ARG).toBe(
      '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies,' +
        'IdbSqliteOnDiskRollout:stage/UseSqliteForNewStores,IdbSqliteBackingStoreInMemoryContexts',
    );
    expect(backendSwitches('leveldb')).toEqual([]);
  });

  it('is read off a kept profile from its folders, and none from a new one', () => {
    expect(profileBackends(profile)).toEqual([]);
    storeFolder('http_127.0.0.1_47614.indexeddb.leveldb');
    storeFolder('http_127.0.0.1_47614.indexeddb.blob');
    writeFileSync(path.join(profile, 'Default', 'IndexedDB', 'http_stray_file'), '');
    expect(profileBackends(profile)).toEqual(['leveldb']);
    storeFolder('http_127.0.0.1_47614');
    expect(profileBackends(profile)).toEqual(['sqlite', 'leveldb']);
  });

  it('must match a kept profile’s, or the run stops before Chromium keeps or deletes it', () => {
    checkProfileBackend(profile, 'sqlite');
    checkProfileBackend(profile, 'leveldb');
    storeFolder('http_127.0.0.1_47614');
    checkProfileBackend(profile, 'sqlite');
    expect(() => {
      checkProfileBackend(profile, 'leveldb');
    }).toThrow(/holds a store of the sqlite IndexedDB engine.*--idb-backend sqlite/);
    rmSync(path.join(profile, 'Default'), { recursive: true });
    storeFolder('http_127.0.0.1_47614.indexeddb.leveldb');
    expect(() => {
      checkProfileBackend(profile, 'sqlite');
    }).toThrow(/holds a store of the leveldb IndexedDB engine.*--idb-backend leveldb/);
  });
});
