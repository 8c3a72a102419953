import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from './migrate';
import type { Sql } from './sql';
import { openPgliteSql } from './pglite-sql';
import { openEmptyPostgres } from '../testing/test-databases';

/** Each numbered migration, applied to the database the one before left, on both engines. */
describe.each([
  { name: 'pglite', open: () => openPgliteSql() },
  { name: 'postgres', open: openEmptyPostgres },
])('migrations on $name', ({ open }) => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await open();
  });
  afterAll(() => sql.close());

  it('are numbered 1, 2, 3… without gaps', async () => {
    const migrations = await readMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001_initial: the tables, and the constraints that keep money right', async () => {
    expect(await migrate(sql, { upTo: 1 })).toEqual([1]);
    const tables = await sql.query(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t['table_name'])).toEqual([
      'cards',
      'changes',
      'customers',
      'flags',
      'ledger_entries',
      'messages',
      'programs',
      'registration_codes',
      'schema_migrations',
      'stores',
      'terminals',
    ]);
    await sql.query(`insert into stores (id, name, time_zone) values ('S1', 'Store', 'UTC')`);
    await sql.query(`insert into terminals (id, store_id, card_block) values ('T1', 'S1', 7)`);
    // Two terminals never share a card block.
    await expect(
      sql.query(`insert into terminals (id, store_id, card_block) values ('T2', 'S1', 7)`),
    ).rejects.toThrow(/duplicate key/);
    const message = `insert into messages (id, terminal_id, store_id, operation, created_at_ms, status, reason, body)
      values ('0190f3a0-0000-7000-8000-000000000001', 'T1', 'S1', 'sale', 0, $1, $2, '{}')`;
    // A rejected message always says why; an applied one has no reason.
    await expect(sql.query(message, ['rejected', null])).rejects.toThrow(/check constraint/);
    await sql.query(message, ['applied', null]);
    // The same message id counts once.
    await expect(sql.query(message, ['applied', null])).rejects.toThrow(/duplicate key/);
    // Stamps sort by code unit (collation C), as the terminals compare them.
    const order = await sql.query(
      `select s from (values ('a-T'), ('A-T'), ('_-T'), ('0-T')) v(s) order by s collate "C"`,
    );
    expect(order.map((r) => r['s'])).toEqual(['0-T', 'A-T', '_-T', 'a-T']);
  });

  it('0002_terminal_export_keys: terminals get a nullable export key', async () => {
    expect(await migrate(sql, { upTo: 2 })).toEqual([2]);
    const rows = await sql.query(`select id, export_key from terminals where id = 'T1'`);
    expect(rows).toEqual([{ id: 'T1', export_key: null }]);
  });

  it('running again applies nothing', async () => {
    expect(await migrate(sql)).toEqual([]);
  });
});
