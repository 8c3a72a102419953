/**
 * Which of Chromium's IndexedDB engines holds the terminal's store: SQLite for every new
 * store, LevelDB kept for a store that already exists. The shell (main.ts) and the test and
 * benchmark Chromium (scripts/chromium.ts) switch it on the same way, so what the tests and
 * `npm run bench:storage` measure is the store the terminal runs on.
 *
 * Why SQLite: Chromium is moving IndexedDB off LevelDB, citing apps' reports of missing and
 * corrupt data; Chrome's 2026 rollout keeps new stores in SQLite, by the stage named below
 * (chromestatus.com/feature/5161589557821440). Electron runs no field trials, so it stays on
 * LevelDB unless the shell asks. On `npm run bench:storage` at 1 000 000 customers, SQLite's
 * sale commit p99 was 11–27 ms against LevelDB's 39–65, and loading 2.5 times faster.
 * Browser mode (`npm start` without Electron) runs on whatever its browser picks.
 *
 * Invariant: a store is only ever opened by the engine that wrote it. The rollout stage keeps
 * that by itself: it picks LevelDB for an origin that has a LevelDB store, else SQLite. Taking
 * these features away would NOT: Chromium's default stage then deletes SQLite stores. So they
 * must never be removed, renamed or overridden under a terminal that holds data; an Electron
 * upgrade must keep Chromium's names (`npx tsx bench/idb-backend-switch.ts` shows what a
 * Chromium does with them; tests/chromium/storage-engine.test.ts holds Debian's to it).
 */
export const STORAGE_ENGINE_FEATURES: readonly string[] = [
  // On-disk stores: SQLite for an origin without a LevelDB store (Chrome's rollout stage 2).
  'IdbSqliteOnDiskRollout:stage/UseSqliteForNewStores',
  // In-memory stores (a test browser's fresh contexts) on SQLite too, as in Chrome's incognito.
  'IdbSqliteBackingStoreInMemoryContexts',
];

/**
 * The value of Chromium's `--enable-features` with the storage engine's features added to
 * those already asked for (`current`, comma-separated, possibly empty): Chromium reads one
 * `--enable-features`, so a second one would drop the first's.
 */
export function withStorageEngineFeatures(current: string): string {
  const asked = current
    .split(',')
    .map((feature) => feature.trim())
    .filter((feature) => feature !== '');
  return [...new Set([...asked, ...STORAGE_ENGINE_FEATURES])].join(',');
}
