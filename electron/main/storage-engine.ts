/**
 * Which of Chromium's IndexedDB engines holds the terminal's store: SQLite for every new
 * store, LevelDB kept for a store that already exists. The shell (main.ts) and the test and
 * benchmark Chromium (scripts/chromium.ts) switch it on the same way, so what the tests and
 * `npm run bench:storage` measure is the store the terminal runs on.
 *
 * Why SQLite: Chromium is moving IndexedDB off LevelDB, citing apps' reports of missing and
 * corrupt data; Chrome's 2026 rollout keeps new stores in SQLite, by the stage named below
 * (chromestatus.com/feature/5161589557821440). Electron runs no field trials, so it stays on
 * LevelDB unless the shell asks. On `npm run bench:storage -- --customers 100000`, one run
 * each on the same 2-core machine, SQLite's sale commit p99 was 5.81 ms against LevelDB's
 * 9.17, its card lookup p99 1.07 against 1.61, and it loaded in 53 s against 72.
 * Browser mode (`npm start` without Electron) runs on whatever its browser picks.
 *
 * Invariant: a store is only ever opened by the engine that wrote it. The rollout stage keeps
 * that by itself: it picks LevelDB for an origin that has a LevelDB store, else SQLite (a
 * corrupt LevelDB store is started afresh on SQLite; on LevelDB it would be lost as well).
 * Taking these features away would NOT: Chromium's default stage then deletes SQLite stores.
 * So they must never be removed, renamed or overridden under a terminal that holds data, nor
 * a terminal downgraded to a release without them; an Electron upgrade must keep Chromium's
 * names (`npx tsx bench/idb-backend-switch.ts` shows what a Chromium does with them;
 * tests/chromium/storage-engine.test.ts holds Debian's to it). Electron's Chromium ignores a
 * feature it does not know, so the shell logs which engine holds the store (storesOnDisk).
 */
export const STORAGE_ENGINE_FEATURES: readonly string[] = [
  // On-disk stores: SQLite for an origin without a LevelDB store (the rollout's stage
  // `UseSqliteForNewStores`; its others are LevelDB only, SQLite only, and migration).
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

/** Chromium's IndexedDB engines: the terminal's (SQLite) and the older one (LevelDB). */
export const IDB_ENGINES = ['sqlite', 'leveldb'] as const;
export type IdbEngine = (typeof IDB_ENGINES)[number];

/** An entry of an IndexedDB folder, as `readdirSync(dir, { withFileTypes: true })`. */
export type FolderEntry = { readonly name: string; readonly isDirectory: () => boolean };

const LEVELDB_SUFFIX = '.indexeddb.leveldb';

/**
 * The stores an IndexedDB folder holds (a profile's `Default/IndexedDB`, the shell's
 * `userData/IndexedDB`), each with its origin and engine: LevelDB keeps an origin's store in
 * `<origin>.indexeddb.leveldb` (its blobs in `<origin>.indexeddb.blob`), SQLite in a folder
 * named after the origin alone. Files are not stores.
 */
export function storesIn(
  entries: readonly FolderEntry[],
): { readonly origin: string; readonly engine: IdbEngine }[] {
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.endsWith('.indexeddb.blob'))
    .map((entry) =>
      entry.name.endsWith(LEVELDB_SUFFIX)
        ? { origin: entry.name.slice(0, -LEVELDB_SUFFIX.length), engine: 'leveldb' }
        : { origin: entry.name, engine: 'sqlite' },
    );
}

/** The shell's start-up line on the stores in its IndexedDB folder (null: no folder yet). */
export function storesOnDisk(entries: readonly FolderEntry[] | null): string {
  const stores = storesIn(entries ?? []).map(
    ({ origin, engine }) => `${origin} on ${engine === 'sqlite' ? 'SQLite' : 'LevelDB'}`,
  );
  return stores.length === 0
    ? 'IndexedDB: no store yet (a new one goes on SQLite)'
    : `IndexedDB: ${stores.sort().join(', ')}`;
}
