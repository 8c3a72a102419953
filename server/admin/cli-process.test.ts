import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real CLI as a manager runs it: a child process on PGlite in a temporary directory.
 * Three runs: the first creates the PGlite data directory (about 10 s), the second opens it
 * (about 3 s), the usage error opens nothing. Business errors (exit 1) are tested in-process.
 */
type Run = { readonly code: number; readonly stdout: string; readonly stderr: string };

function cli(dataDir: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'server/admin/cli.ts', ...args],
      {
        cwd: join(import.meta.dirname, '../..'),
        // DATABASE_URL emptied: the CLI must use PGlite in LOYALTY_DATA_DIR.
        env: { ...process.env, LOYALTY_DATA_DIR: dataDir, DATABASE_URL: '' },
        // Room for a busy machine; alone, the slowest run (creating the data directory) takes ~10 s.
        timeout: 40_000,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
      },
    );
  });
}

describe('admin CLI as a process (PGlite)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'admin-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a store and a terminal code; a typo exits 2 before opening the database', async () => {
    const created = await cli(dataDir, ['create-store', 'S1', 'Store One', 'Europe/Moscow']);
    expect(created).toMatchObject({
      code: 0,
      stdout: 'Store S1 created: "Store One", time zone Europe/Moscow.\n',
    });

    const code = await cli(dataDir, ['create-terminal-code', 'S1', 'T1']);
    expect(code.code).toBe(0);
    expect(code.stdout).toMatch(
      /^Registration code for terminal T1 of store S1: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\nCard block: 1\nExpires: \d{4}-\d{2}-\d{2} \d{2}:\d{2} Europe\/Moscow\n/,
    );

    const typo = await cli(dataDir, ['create-termnal-code', 'S1', 'T2']);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toContain('error: unknown command "create-termnal-code"\n\nUsage: ');
    expect(typo.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
