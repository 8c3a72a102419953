import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import type { Sql } from '../db/sql';
import { publishProgram } from '../programs/program-store';
import { pullChanges } from '../sync/pull';
import { storedEntry } from '../sync/stored-rows';
import { TEST_ENGINES } from '../testing/test-databases';
import { seedDemoChain } from './seed-demo-chain';
import { generateDemoCustomers } from '../../shared/demo-data/generate-demo-customers';

describe.each(TEST_ENGINES)('the demo chain on $name', (engine) => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await engine.open();
    await publishProgram(sql, demoProgramJson);
  });
  afterAll(() => sql.close());

  const options = {
    customers: 250,
    seed: 1,
    now: dayAt(400),
    program: demoProgram,
    chunkSize: 100,
  };

  it('holds the generator’s customers, cards and ledgers, each change in the log once', async () => {
    expect(await seedDemoChain(sql, options)).toEqual({ seeded: true });
    const demo = generateDemoCustomers(1, 0, 250, options.now, demoProgram);
    const count = async (table: string) =>
      Number((await sql.query(`select count(*)::int as n from ${table}`))[0]?.['n']);
    expect(await count('customers')).toBe(250);
    expect(await count('cards')).toBe(250);
    expect(await count('ledger_entries')).toBe(demo.ledger.length);
    // program + every customer, card and entry
    expect(await count('changes')).toBe(1 + 250 + 250 + demo.ledger.length);
    const first = demo.balances[0];
    if (!first) throw new Error('no demo customer');
    const rows = await sql.query(
      'select id::text, entry from ledger_entries where customer_id = $1',
      [first.customerId],
    );
    expect(foldLedger(rows.map((r) => storedEntry(String(r['id']), r['entry'])))).toEqual(
      first.fold,
    );
    const page = await pullChanges(sql, 0, 10);
    expect(page.changes.map((c) => c['kind'])).toEqual([
      'program',
      ...Array<string>(9).fill('customer'),
    ]);
  });

  it('seeds once: a second start changes nothing', async () => {
    expect(await seedDemoChain(sql, options)).toEqual({ seeded: false });
  });
});
