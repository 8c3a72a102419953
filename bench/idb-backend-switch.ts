import { CHROMIUM_ARGS, CHROMIUM_BROWSER_ARGS } from '../scripts/chromium';
import { openStoreProbe } from './idb-store-probe';
import type { ProbeAction } from './idb-store-probe';

/**
 * What becomes of a store when Chromium starts with or without the terminal's IndexedDB
 * engine switches (electron/main/storage-engine.ts):
 *
 *   npx tsx bench/idb-backend-switch.ts
 *
 * Two profiles, one origin each. The first is written without the switches (LevelDB, as an
 * older terminal's), then opened with them: it stays on LevelDB and keeps its row. The second
 * is written with them (SQLite), then opened without: Chromium deletes the SQLite store.
 * Each step prints what it wrote or read and the engines whose stores the profile holds.
 */
type Step = { readonly engine: 'terminal' | 'none'; readonly action: ProbeAction };

const OLDER_STORE: readonly Step[] = [
  { engine: 'none', action: { write: 'written without the switches' } },
  { engine: 'none', action: 'read' },
  { engine: 'terminal', action: 'read' },
  { engine: 'terminal', action: { write: 'written with them, on the older store' } },
  { engine: 'terminal', action: 'read' },
];

const NEW_STORE: readonly Step[] = [
  { engine: 'terminal', action: { write: 'written with the switches' } },
  { engine: 'terminal', action: 'read' },
  { engine: 'none', action: 'read' },
  { engine: 'terminal', action: 'read' },
];

async function run(title: string, steps: readonly Step[]): Promise<void> {
  console.log(`\n${title}`);
  const probe = await openStoreProbe();
  try {
    for (const { engine, action } of steps) {
      const args = engine === 'terminal' ? CHROMIUM_ARGS : CHROMIUM_BROWSER_ARGS;
      const { value, backends } = await probe.step(args, action);
      const switches = engine === 'terminal' ? 'with the switches   ' : 'without the switches';
      const did = action === 'read' ? 'read ' : 'wrote';
      const found = (value ?? 'no row').padEnd(38);
      console.log(`  ${switches}  ${did}  ${found}  stores: ${backends.join(', ') || 'none'}`);
    }
  } finally {
    await probe.close();
  }
}

try {
  await run('A store written without the switches (LevelDB):', OLDER_STORE);
  await run('A store written with them (SQLite):', NEW_STORE);
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
