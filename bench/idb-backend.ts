import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { STORAGE_ENGINE_ARG } from '../scripts/chromium';

/**
 * Chromium's IndexedDB engines, for the benchmark that measures the store: SQLite, which the
 * terminal gives every new store (electron/main/storage-engine.ts), and LevelDB, Chromium's
 * older default, which a terminal keeps for a store it already had; measured to compare.
 */
export const IDB_BACKENDS = ['sqlite', 'leveldb'] as const;
export type IdbBackend = (typeof IDB_BACKENDS)[number];

/**
 * The Chromium switches that select the engine for a new profile. The terminal's own keep an
 * existing LevelDB store on LevelDB; without them Chromium deletes SQLite stores.
 */
export function backendSwitches(backend: IdbBackend): readonly string[] {
  return backend === 'sqlite' ? [STORAGE_ENGINE_ARG] : [];
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
 * The engines whose stores a browser profile holds, from its IndexedDB folder: LevelDB keeps
 * an origin's data in `<origin>.indexeddb.leveldb` (and its blobs in `<origin>.indexeddb.blob`),
 * SQLite in a folder named after the origin alone. The benchmark's pages are served over
 * http, so an SQLite folder's name starts with `http`. None: no IndexedDB data yet.
 */
export function profileBackends(profileDir: string): readonly IdbBackend[] {
  const folder = path.join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(folder)) return [];
  const found = new Set<IdbBackend>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (entry.name.endsWith('.indexeddb.leveldb')) found.add('leveldb');
    else if (entry.name.startsWith('http') && !entry.name.endsWith('.indexeddb.blob'))
      found.add('sqlite');
  }
  return IDB_BACKENDS.filter((backend) => found.has(backend));
}

/**
 * Refuses to open a kept profile with the other engine's switches: a LevelDB store would stay
 * on LevelDB under the terminal's (and be measured as SQLite), and Chromium would delete an
 * SQLite store without them (bench/idb-backend-switch.ts shows both).
 */
export function checkProfileBackend(profileDir: string, backend: IdbBackend): void {
  const other = profileBackends(profileDir).filter((kept) => kept !== backend);
  if (other.length > 0)
    throw new Error(
      `${profileDir} holds a store of the ${other.join(' and ')} IndexedDB engine; it cannot ` +
        `be measured as ${backend}. Run with --idb-backend ${other.join('/')}, or use ` +
        'another --profile',
    );
}
