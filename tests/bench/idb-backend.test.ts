import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backendSwitches,
  checkProfileBackend,
  parseIdbBackend,
  profileBackends,
} from '../../bench/idb-backend';

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

describe('the benchmark’s IndexedDB backend', () => {
  it('is named on the command line; anything else is refused, saying what is allowed', () => {
    expect(parseIdbBackend('default')).toBe('default');
    expect(parseIdbBackend('sqlite')).toBe('sqlite');
    for (const garbage of ['', 'SQLite', 'leveldb', 'sqlite '])
      expect(() => parseIdbBackend(garbage)).toThrow(/not one of default, sqlite/);
    expect(backendSwitches('default')).toEqual([]);
    expect(backendSwitches('sqlite')).toEqual(['--enable-features=IdbSqliteBackingStore']);
  });

  it('is read off a kept profile from its folders, and none from a new one', () => {
    expect(profileBackends(profile)).toEqual([]);
    storeFolder('http_127.0.0.1_47614.indexeddb.leveldb');
    writeFileSync(path.join(profile, 'Default', 'IndexedDB', 'http_stray_file'), '');
    expect(profileBackends(profile)).toEqual(['default']);
    storeFolder('http_127.0.0.1_47614');
    expect(profileBackends(profile)).toEqual(['default', 'sqlite']);
  });

  it('must match a kept profile’s, or the run stops before Chromium discards the store', () => {
    checkProfileBackend(profile, 'sqlite');
    checkProfileBackend(profile, 'default');
    storeFolder('http_127.0.0.1_47614');
    checkProfileBackend(profile, 'sqlite');
    expect(() => {
      checkProfileBackend(profile, 'default');
    }).toThrow(/holds a store of the sqlite IndexedDB backend.*--idb-backend sqlite/);
  });
});
