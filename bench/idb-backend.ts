import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Chromium's IndexedDB backends, for the benchmarks that measure the store: its default
 * (LevelDB) and its SQLite backend, switched on by a feature flag. The terminal runs on the
 * default (renderer/db/terminal-database.ts says why); the SQLite one is measured to compare.
 */
export const IDB_BACKENDS = ['default', 'sqlite'] as const;
export type IdbBackend = (typeof IDB_BACKENDS)[number];

export const SQLITE_BACKEND_SWITCH = '--enable-features=IdbSqliteBackingStore';

/** The Chromium switches that select the backend. */
export function backendSwitches(backend: IdbBackend): readonly string[] {
  return backend === 'sqlite' ? [SQLITE_BACKEND_SWITCH] : [];
}

export function parseIdbBackend(text: string): IdbBackend {
  const backend = IDB_BACKENDS.find((name) => name === text);
  if (backend === undefined)
    throw new Error(
      `--idb-backend: ${JSON.stringify(text)} is not one of ${IDB_BACKENDS.join(', ')}`,
    );
  return backend;
}

/**
 * The backend whose data a browser profile holds, from its IndexedDB folder: the default
 * backend keeps an origin's data in `<origin>.indexeddb.leveldb`, the SQLite one in a folder
 * named after the origin alone. None: no IndexedDB data yet.
 */
export function profileBackends(profileDir: string): readonly IdbBackend[] {
  const folder = path.join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(folder)) return [];
  const found = new Set<IdbBackend>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (entry.name.endsWith('.indexeddb.leveldb')) found.add('default');
    else if (entry.name.startsWith('http')) found.add('sqlite');
  }
  return IDB_BACKENDS.filter((backend) => found.has(backend));
}

/**
 * Refuses to open a kept profile with the other backend: Chromium would start the origin on
 * an empty store and the kept one would be gone (bench/idb-backend-switch.ts shows it).
 */
export function checkProfileBackend(profileDir: string, backend: IdbBackend): void {
  const other = profileBackends(profileDir).filter((kept) => kept !== backend);
  if (other.length > 0)
    throw new Error(
      `${profileDir} holds a store of the ${other.join(' and ')} IndexedDB backend; opened ` +
        `with the ${backend} one, Chromium would discard it. Run with --idb-backend ` +
        `${other.join('/')}, or use another --profile`,
    );
}
