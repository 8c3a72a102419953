import { IDB_ENGINES } from '../electron/main/storage-engine';
import type { IdbEngine } from '../electron/main/storage-engine';
import { profileBackends, STORAGE_ENGINE_ARG } from '../scripts/chromium';

/*
 * The storage benchmark's `--idb-backend`: Chromium's IndexedDB engine for its stores. SQLite,
 * which the terminal gives every new store (electron/main/storage-engine.ts), or LevelDB,
 * Chromium's older default, which a terminal keeps for a store it already had; to compare.
 */

/**
 * The Chromium switches that select the engine for a new profile. The terminal's own keep an
 * existing LevelDB store on LevelDB; without them Chromium deletes SQLite stores.
 */
export function backendSwitches(backend: IdbEngine): readonly string[] {
  return backend === 'sqlite' ? [STORAGE_ENGINE_ARG] : [];
}

export function parseIdbBackend(text: string): IdbEngine {
  const backend = IDB_ENGINES.find((name) => name === text);
  if (backend === undefined)
    throw new Error(
      `--idb-backend: ${JSON.stringify(text)} is not one of ${IDB_ENGINES.join(', ')}`,
    );
  return backend;
}

/**
 * Refuses to open a kept profile with the other engine's switches: a LevelDB store would stay
 * on LevelDB under the terminal's (and be measured as SQLite), and Chromium would delete an
 * SQLite store without them (bench/idb-backend-switch.ts shows both).
 */
export function checkProfileBackend(profileDir: string, backend: IdbEngine): void {
  const other = profileBackends(profileDir).filter((kept) => kept !== backend);
  if (other.length > 0)
    throw new Error(
      `${profileDir} holds a store of the ${other.join(' and ')} IndexedDB engine; it cannot ` +
        `be measured as ${backend}. Run with --idb-backend ${other.join('/')}, or use ` +
        'another --profile',
    );
}
