import { randomBytes } from 'node:crypto';
import { generateDemoCustomers } from '../../shared/demo-data/generate-demo-customers';
import { DEMO_STORES, DEMO_TIME_ZONE } from '../../shared/demo-data/demo-stores';
import type { Program } from '../../shared/program/program-schema';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import type { Sql } from '../db/sql';
import { lockChangeLog } from '../sync/change-log';
import { writePushPlan } from '../sync/push-store';

/**
 * The demo chain on the central server: the demo stores and their terminals, and the demo
 * customers with their cards and ledger history (the generator the terminal's benchmark uses,
 * shared/demo-data). Written as if each chunk had arrived in one message from the first demo
 * terminal, through the same writer as pushes, so the change log carries it all to
 * terminals that register. Does nothing when the chain has customers already.
 */
export async function seedDemoChain(
  sql: Sql,
  options: {
    readonly customers: number;
    readonly seed: number;
    readonly now: number;
    readonly program: Program;
    readonly chunkSize?: number;
    readonly onProgress?: (done: number) => void;
  },
): Promise<{ readonly seeded: boolean }> {
  const existing = await sql.query('select 1 from customers limit 1');
  if (existing.length > 0) return { seeded: false };
  // Demo cards are EAN-13 numbers of block 1 (see demo-customer.ts): the first demo terminal
  // holds block 1 and the others the next ones, so a terminal registered later gets a
  // block of its own.
  let block = 0;
  for (const store of DEMO_STORES) {
    await sql.query(
      'insert into stores (id, name, time_zone) values ($1, $2, $3) on conflict (id) do nothing',
      [store.storeId, DEMO_STORE_NAMES[store.storeId] ?? store.storeId, DEMO_TIME_ZONE],
    );
    for (const terminalId of store.terminalIds) {
      block += 1;
      await sql.query(
        'insert into terminals (id, store_id, card_block) values ($1, $2, $3) on conflict (id) do nothing',
        [terminalId, store.storeId, block],
      );
    }
  }
  const writeChunk = demoChunkWriter(sql, options.now);
  const chunkSize = options.chunkSize ?? 2_000;
  for (let from = 0; from < options.customers; from += chunkSize) {
    const demo = generateDemoCustomers(
      options.seed,
      from,
      Math.min(chunkSize, options.customers - from),
      options.now,
      options.program,
    );
    await writeChunk(demo);
    options.onProgress?.(from + demo.customers.length);
  }
  return { seeded: true };
}

/** One chunk of generated demo customers: their rows, cards and ledger history. */
type GeneratedCustomers = Pick<
  ReturnType<typeof generateDemoCustomers>,
  'customers' | 'cards' | 'ledger'
>;

/**
 * Writes chunks of demo customers (the demo stores and terminals must be there): each chunk
 * in one transaction, as an applied `enrolment` message of the first demo terminal, through
 * the same writer as pushes, so the change log carries it to terminals that register.
 */
export function demoChunkWriter(
  sql: Sql,
  now: number,
): (chunk: GeneratedCustomers) => Promise<void> {
  const importer = DEMO_STORES[0];
  const importerTerminal = importer?.terminalIds[0];
  if (!importer || !importerTerminal) throw new Error('the demo chain has no stores');
  const newId = createIdGenerator({
    now: () => now,
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
  });
  return async (chunk) => {
    const messageId = newId();
    await sql.transaction(async (tx) => {
      await lockChangeLog(tx);
      await writePushPlan(tx, {
        results: [],
        messages: [
          {
            message: {
              id: messageId,
              operation: 'enrolment',
              terminalId: importerTerminal,
              storeId: importer.storeId,
              createdAt: now,
              entries: [],
              customers: [],
              cards: [],
            },
            outcome: { status: 'applied' },
          },
        ],
        customers: chunk.customers,
        cards: chunk.cards,
        entries: chunk.ledger.map((entry) => ({ entry, messageId })),
        flags: [],
      });
    });
  };
}

const DEMO_STORE_NAMES: Readonly<Record<string, string>> = {
  S1: 'Магазин на Тверской',
  S2: 'Магазин на Арбате',
  S3: 'Магазин на Ленинском',
  S4: 'Магазин в Химках',
};
