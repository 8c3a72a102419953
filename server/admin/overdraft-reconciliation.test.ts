import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { createStore, createTerminalCode } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { pushBatch } from '../sync/push';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { SETUP_TIMEOUT_MS } from './test-timeouts';
import { TEST_ENGINES } from '../testing/test-databases';
import { listOverdrafts } from './flag-admin';
import type { OverdraftRow } from './flag-admin';
import { runCommand } from './run-command';
import demoProgramJson from '../../resources/programs/demo-program.json';

/**
 * Two stores spend the same points offline (as in push-plan.test.ts): the server applies both
 * and flags the overdraft; the manager lists it, settles it with the customer and resolves it.
 */
describe.each(TEST_ENGINES)('reconciling an overdraft on $name', (engine) => {
  let sql: Sql;
  const now = dayAt(21, 9);
  const a = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 41 });
  const b = fixtureTerminal({ terminalId: 'B1', storeId: 'SB', seed: 42 });
  const enrolment = a.enrol(dayAt(0, 10), '79990000001');
  const customerId = enrolment.customer.id;
  const first = a.sell(dayAt(0, 11), customerId, rub(4000));
  b.learn([...enrolment.message.entries, ...first.message.entries]);
  // Day 20: both stores see the same points available and each spends all of them offline.
  const available = a.available(customerId, dayAt(20, 12));
  const spendA = a.sell(dayAt(20, 12), customerId, rub(available * 10), available);
  const spendB = b.sell(dayAt(20, 13), customerId, rub(available * 10), available);
  const redemptionB = spendB.message.entries.find((entry) => entry.kind === 'redemption');
  const accrualA = spendA.message.entries.find((entry) => entry.kind === 'accrual');
  let overdrafts: readonly OverdraftRow[];

  beforeAll(async () => {
    sql = await engine.open();
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
    await createStore(sql, { id: 'SA', name: 'Store A', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'SB', name: 'Store B', timeZone: 'Asia/Yekaterinburg' });
    await createTerminalCode(sql, { storeId: 'SA', terminalId: 'A1', now: dayAt(0) });
    await createTerminalCode(sql, { storeId: 'SB', terminalId: 'B1', now: dayAt(0) });
    const programs = createProgramStore();
    await pushBatch(sql, programs, [enrolment.message, first.message], dayAt(30));
    // B syncs first; A's message arrives later but is stamped earlier.
    expect(await pushBatch(sql, programs, [spendB.message], dayAt(30))).toMatchObject([
      { flags: [] },
    ]);
    expect(await pushBatch(sql, programs, [spendA.message], dayAt(30))).toMatchObject([
      { flags: ['overdraft'] },
    ]);
    overdrafts = await listOverdrafts(sql, { includeResolved: false });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
  });

  it('lists the overdraft: raised by store A’s late message, naming store B’s redemption', () => {
    expect(available, '200 welcome + 4 000 ₽ × 5 % × 2 (Monday 11:00 happy hour) = 600').toBe(600);
    expect(overdrafts).toHaveLength(1);
    const [row] = overdrafts;
    expect(row).toMatchObject({
      flag: { kind: 'overdraft', storeId: 'SA', customerId, resolvedAtMs: null },
      entryId: redemptionB?.id,
      entry: { storeId: 'SB', terminalId: 'B1', kind: 'redemption', points: -600 },
    });
    // By stamp, A's redemption (12:00) takes the 600 available points; B's (13:00) then finds
    // only A's new accrual, still pending, which a debit may take: 600 − that accrual is owed.
    expect(accrualA?.points, 'A: 6 000 ₽ −5 % offer = 5 700; −600 points → 5 100 ₽ × 10 %').toBe(
      510,
    );
    expect(
      row?.pointsOverdrawn,
      'B spends 600 when A has spent all 600 available: pending points do not count, 600 short',
    ).toBe(600);
  });

  it('prints it with the store, the customer, the entry and the points; then resolves it', async () => {
    const flagId = overdrafts[0]?.flag.id ?? 0;
    const listed = await runCommand(sql, { name: 'list-overdrafts', includeResolved: false }, now);
    expect(listed.exitCode).toBe(0);
    const line = listed.stdout.split('\n').find((text) => text.includes(customerId)) ?? '';
    expect(line).toMatch(new RegExp(`^\\s*${String(flagId)}\\s`));
    expect(line).toContain(' SA ');
    expect(line).toContain(redemptionB?.id ?? 'no redemption');
    // B's entry at 13:00 Moscow = 15:00 in Yekaterinburg, the entry's store's zone.
    expect(line).toContain('SB/B1 2026-01-25 15:00');
    expect(line).toMatch(/ 600 +open$/);

    const resolved = await runCommand(
      sql,
      { name: 'resolve-flag', flagId, note: 'customer paid 90 ₽' },
      now,
    );
    expect(resolved.exitCode).toBe(0);
    expect(resolved.stdout).toContain(
      `Flag ${String(flagId)} (overdraft) resolved at 2026-01-26 09:00 Europe/Moscow.`,
    );
    expect(resolved.stdout).toContain('The note was not saved');

    expect(await runCommand(sql, { name: 'list-overdrafts', includeResolved: false }, now)).toEqual(
      { exitCode: 0, stdout: 'No open overdrafts.', stderr: '' },
    );
    const all = await runCommand(sql, { name: 'list-overdrafts', includeResolved: true }, now);
    expect(all.stdout).toMatch(/ 600 +resolved 2026-01-26 09:00$/m);
    const flags = await runCommand(
      sql,
      { name: 'list-flags', kind: 'overdraft', includeResolved: true },
      now,
    );
    // jsonb keeps keys in its own order, so each is checked on its own.
    expect(flags.stdout).toContain(`entryId=${redemptionB?.id ?? ''}`);
    expect(flags.stdout).toContain('points=600');
  });

  it('refuses to resolve a flag twice, or one that does not exist (exit 1)', async () => {
    const flagId = overdrafts[0]?.flag.id ?? 0;
    const again = await runCommand(sql, { name: 'resolve-flag', flagId, note: null }, now);
    expect(again).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `error: flag ${String(flagId)} was resolved already, at 2026-01-26 09:00 Europe/Moscow`,
    });
    const missing = await runCommand(sql, { name: 'resolve-flag', flagId: 999, note: null }, now);
    expect(missing).toMatchObject({
      exitCode: 1,
      stderr: 'error: flag 999 does not exist (see list-flags --all)',
    });
  });
});
