import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, profileBackends } from '../scripts/chromium';
import type { IdbEngine } from '../electron/main/storage-engine';
import { serveFolder } from '../scripts/serve-folder';

/**
 * One origin's IndexedDB across starts of Chromium with different switches, to see which
 * engine keeps the store and whether its data survives: bench/idb-backend-switch.ts prints
 * it, tests/chromium/storage-engine.test.ts holds Debian's Chromium to it.
 */
export type StoreProbe = {
  /** Starts Chromium on the probe's profile with `args`, writes or reads the one row, stops. */
  readonly step: (args: readonly string[], action: ProbeAction) => Promise<ProbeStep>;
  readonly close: () => Promise<void>;
};

/** A write stores `value`; a read answers what is stored. */
export type ProbeAction = { readonly write: string } | 'read';

export type ProbeStep = {
  /** What was written, or what was read: null when the store is empty. */
  readonly value: string | null;
  /** The engines whose stores the profile holds after the step. */
  readonly backends: readonly IdbEngine[];
};

/** A new profile and one page on a fixed origin (127.0.0.1, a free port), until `close`. */
export async function openStoreProbe(): Promise<StoreProbe> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'idb-store-probe-'));
  const pageDir = path.join(workDir, 'page');
  const profileDir = path.join(workDir, 'profile');
  let server: Awaited<ReturnType<typeof serveFolder>>;
  try {
    mkdirSync(pageDir);
    writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><title>probe</title>');
    server = await serveFolder(pageDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    async step(args, action) {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...args],
      });
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        const written = action === 'read' ? null : action.write;
        const value: unknown = await page.evaluate(`(${STORE_STEP})(${JSON.stringify(written)})`);
        if (value !== null && typeof value !== 'string')
          throw new Error(`the probe's row is ${JSON.stringify(value)}, not a text`);
        return { value, backends: profileBackends(profileDir) };
      } finally {
        await context.close();
      }
    },
    async close() {
      try {
        await server.close();
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * In the page (as source: this project has no DOM types): writes `written` as the one row
 * (strict durability, as the terminal writes) or, given null, reads it back (null when none).
 */
const STORE_STEP = `(written) => new Promise((resolve, reject) => {
  const open = indexedDB.open('probe', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const mode = written === null ? 'readonly' : 'readwrite';
    const tx = open.result.transaction('rows', mode, { durability: 'strict' });
    const rows = tx.objectStore('rows');
    const request = written === null ? rows.get(1) : rows.put(written, 1);
    tx.oncomplete = () => {
      open.result.close();
      resolve(written === null ? (request.result ?? null) : written);
    };
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  };
})`;
