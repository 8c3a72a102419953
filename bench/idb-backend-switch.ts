import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { serveFolder } from '../scripts/serve-folder';
import { SQLITE_BACKEND_SWITCH } from './idb-backend';

/**
 * What becomes of a store when Chromium's IndexedDB backend is switched under it:
 *
 *   npx tsx bench/idb-backend-switch.ts
 *
 * One profile and one origin; each step starts Chromium with or without the SQLite backend
 * (`--enable-features=IdbSqliteBackingStore`), writes or reads one row, and prints what it
 * found and which files the profile holds. terminal-database.ts says why it matters.
 */
type Step = { readonly sqlite: boolean; readonly action: 'write' | 'read' };

// Each backend reads its own write back before the switch, so an empty read after it is the
// switch's doing, not a lost write.
const STEPS: readonly Step[] = [
  { sqlite: false, action: 'write' },
  { sqlite: false, action: 'read' },
  { sqlite: true, action: 'read' },
  { sqlite: true, action: 'write' },
  { sqlite: true, action: 'read' },
  { sqlite: false, action: 'read' },
  { sqlite: true, action: 'read' },
];

async function main(): Promise<void> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'idb-backend-switch-'));
  const pageDir = path.join(workDir, 'page');
  const profileDir = path.join(workDir, 'profile');
  mkdirSync(pageDir);
  writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><title>probe</title>');
  const server = await serveFolder(pageDir);
  try {
    for (const step of STEPS) {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: step.sqlite ? [...CHROMIUM_ARGS, SQLITE_BACKEND_SWITCH] : [...CHROMIUM_ARGS],
      });
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        const written = step.sqlite ? 'the SQLite sale' : 'the default sale';
        const call = `(${STORE_STEP})(${JSON.stringify(step.action)}, ${JSON.stringify(written)})`;
        const found = String(await page.evaluate(call));
        const files = readdirSync(path.join(profileDir, 'Default', 'IndexedDB')).join(', ');
        const backend = step.sqlite ? 'SQLite ' : 'default';
        console.log(`${backend}  ${step.action.padEnd(5)}  ${found.padEnd(26)}  ${files}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * In the page (as source: this project has no DOM types): writes one row naming the backend
 * that wrote it (strict durability, as the terminal writes), or reads it back ("no row" when
 * the store is empty).
 */
const STORE_STEP = `(action, written) => new Promise((resolve, reject) => {
  const open = indexedDB.open('probe', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const mode = action === 'write' ? 'readwrite' : 'readonly';
    const tx = open.result.transaction('rows', mode, { durability: 'strict' });
    const rows = tx.objectStore('rows');
    const request = action === 'write' ? rows.put(written, 1) : rows.get(1);
    tx.oncomplete = () => {
      open.result.close();
      resolve(action === 'write' ? 'wrote ' + written : String(request.result ?? 'no row'));
    };
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  };
})`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
