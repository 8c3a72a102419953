import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt } from '../../shared/testing/test-terminal';
import { registerTerminal } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { SETUP_TIMEOUT_MS } from './test-timeouts';
import { TEST_ENGINES } from '../testing/test-databases';
import { runCommand } from './run-command';
import type { DatabaseCommand } from './run-command';
import demoProgramJson from '../../resources/programs/demo-program.json';

/** The store manager's commands end to end (minus the process), on both engines. */
describe.each(TEST_ENGINES)('admin commands on $name', (engine) => {
  let sql: Sql;
  let dir: string;
  // Monday 2026-01-05 09:00 in Moscow.
  const now = dayAt(0, 9);
  const run = (command: DatabaseCommand, at = now) => runCommand(sql, command, at);

  beforeAll(async () => {
    sql = await engine.open();
    dir = await mkdtemp(join(tmpdir(), 'admin-commands-'));
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('stores and terminals', () => {
    it('creates a store once', async () => {
      const command = {
        name: 'create-store',
        storeId: 'SA',
        storeName: 'Store A',
        timeZone: 'Europe/Moscow',
      } as const;
      expect(await run(command)).toEqual({
        exitCode: 0,
        stdout: 'Store SA created: "Store A", time zone Europe/Moscow.',
        stderr: '',
      });
      expect(await run(command)).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: store SA exists already',
      });
    });

    it('issues a registration code with the card block and the expiry in store time', async () => {
      const issued = await run({ name: 'create-terminal-code', storeId: 'SA', terminalId: 'A1' });
      expect(issued.exitCode).toBe(0);
      const [first, block, expires] = issued.stdout.split('\n');
      expect(first).toMatch(
        /^Registration code for terminal A1 of store SA: [A-HJ-NP-TV-Z2-9]{4}-[A-HJ-NP-TV-Z2-9]{4}-[A-HJ-NP-TV-Z2-9]{4}$/,
      );
      expect(block).toBe('Card block: 1');
      // 24 hours after Monday 09:00 Moscow.
      expect(expires).toBe('Expires: 2026-01-06 09:00 Europe/Moscow');
      const code = first?.split(': ')[1] ?? '';
      expect(await registerTerminal(sql, code, now + 60_000)).toMatchObject({
        ok: true,
        value: { terminalId: 'A1', cardBlock: 1 },
      });
      const second = await run({ name: 'create-terminal-code', storeId: 'SA', terminalId: 'A2' });
      expect(second.stdout).toContain('Card block: 2');
    });

    it('refuses a code for an unknown store or for another store’s terminal (exit 1)', async () => {
      expect(await run({ name: 'create-terminal-code', storeId: 'SX', terminalId: 'X1' })).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: store SX does not exist (create it first)',
      });
      await run({
        name: 'create-store',
        storeId: 'SB',
        storeName: 'Store B',
        timeZone: 'Asia/Yekaterinburg',
      });
      expect(await run({ name: 'create-terminal-code', storeId: 'SB', terminalId: 'A1' })).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: terminal A1 belongs to store SA',
      });
    });

    it('lists terminals with their state, per store or all', async () => {
      const all = await run({ name: 'list-terminals', storeId: null });
      expect(all.exitCode).toBe(0);
      const lines = all.stdout.split('\n');
      expect(lines[0]).toMatch(/^TERMINAL +STORE +CARD BLOCK +STATE +REGISTERED +LAST MESSAGE$/);
      expect(lines[1]).toMatch(/^A1 +SA +1 +registered +2026-01-05 09:01 +-$/);
      expect(lines[2]).toMatch(/^A2 +SA +2 +code issued, not registered +- +-$/);
      expect(lines).toHaveLength(3);
      expect(await run({ name: 'list-terminals', storeId: 'SB' })).toMatchObject({
        exitCode: 0,
        stdout: 'No terminals.',
      });
      expect(await run({ name: 'list-terminals', storeId: 'SX' })).toMatchObject({
        exitCode: 1,
        stderr: 'error: store SX does not exist',
      });
    });

    it('revokes a terminal once, ending its unused codes too (they would register it again)', async () => {
      const revoked = await run({ name: 'revoke-terminal', terminalId: 'A2' }, now + 3_600_000);
      expect(revoked.exitCode).toBe(0);
      expect(revoked.stdout).toBe(
        'Terminal A2 of store SA revoked at 2026-01-05 10:00 Europe/Moscow: its credential no longer works.',
      );
      expect(await run({ name: 'revoke-terminal', terminalId: 'A2' })).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: 'error: terminal A2 is revoked already (since 2026-01-05 10:00 Europe/Moscow)',
      });
      expect(await run({ name: 'revoke-terminal', terminalId: 'Z9' })).toMatchObject({
        exitCode: 1,
        stderr: 'error: terminal Z9 does not exist',
      });
      const listed = await run({ name: 'list-terminals', storeId: 'SA' });
      expect(listed.stdout).toMatch(/^A2 +SA +2 +revoked /m);
    });
  });

  describe('publishing a program from a file', () => {
    const publish = async (name: string, text: string) => {
      const file = join(dir, name);
      await writeFile(file, text);
      return { file, outcome: await run({ name: 'publish-program', file }) };
    };
    const programCount = async (): Promise<number> =>
      Number((await sql.query('select count(*)::int as n from programs'))[0]?.['n']);

    it('publishes a valid program once', async () => {
      const { outcome } = await publish('demo.json', JSON.stringify(demoProgramJson));
      expect(outcome).toEqual({
        exitCode: 0,
        stdout:
          'Program demo version 1 ("Demo points program") published; terminals receive it with their next pull.',
        stderr: '',
      });
      const again = await publish('demo-again.json', JSON.stringify(demoProgramJson));
      expect(again.outcome).toMatchObject({
        exitCode: 1,
        stderr:
          'error: Program not published: version 1 is published already; a changed program needs a new version number.',
      });
    });

    it('names every field that fails the schema, and publishes nothing', async () => {
      const broken = {
        ...demoProgramJson,
        version: 2,
        pendingDays: -1,
        redemption: { ...demoProgramJson.redemption, maxShareBp: 'thirty' },
        colour: 'red',
      };
      const { file, outcome } = await publish('broken.json', JSON.stringify(broken, null, 2));
      expect(outcome.exitCode).toBe(1);
      const lines = outcome.stderr.split('\n');
      expect(lines[0]).toBe(`error: Program not published: ${file} has 3 problem(s):`);
      expect(
        lines
          .slice(1)
          .map((line) => line.split(':')[0]?.trim())
          .sort(),
      ).toEqual(['colour', 'pendingDays', 'redemption.maxShareBp']);
      expect(await programCount()).toBe(1);
    });

    it('says where a file is not JSON, or cannot be read', async () => {
      const { outcome } = await publish('truncated.json', '{"version": 2, "name": ');
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stderr).toMatch(/^ {2}\(json\): .*truncated\.json is not valid JSON: /m);
      const missing = await run({ name: 'publish-program', file: join(dir, 'nowhere.json') });
      expect(missing.exitCode).toBe(1);
      expect(missing.stderr).toMatch(/^ {2}\(file\): cannot read .*nowhere\.json: ENOENT/m);
      expect(await programCount()).toBe(1);
    });
  });
});
