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

  it('0003_push_write_path: drops the foreign keys a push guarantees; appends a push’s changes', async () => {
    const foreignKeys = async (): Promise<unknown[]> =>
      (
        await sql.query(
          `select conrelid::regclass::text || '.' || a.attname as key
           from pg_constraint c join pg_attribute a
             on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
           where c.contype = 'f' and c.conrelid::regclass::text in ('messages', 'ledger_entries', 'cards')
           order by 1`,
        )
      ).map((row) => row['key']);
    expect(await foreignKeys()).toEqual([
      'cards.customer_id',
      'ledger_entries.customer_id',
      'ledger_entries.message_id',
      'ledger_entries.store_id',
      'ledger_entries.terminal_id',
      'messages.store_id',
      'messages.terminal_id',
    ]);
    expect(await migrate(sql, { upTo: 3 })).toEqual([3]);
    expect(await foreignKeys()).toEqual(['cards.customer_id', 'ledger_entries.customer_id']);
    // The message stored under version 1 is still there.
    const kept = await sql.query(`select status, body from messages where terminal_id = 'T1'`);
    expect(kept).toEqual([{ status: 'applied', body: {} }]);
    const customer = '0190f3a0-0000-7000-8000-00000000c001';
    const entry = (id: string) =>
      sql.query(
        `insert into ledger_entries
           (id, customer_id, message_id, store_id, terminal_id, kind, points, at_ms, stamp, entry)
         values ($1, $2, '0190f3a0-0000-7000-8000-000000000001', 'S1', 'T1',
                 'accrual', 10, 0, 's', $3)`,
        [id, customer, JSON.stringify({ id })],
      );
    // An entry for a customer nobody enrolled is still refused by the database.
    await expect(entry('0190f3a0-0000-7000-8000-00000000e001')).rejects.toThrow(/foreign key/);
    await sql.query(`insert into customers (id, phone, profile) values ($1, '7', '{"n": 1}')`, [
      customer,
    ]);
    await entry('0190f3a0-0000-7000-8000-00000000e001');

    // A push's changes: appended in order with the rows' payloads, unless a customer the
    // push did not write holds a phone it enrolled (then that customer, and nothing appended).
    const append = (phones: string[]) =>
      sql.query('select append_push_changes(731001, $1, $2, $3, $4, $5)::text as holder', [
        [customer],
        [],
        ['0190f3a0-0000-7000-8000-00000000e001'],
        phones,
        [],
      ]);
    expect(await append(['7'])).toEqual([{ holder: customer }]);
    expect(await sql.query('select count(*)::int as n from changes')).toEqual([{ n: 0 }]);
    expect(await append(['8'])).toEqual([{ holder: null }]);
    expect(await sql.query('select kind, payload from changes order by seq')).toEqual([
      { kind: 'customer', payload: { n: 1 } },
      { kind: 'entry', payload: { id: '0190f3a0-0000-7000-8000-00000000e001' } },
    ]);
    const comment = await sql.query(
      `select col_description('messages'::regclass, attnum) as text
       from pg_attribute where attrelid = 'messages'::regclass and attname = 'body'`,
    );
    expect(comment[0]?.['text']).toMatch(/applied message leaves out its entries/);
  });

  it('running again applies nothing', async () => {
    expect(await migrate(sql)).toEqual([]);
  });
});
