import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium';

const ARGS = [...CHROMIUM_ARGS, '--no-first-run'];

/**
 * Debian's Chromium for the end-to-end tests (scripts/chromium.ts). Its contexts keep their
 * IndexedDB in memory, for the life of the browser.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * The same Chromium on a profile on disk, as a terminal runs: its IndexedDB is in files (on
 * the terminal's engine), and a later launch on the same folder finds it.
 */
export function launchChromiumProfile(
  profileDir: string,
  options: BrowserContextOptions,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    ...options,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
}
