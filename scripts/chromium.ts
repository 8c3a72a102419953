import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IDB_ENGINES, storesIn, withStorageEngineFeatures } from '../electron/main/storage-engine';
import type { IdbEngine } from '../electron/main/storage-engine';

/**
 * Debian's Chromium, driven by playwright-core: Playwright cannot download its own browsers on
 * a machine without internet (README, "Tests"). The same flags for the tests, the benches
 * and Vitest's browser project: CHROMIUM_ARGS, with HEAP_ARGS added for heap figures.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * No sandbox (CI runs as root) and no GPU; the rest keeps Chromium from reaching for a
 * network this machine does not have (updates, sync, background fetches).
 */
export const CHROMIUM_BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The features playwright-core (1.65) enables in every Chromium it launches. Its
 * `--enable-features` comes before the caller's, and Chromium reads only the last one (with
 * the storage engine's last, a Chromium started with both gave a new store SQLite; the other
 * way round, LevelDB), so STORAGE_ENGINE_ARG repeats them.
 */
const PLAYWRIGHT_FEATURES = 'CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies';

/** IndexedDB on the engine the shell gives the terminal (electron/main/storage-engine.ts). */
export const STORAGE_ENGINE_ARG =
  '--enable-features=' + withStorageEngineFeatures(PLAYWRIGHT_FEATURES);

/** The browser as the tests and benches run it: the flags above, the terminal's store. */
export const CHROMIUM_ARGS: readonly string[] = [...CHROMIUM_BROWSER_ARGS, STORAGE_ENGINE_ARG];

/** For benches that report heap figures: precise memory info and a page-callable full GC. */
export const HEAP_ARGS: readonly string[] = [
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

/** The browser as the benches that report heap figures run it. */
export const CHROMIUM_HEAP_ARGS: readonly string[] = [...CHROMIUM_ARGS, ...HEAP_ARGS];

/**
 * The engines whose stores a browser profile holds (storesIn), each once, in IDB_ENGINES'
 * order. None: no IndexedDB data yet.
 */
export function profileBackends(profileDir: string): readonly IdbEngine[] {
  const folder = path.join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(folder)) return [];
  const found = new Set(
    storesIn(readdirSync(folder, { withFileTypes: true })).map((s) => s.engine),
  );
  return IDB_ENGINES.filter((engine) => found.has(engine));
}
