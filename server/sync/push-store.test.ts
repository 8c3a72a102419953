import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { SETUP_TIMEOUT_MS } from '../admin/test-timeouts';
import type { Sql } from '../db/sql';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { TEST_ENGINES } from '../testing/test-databases';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { pushBatch } from './push';

/**
 * Each entry is stored once: an applied message's row leaves its entries to ledger_entries
 * (where message_id finds them again); a rejected message's row keeps them, as nothing else
 * does.
 */
describe.each(TEST_ENGINES)('what a push stores on $name', (engine) => {
  const a = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 71 });
  const enrolment = a.enrol(dayAt(0, 10), '79990000001');
  const stray = a.sell(dayAt(0, 11), '0190f3a0-0000-7000-8000-00000000c0de', rub(500));
  let sql: Sql;

  beforeAll(async () => {
    sql = await engine.open();
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
    await sql.query(`insert into stores (id, name, time_zone) values ('SA', 'A', 'UTC')`);
    expect(
      await pushBatch(sql, createProgramStore(), [enrolment.message, stray.message], dayAt(30)),
    ).toMatchObject([{ status: 'applied' }, { status: 'rejected', reason: 'unknown-customer' }]);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
  });

  const body = async (id: string): Promise<Record<string, unknown>> =>
    (await sql.query('select body from messages where id = $1', [id]))[0]?.['body'] as Record<
      string,
      unknown
    >;

  it('an applied message: its row without the entries, which ledger_entries holds', async () => {
    const { entries, ...rest } = enrolment.message;
    expect(await body(enrolment.message.id)).toEqual(rest);
    const stored = await sql.query(
      'select entry from ledger_entries where message_id = $1 order by id',
      [enrolment.message.id],
    );
    expect(stored.map((row) => row['entry'])).toEqual(
      [...entries].sort((p, q) => (p.id < q.id ? -1 : 1)),
    );
  });

  it('a rejected message: its row whole, entries included', async () => {
    expect(await body(stray.message.id)).toEqual(stray.message);
    expect(
      await sql.query('select 1 from ledger_entries where message_id = $1', [stray.message.id]),
    ).toEqual([]);
  });
});
