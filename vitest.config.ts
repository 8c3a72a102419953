import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.ts';
import { PlainSummaryReporter } from './tests/support/plain-summary-reporter.ts';
import { StopTestServers } from './tests/support/stop-test-servers.ts';
// Loaded with `--configLoader runner` (package.json): the commands import server code, which
// Vite's config bundler would otherwise bundle with warnings.
import { syncServerCommands } from './tests/support/sync-server-commands.ts';
import { deviceHostCommands } from './tests/support/device-host-commands.ts';

/** Debian's Chromium (Playwright cannot download its own browsers here); see README. */
const chromium = { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };

export default defineConfig({
  test: {
    reporters: ['default', new PlainSummaryReporter(), new StopTestServers()],
    // Property tests run a fixed number of cases; fast-check prints the seed of a failure.
    testTimeout: 30_000,
    // Set-up hooks start databases and servers (PGlite takes seconds on a busy 2-core machine).
    hookTimeout: 60_000,
    // `expect.poll` waits on a worker's or a page's next step; 1 s (Vitest's default) is too
    // short on a loaded 2-core machine, where CI runs.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // One throwaway PostgreSQL cluster for the server tests (they also run on PGlite).
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          include: ['{shared,renderer,electron,server,tests,scripts}/**/*.test.ts'],
          // End-to-end tests drive a browser of their own and build on dist/renderer.
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        // Pre-bundled up front, so Vite does not reload the page mid-run when it meets them.
        optimizeDeps: { include: ['dexie', 'zod', 'react', 'react-dom', 'zustand'] },
        test: {
          // Code that needs a real browser (IndexedDB, Web Crypto, DOM) runs in Chromium.
          name: 'chromium',
          include: ['renderer/**/*.browser.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromium }),
            instances: [{ browser: 'chromium' }],
            // A real central server for the terminal's sync tests and a real device host for
            // its bridge tests (both run in this Node process).
            commands: { ...syncServerCommands, ...deviceHostCommands },
          },
        },
      },
    ],
  },
});
