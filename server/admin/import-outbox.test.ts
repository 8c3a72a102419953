import { webcrypto } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFileText } from '../../shared/sync/export-file';
import { signExportFile } from '../../shared/sync/export-signature';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { MAX_PUSH_BATCH, pushAnswerSchema } from '../../shared/sync/protocol';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import {
  createStore,
  createTerminalCode,
  registerTerminal,
  revokeTerminal,
} from '../auth/terminals';
import type { Sql } from '../db/sql';
import { listenSyncApi } from '../http/listen';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { TEST_ENGINES } from '../testing/test-databases';
import { parseCliArgs } from './cli-args';
import { importOutboxFile } from './import-outbox';
import { runCommand } from './run-command';
import { SETUP_TIMEOUT_MS } from './test-timeouts';
import demoProgramJson from '../../resources/programs/demo-program.json';

/**
 * A store without any link: its terminal exports the unsent messages to a signed file, and a
 * manager imports it with the admin CLI. The files here are signed by the same shared code
 * the terminal uses (shared/sync/export-signature.ts), with Node's Web Crypto.
 */
describe.each(TEST_ENGINES)('import-outbox on $name', (engine) => {
  let sql: Sql;
  let dir: string;
  const programs = createProgramStore();
  const keys = new Map<string, { exportKey: string; credential: string }>();
  // Monday 2026-01-05; the messages are made during the day, the file imported in the evening.
  const importAt = dayAt(0, 20);
  const t1 = fixtureTerminal({ terminalId: 'T1', storeId: 'S1', seed: 11 });
  const t2 = fixtureTerminal({ terminalId: 'T2', storeId: 'S1', seed: 12 });
  const t3 = fixtureTerminal({ terminalId: 'T3', storeId: 'S2', seed: 13 });
  let phone = 79160000000;

  const register = async (storeId: string, terminalId: string): Promise<void> => {
    const code = await createTerminalCode(sql, { storeId, terminalId, now: dayAt(0, 8) });
    if (!code.ok) throw new Error(code.error);
    const answer = await registerTerminal(sql, code.value.code, dayAt(0, 8));
    if (!answer.ok) throw new Error(answer.error);
    keys.set(terminalId, answer.value);
  };

  beforeAll(async () => {
    sql = await engine.open();
    dir = await mkdtemp(join(tmpdir(), 'import-outbox-'));
    await createStore(sql, { id: 'S1', name: 'Store one', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'S2', name: 'Store two', timeZone: 'Asia/Yekaterinburg' });
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
    for (const [store, terminal] of [
      ['S1', 'T1'],
      ['S1', 'T2'],
      ['S2', 'T3'],
      ['S1', 'T4'],
    ] as const)
      await register(store, terminal);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  const keyOf = (terminalId: string): string => keys.get(terminalId)?.exportKey ?? '';

  /** A day at the till: an enrolment and two sales (3 messages). */
  const aDay = (terminal = t1): OutboxMessage[] => {
    phone += 1;
    const enrolled = terminal.enrol(dayAt(0, 10), String(phone));
    return [
      enrolled.message,
      terminal.sell(dayAt(0, 11), enrolled.customer.id, rub(1000)).message,
      terminal.sell(dayAt(0, 12), enrolled.customer.id, rub(250)).message,
    ];
  };

  const fileOf = async (
    messages: readonly OutboxMessage[],
    header: { terminalId?: string; storeId?: string; key?: string } = {},
  ): Promise<string> => {
    const terminalId = header.terminalId ?? 'T1';
    const file = await signExportFile(
      webcrypto.subtle,
      {
        format: 'loyalty-outbox',
        version: 1,
        terminalId,
        storeId: header.storeId ?? 'S1',
        exportedAt: dayAt(0, 18),
        messages,
      },
      header.key ?? keyOf(terminalId),
    );
    return exportFileText(file);
  };

  const counts = async (): Promise<Record<string, number>> => {
    const result: Record<string, number> = {};
    for (const table of ['messages', 'ledger_entries', 'customers', 'cards', 'flags'])
      result[table] = Number(
        (await sql.query(`select count(*)::int as n from ${table}`))[0]?.['n'],
      );
    return result;
  };

  const importText = (text: string, at = importAt) => importOutboxFile(sql, programs, text, at);

  describe('a genuine file', () => {
    it('applies every message once; the same file again is all duplicates', async () => {
      const messages = aDay();
      const text = await fileOf(messages);
      const before = await counts();
      const first = await importText(text);
      expect(first).toEqual({
        ok: true,
        value: {
          terminalId: 'T1',
          storeId: 'S1',
          timeZone: 'Europe/Moscow',
          exportedAt: dayAt(0, 18),
          messages: 3,
          applied: 3,
          duplicate: 0,
          rejected: [],
          flags: {},
        },
      });
      const after = await counts();
      expect(after['messages'], 'three messages stored').toBe((before['messages'] ?? 0) + 3);
      const entries = messages.reduce((n, m) => n + m.entries.length, 0);
      expect(after['ledger_entries']).toBe((before['ledger_entries'] ?? 0) + entries);
      expect(after['customers']).toBe((before['customers'] ?? 0) + 1);

      const again = await importText(text, importAt + 3_600_000);
      expect(again).toMatchObject({ ok: true, value: { applied: 0, duplicate: 3, rejected: [] } });
      expect(await counts()).toEqual(after);
    });

    it('then answers the terminal’s own push of the same messages `duplicate`', async () => {
      const messages = aDay();
      expect(await importText(await fileOf(messages))).toMatchObject({
        ok: true,
        value: { applied: 3 },
      });
      const server = await listenSyncApi({ sql, programs, now: () => importAt });
      try {
        const response = await fetch(`${server.url}/v1/push`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${keys.get('T1')?.credential ?? ''}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ messages }),
        });
        expect(response.status).toBe(200);
        const answer = pushAnswerSchema.parse(await response.json());
        expect(answer.results.map((r) => r.status)).toEqual([
          'duplicate',
          'duplicate',
          'duplicate',
        ]);
      } finally {
        await server.close();
      }
    });

    it('answers each message as a push would: a sale for an unknown customer is rejected, the rest applied', async () => {
      phone += 1;
      const lost = t1.enrol(dayAt(0, 10), String(phone));
      const orphan = t1.sell(dayAt(0, 11), lost.customer.id, rub(500)).message;
      const messages = [orphan, ...aDay()];
      const imported = await importText(await fileOf(messages));
      expect(imported).toMatchObject({
        ok: true,
        value: {
          applied: 3,
          duplicate: 0,
          rejected: [{ id: orphan.id, reason: 'unknown-customer' }],
        },
      });
    });

    it(`goes in batches of ${String(MAX_PUSH_BATCH)}: ${String(MAX_PUSH_BATCH + 1)} enrolments, all applied`, async () => {
      const messages = Array.from({ length: MAX_PUSH_BATCH + 1 }, () => {
        phone += 1;
        return t2.enrol(dayAt(0, 13), String(phone)).message;
      });
      const text = await fileOf(messages, { terminalId: 'T2' });
      expect(await importText(text)).toMatchObject({
        ok: true,
        value: { messages: MAX_PUSH_BATCH + 1, applied: MAX_PUSH_BATCH + 1, duplicate: 0 },
      });
    }, 60_000);
  });

  describe('a file that is refused whole, nothing written', () => {
    const refusedWithNothingWritten = async (text: string) => {
      const before = await counts();
      const result = await importText(text);
      expect(await counts()).toEqual(before);
      if (result.ok) throw new Error('expected a refusal');
      return result.error;
    };

    it('one character of a message changed after export', async () => {
      const text = await fileOf(aDay());
      // The welcome bonus (the first entry in the file) grows from 200 to 220 points.
      const tampered = text.replace(
        /"points":(\d+)/,
        (_m, n: string) => `"points":${String(Number(n) + 20)}`,
      );
      expect(tampered).not.toBe(text);
      expect(await refusedWithNothingWritten(tampered)).toEqual({
        code: 'bad-signature',
        terminalId: 'T1',
      });
      // The same file untouched goes in: it was the change that was refused.
      expect(await importText(text)).toMatchObject({ ok: true, value: { applied: 3 } });
    });

    it('signed with another key (another terminal’s)', async () => {
      expect(await refusedWithNothingWritten(await fileOf(aDay(), { key: keyOf('T2') }))).toEqual({
        code: 'bad-signature',
        terminalId: 'T1',
      });
    });

    it('of a terminal this server does not know', async () => {
      const t9 = fixtureTerminal({ terminalId: 'T9', storeId: 'S1', seed: 19 });
      const text = await fileOf(aDay(t9), { terminalId: 'T9', key: keyOf('T1') });
      expect(await refusedWithNothingWritten(text)).toEqual({
        code: 'unknown-terminal',
        terminalId: 'T9',
      });
    });

    it('claiming another store than the terminal’s', async () => {
      const text = await fileOf(aDay(), { storeId: 'S2' });
      expect(await refusedWithNothingWritten(text)).toEqual({
        code: 'wrong-store',
        terminalId: 'T1',
        storeId: 'S1',
        fileStoreId: 'S2',
      });
    });

    it('holding another terminal’s or another store’s messages, even signed right', async () => {
      const other = aDay(t2);
      const text = await fileOf([...aDay(), ...other]);
      expect(await refusedWithNothingWritten(text)).toEqual({
        code: 'foreign-message',
        messageId: other[0]?.id,
        terminalId: 'T1',
        storeId: 'S1',
      });
      const s2 = aDay(t3);
      expect(
        await refusedWithNothingWritten(
          await fileOf(s2, { terminalId: 'T3', storeId: 'S1', key: keyOf('T3') }),
        ),
      ).toMatchObject({ code: 'wrong-store', storeId: 'S2' });
      // A message that says T1/S1 but carries an entry of store S2.
      const [enrolment, sale] = aDay();
      const mixed = {
        ...sale!,
        entries: sale!.entries.map((entry) => ({ ...entry, storeId: 'S2' })),
      };
      expect(await refusedWithNothingWritten(await fileOf([enrolment!, mixed]))).toMatchObject({
        code: 'foreign-message',
        messageId: sale!.id,
      });
    });

    it('of a revoked terminal (its key is no longer trusted)', async () => {
      const t4 = fixtureTerminal({ terminalId: 'T4', storeId: 'S1', seed: 14 });
      const text = await fileOf(aDay(t4), { terminalId: 'T4' });
      expect(await revokeTerminal(sql, 'T4', dayAt(0, 19))).toBe(true);
      expect(await refusedWithNothingWritten(text)).toEqual({
        code: 'revoked',
        terminalId: 'T4',
        revokedAtMs: dayAt(0, 19),
        timeZone: 'Europe/Moscow',
      });
    });

    it('of a terminal that never registered (no export key)', async () => {
      const code = await createTerminalCode(sql, {
        storeId: 'S1',
        terminalId: 'T5',
        now: importAt,
      });
      expect(code.ok).toBe(true);
      const t5 = fixtureTerminal({ terminalId: 'T5', storeId: 'S1', seed: 15 });
      const text = await fileOf(aDay(t5), { terminalId: 'T5', key: keyOf('T1') });
      expect(await refusedWithNothingWritten(text)).toEqual({
        code: 'no-export-key',
        terminalId: 'T5',
      });
    });

    it('garbage: every problem named by its field', async () => {
      expect(await refusedWithNothingWritten('{"format":"loyalty-outbox"')).toMatchObject({
        code: 'invalid-file',
        problems: [{ field: '(json)' }],
      });
      const text = await fileOf(aDay());
      const broken = JSON.parse(text) as { messages: Record<string, unknown>[] };
      broken.messages[1]!['createdAt'] = 'yesterday';
      expect(await refusedWithNothingWritten(JSON.stringify(broken))).toEqual({
        code: 'invalid-file',
        problems: [{ field: 'messages[1].createdAt', message: expect.any(String) as unknown }],
      });
    });
  });

  describe('as an admin command', () => {
    it('reads the arguments', () => {
      expect(parseCliArgs(['import-outbox', 'outbox-T1-20260105-1800.json'])).toEqual({
        ok: true,
        value: { name: 'import-outbox', file: 'outbox-T1-20260105-1800.json' },
      });
      expect(parseCliArgs(['import-outbox'])).toEqual({
        ok: false,
        error: 'import-outbox: missing <file.json>',
      });
    });

    it('prints the counts (exit 0), or why nothing was imported (exit 1)', async () => {
      const file = join(dir, 'outbox-T1-20260105-1800.json');
      await writeFile(file, await fileOf(aDay()));
      const run = () => runCommand(sql, { name: 'import-outbox', file }, importAt);
      expect(await run()).toEqual({
        exitCode: 0,
        stdout: [
          `Imported ${file}: 3 message(s) of terminal T1, store S1, exported 2026-01-05 18:00 Europe/Moscow.`,
          'Applied: 3, duplicate: 0, rejected: 0.',
        ].join('\n'),
        stderr: '',
      });
      expect((await run()).stdout).toContain('Applied: 0, duplicate: 3, rejected: 0.');

      const tampered = join(dir, 'tampered.json');
      await writeFile(tampered, (await fileOf(aDay())).replace(/"points":(\d+)/, '"points":9999'));
      expect(await runCommand(sql, { name: 'import-outbox', file: tampered }, importAt)).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `error: Nothing imported: the signature of ${tampered} does not match the export key of terminal T1. The file was changed after it was exported, or signed with another key (was the terminal registered again since?).`,
      });

      const garbage = join(dir, 'garbage.json');
      await writeFile(garbage, JSON.stringify({ format: 'loyalty-outbox', version: 1 }));
      const refused = await runCommand(sql, { name: 'import-outbox', file: garbage }, importAt);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr.split('\n')).toEqual([
        `error: Nothing imported: ${garbage} has 5 problem(s):`,
        '  terminalId: Invalid input: expected string, received undefined',
        '  storeId: Invalid input: expected string, received undefined',
        '  exportedAt: Invalid input: expected number, received undefined',
        '  messages: Invalid input: expected array, received undefined',
        '  signature: Invalid input: expected string, received undefined',
      ]);

      const missing = await runCommand(
        sql,
        { name: 'import-outbox', file: join(dir, 'nowhere.json') },
        importAt,
      );
      expect(missing).toMatchObject({ exitCode: 1, stdout: '' });
      expect(missing.stderr).toMatch(
        /^error: Nothing imported: .*nowhere\.json has 1 problem\(s\):\n {2}\(file\): cannot read .*ENOENT/,
      );
    });

    it('lists rejected messages with their reasons, and the flags raised', async () => {
      phone += 1;
      const lost = t1.enrol(dayAt(0, 10), String(phone));
      const orphan = t1.sell(dayAt(0, 11), lost.customer.id, rub(500)).message;
      const rejectedFile = join(dir, 'with-rejection.json');
      await writeFile(rejectedFile, await fileOf([orphan]));
      const rejected = await runCommand(
        sql,
        { name: 'import-outbox', file: rejectedFile },
        importAt,
      );
      expect(rejected.exitCode).toBe(0);
      expect(rejected.stdout.split('\n').slice(1)).toEqual([
        'Applied: 0, duplicate: 0, rejected: 1.',
        'Rejected (recorded; the terminal gets the same answer when it pushes them):',
        expect.stringMatching(new RegExp(`^  ${orphan.id} unknown-customer: .+`)) as unknown,
      ]);

      // Two tills of store S1, both offline, spend the same 200 welcome points.
      phone += 1;
      const enrolled = t1.enrol(dayAt(0, 10), String(phone));
      const spentAtT1 = t1.sell(dayAt(0, 11), enrolled.customer.id, rub(1000), 200).message;
      t2.learn(enrolled.message.entries);
      const spentAtT2 = t2.sell(dayAt(0, 12), enrolled.customer.id, rub(1000), 200).message;
      const first = join(dir, 'till-1.json');
      const second = join(dir, 'till-2.json');
      await writeFile(first, await fileOf([enrolled.message, spentAtT1]));
      await writeFile(second, await fileOf([spentAtT2], { terminalId: 'T2' }));
      expect(
        (await runCommand(sql, { name: 'import-outbox', file: first }, importAt)).stdout,
      ).toContain('Applied: 2, duplicate: 0, rejected: 0.');
      const overdrawn = await runCommand(sql, { name: 'import-outbox', file: second }, importAt);
      expect(overdrawn.stdout.split('\n').slice(1)).toEqual([
        'Applied: 1, duplicate: 0, rejected: 0.',
        'Flags raised: overdraft 1 (see list-flags).',
      ]);
    });
  });
});
