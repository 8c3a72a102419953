import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import type { HlcStamp } from '../../shared/ids/hybrid-logical-clock';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { PushResult } from '../../shared/sync/protocol';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { SETUP_TIMEOUT_MS } from '../admin/test-timeouts';
import { createStore } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { TEST_ENGINES } from '../testing/test-databases';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { appendChange, lockChangeLog } from './change-log';
import { pullChanges } from './pull';
import { pushBatch } from './push';

/**
 * End of the day: two stores' terminals push at once, batches overlap (a terminal that timed
 * out sends its batch again while the first copy is still being applied), and they touch the
 * same customers: the one both stores spent the points of offline, and whose profile both
 * edited. Meanwhile a terminal pulls. On PostgreSQL the batches really run in parallel; on
 * PGlite (one connection) they queue, and the same answers must come out.
 */
describe.each(TEST_ENGINES)('pushes in parallel on $name', (engine) => {
  const a = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 61 });
  const b = fixtureTerminal({ terminalId: 'B1', storeId: 'SB', seed: 62 });

  // Pushed first, alone: customer X with 600 points available on day 20 (as in
  // overdraft-reconciliation.test.ts).
  const enrolX = a.enrol(dayAt(0, 10), '79990000001');
  const x = enrolX.customer;
  const firstSale = a.sell(dayAt(0, 11), x.id, rub(4000));
  b.learn([...enrolX.message.entries, ...firstSale.message.entries]);

  // Pushed in parallel: both stores spend X's 600 points, and edit different fields of X.
  const spendA = a.sell(dayAt(20, 12), x.id, rub(6000), 600);
  const spendB = b.sell(dayAt(20, 13), x.id, rub(6000), 600);
  const redemptionB = spendB.message.entries.find((entry) => entry.kind === 'redemption');
  const edit = (fields: Partial<CustomerProfile>, stamp: HlcStamp): CustomerProfile => ({
    ...x,
    ...fields,
    fieldStamps: Object.fromEntries(Object.keys(fields).map((field) => [field, stamp])),
  });
  const editA = a.message(dayAt(20, 14), 'profile-change', {
    customers: [edit({ name: 'Анна Сидорова' }, '001767700000000-00000-A1' as HlcStamp)],
  });
  const editB = b.message(dayAt(20, 14), 'profile-change', {
    customers: [edit({ email: 'anna@example.ru' }, '001767700000001-00000-B1' as HlcStamp)],
  });
  // New customers enrolled at A, each with a sale; and one phone enrolled at both stores.
  const ys = [0, 1, 2, 3].map((i) => {
    const enrolled = a.enrol(dayAt(20, 9 + i), `7999000010${String(i)}`);
    return [enrolled.message, a.sell(dayAt(20, 9 + i), enrolled.customer.id, rub(500)).message];
  });
  const y = (i: number): OutboxMessage[] => ys[i] ?? [];
  const twinA = a.enrol(dayAt(20, 15), '79990000077');
  const twinB = b.enrol(dayAt(20, 16), '79990000077');

  const batches: readonly (readonly OutboxMessage[])[] = [
    [...y(0), ...y(1), spendA.message],
    [...y(1), ...y(2), editA],
    [...y(2), ...y(3)],
    [...y(0), ...y(1), spendA.message], // the first batch again, sent while it is applied
    [...y(3), ...y(0)], // the same messages in another order
    [spendB.message, editB],
    [spendB.message, editB],
    // Two new customers with one phone, in batches that wait for nobody: the second flagged.
    [twinA.message],
    [twinB.message],
  ];
  const messages = new Map(batches.flat().map((message) => [message.id, message]));
  const entries = [...messages.values(), firstSale.message, enrolX.message].flatMap(
    (message) => message.entries,
  );

  let sql: Sql;
  let answers: PushResult[][];
  let pulledDuring: Record<string, unknown>[];

  beforeAll(async () => {
    sql = await engine.open();
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
    await createStore(sql, { id: 'SA', name: 'Store A', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'SB', name: 'Store B', timeZone: 'Europe/Moscow' });
    const programs = createProgramStore();
    await pushBatch(sql, programs, [enrolX.message, firstSale.message], dayAt(30));

    // A terminal pulls small pages all the while, until the pushes are done and it is at
    // the end: what it gathers must be the whole log, however the pushes' commits interleave.
    let pushing = true;
    const puller = async (): Promise<Record<string, unknown>[]> => {
      const pulled: Record<string, unknown>[] = [];
      let cursor = 0;
      for (;;) {
        const last = !pushing;
        const page = await pullChanges(sql, cursor, 7);
        pulled.push(...page.changes);
        cursor = page.cursor;
        if (last && !page.more) return pulled;
        if (!page.more) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const pulling = puller();
    try {
      answers = await Promise.all(
        batches.map((batch) => pushBatch(sql, programs, batch, dayAt(30))),
      );
    } finally {
      pushing = false;
    }
    pulledDuring = await pulling;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sql.close();
  });

  it('applies every message once; its other copies are answered duplicate', async () => {
    const results = answers.flat();
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    for (const id of messages.keys()) {
      const statuses = results.filter((result) => result.id === id).map((result) => result.status);
      expect(
        statuses.filter((status) => status === 'applied'),
        `message ${id}: ${statuses.join(', ')}`,
      ).toHaveLength(1);
      expect(
        statuses.filter((status) => status !== 'applied').every((s) => s === 'duplicate'),
      ).toBe(true);
    }
    const rows = await sql.query(`select id::text as id, status from messages`);
    expect(rows).toHaveLength(messages.size + 2);
    expect(new Set(rows.map((row) => row['status']))).toEqual(new Set(['applied']));
  });

  it('stores every entry once', async () => {
    const rows = await sql.query('select id::text as id from ledger_entries');
    expect(rows.map((row) => row['id']).sort()).toEqual(entries.map((entry) => entry.id).sort());
  });

  it('flags the overdraft once (B’s redemption, whichever batch came second) and the shared phone once', async () => {
    expect(
      answers.flat().filter((result) => 'flags' in result && result.flags.includes('overdraft')),
    ).toHaveLength(1);
    const flags = await sql.query(
      `select kind, customer_id::text as customer, detail->>'entryId' as entry from flags order by kind`,
    );
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'duplicate-phone' }),
      { kind: 'overdraft', customer: x.id, entry: redemptionB?.id },
    ]);
  });

  it('keeps both stores’ profile edits of the same customer', async () => {
    const rows = await sql.query('select profile from customers where id = $1', [x.id]);
    expect(rows[0]?.['profile']).toMatchObject({ name: 'Анна Сидорова', email: 'anna@example.ru' });
  });

  it('logs every entry once, in seq order, and a pull during the pushes missed nothing', async () => {
    const all: Record<string, unknown>[] = [];
    for (let cursor = 0, more = true; more;) {
      const page = await pullChanges(sql, cursor, 1000);
      all.push(...page.changes);
      cursor = page.cursor;
      more = page.more;
    }
    const logged = all.filter((change) => change['kind'] === 'entry');
    expect(logged.map((change) => (change['entry'] as { id: string }).id).sort()).toEqual(
      entries.map((entry) => entry.id).sort(),
    );
    // Read in seq order, a terminal meets each customer before the customer's entries.
    const known = new Set<string>();
    for (const change of all) {
      if (change['kind'] === 'customer') known.add((change['customer'] as { id: string }).id);
      if (change['kind'] === 'entry')
        expect(known, `entry at seq ${String(change['seq'])}`).toContain(
          (change['entry'] as { customerId: string }).customerId,
        );
    }
    const table = await sql.query('select seq::text as seq from changes order by changes.seq');
    expect(pulledDuring.map((change) => String(change['seq']))).toEqual(
      table.map((row) => row['seq']),
    );
  });

  // Last: it adds to the log what the tests above count.
  it('numbers a push’s changes only once the log’s earlier writer has committed', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = (): void => undefined;
    const locked = new Promise<void>((resolve) => (holding = resolve));
    const writer = sql.transaction(async (tx) => {
      await lockChangeLog(tx);
      await appendChange(tx, { kind: 'program', program: demoProgramJson });
      holding();
      await held;
    });
    await locked;
    const sale = a.sell(dayAt(21, 10), x.id, rub(100)).message;
    let answered = false;
    const pushed = pushBatch(sql, createProgramStore(), [sale], dayAt(30)).then((results) => {
      answered = true;
      return results;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered, 'the push waits for the change-log lock').toBe(false);
    release();
    await writer;
    expect(await pushed).toMatchObject([{ status: 'applied' }]);
    const tail = await sql.query(
      'select kind from changes where seq >= (select max(seq) from changes where kind = $1) order by seq',
      ['program'],
    );
    expect(tail.map((row) => row['kind'])).toEqual(['program', ...sale.entries.map(() => 'entry')]);
  });
});
