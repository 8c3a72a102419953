import type { Sql } from '../db/sql';

/**
 * Streams the chain for a new terminal's bootstrap (protocol.ts, snapshotLineSchema): in ONE
 * repeatable-read, read-only transaction, so every line and `asOf` come from the same
 * moment. Writers commit change seqs in order (change-log.ts), so the changes visible in this
 * snapshot are exactly those up to `asOf`, and pulling after `asOf` misses nothing.
 * Customers go in id order, `pageSize` per query; `write` may wait (backpressure).
 */
export async function streamSnapshot(
  sql: Sql,
  after: string | null,
  write: (line: unknown) => Promise<void>,
  pageSize = 1_000,
): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    const [head] = await tx.query(
      `select (select coalesce(max(seq), 0) from changes)::text as as_of,
              (select count(*) from customers where $1::uuid is null or id > $1::uuid)::int as customers,
              (select body from programs order by version desc limit 1) as program`,
      [after],
    );
    await write({
      kind: 'header',
      asOf: Number(head?.['as_of'] ?? 0),
      customers: Number(head?.['customers'] ?? 0),
      program: head?.['program'] ?? null,
    });
    let sent = 0;
    let cursor = after;
    for (;;) {
      const customers = await tx.query(
        // Ordered by the uuid column (its primary key), not by a text alias of it.
        `select id::text as customer_id, profile from customers
         where $1::uuid is null or id > $1::uuid order by customers.id limit $2`,
        [cursor, pageSize],
      );
      if (customers.length === 0) break;
      const ids = customers.map((row) => String(row['customer_id']));
      const [cards, entries] = [
        await tx.query(
          'select customer_id::text as owner, record from cards where customer_id = any($1::uuid[])',
          [ids],
        ),
        await tx.query(
          'select customer_id::text as owner, entry from ledger_entries where customer_id = any($1::uuid[])',
          [ids],
        ),
      ];
      const cardsOf = groupBy(cards, 'record');
      const entriesOf = groupBy(entries, 'entry');
      for (const row of customers) {
        const id = String(row['customer_id']);
        await write({
          kind: 'customer',
          customer: row['profile'],
          cards: cardsOf.get(id) ?? [],
          entries: entriesOf.get(id) ?? [],
        });
      }
      sent += customers.length;
      cursor = ids.at(-1) ?? cursor;
    }
    await write({ kind: 'end', customers: sent });
  });
}

function groupBy(rows: readonly Record<string, unknown>[], column: string): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  for (const row of rows) {
    const owner = String(row['owner']);
    const group = groups.get(owner);
    if (group) group.push(row[column]);
    else groups.set(owner, [row[column]]);
  }
  return groups;
}
