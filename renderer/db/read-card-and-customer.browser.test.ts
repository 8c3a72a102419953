import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlcStamp } from '../../shared/ids/hybrid-logical-clock';
import type { CardRecord } from '../../shared/customers/card-record';
import { testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { CorruptRowError } from './corrupt-row-error';
import { readCardAndCustomer } from './read-card-and-customer';
import { TerminalDatabase } from './terminal-database';

const CUSTOMER_ID = '0190a0b0-0000-7000-8000-000000000001';
const CARD: CardRecord = {
  number: '2900070000011',
  customerId: CUSTOMER_ID,
  kind: 'plastic',
  state: 'active',
  blockReason: null,
  replacedBy: null,
  issuedAt: 1_700_000_000_000,
  stamp: formatHlcStamp({ physicalMs: 1_700_000_000_000, counter: 0, node: 'T1' }),
};
/** A customer row as found: readCardAndCustomer hands it over unparsed. */
const CUSTOMER_ROW = { id: CUSTOMER_ID, name: 'Алёна Иванова', anything: 'as stored' };

let services: TestServices;
beforeEach(async () => {
  services = await testServices();
});
afterEach(async () => {
  await services.dispose();
});

/** The tables as plain Dexie tables, so a test can store what the terminal never would. */
const tables = () => ({
  cards: services.db.table<unknown, string>('cards'),
  customers: services.db.table<unknown, string>('customers'),
});

describe('readCardAndCustomer', () => {
  it('reads the card, parsed, and its customer row as stored', async () => {
    await tables().cards.put(CARD);
    await tables().customers.put(CUSTOMER_ROW);
    expect(await readCardAndCustomer(services.db, CARD.number)).toEqual({
      card: CARD,
      customer: CUSTOMER_ROW,
    });
  });

  it('answers an unknown card, and a card whose customer row is missing', async () => {
    expect(await readCardAndCustomer(services.db, CARD.number)).toEqual({ card: undefined });
    await tables().cards.put(CARD);
    expect(await readCardAndCustomer(services.db, CARD.number)).toEqual({
      card: CARD,
      customer: undefined,
    });
  });

  it('rejects a stored card row that does not parse, naming the table and the key', async () => {
    await tables().cards.put({ ...CARD, state: 'lost', customerId: 42 });
    const read = readCardAndCustomer(services.db, CARD.number);
    await expect(read).rejects.toThrow(CorruptRowError);
    await expect(read).rejects.toThrow(/unreadable cards row 2900070000011/);
  });

  it('opens a database not yet opened, as Dexie does on first use', async () => {
    await tables().cards.put(CARD);
    const second = new TerminalDatabase(services.db.name);
    try {
      expect(second.isOpen()).toBe(false);
      const rows = await readCardAndCustomer(second, CARD.number);
      expect(rows.card).toEqual(CARD);
    } finally {
      second.close();
    }
  });

  it('reopens a connection closed under it (as on a version change), as Dexie does', async () => {
    await tables().cards.put(CARD);
    services.db.close({ disableAutoOpen: false });
    expect((await readCardAndCustomer(services.db, CARD.number)).card).toEqual(CARD);
  });

  it('inside a Dexie transaction, joins it: sees its writes, does not wait behind it', async () => {
    const { db } = services;
    const rows = await db.transaction('rw', [db.cards, db.customers], async () => {
      await tables().cards.put(CARD);
      await tables().customers.put(CUSTOMER_ROW);
      return readCardAndCustomer(db, CARD.number);
    });
    expect(rows).toEqual({ card: CARD, customer: CUSTOMER_ROW });
  });

  it('refuses a database closed on purpose, and a key IndexedDB cannot use', async () => {
    await expect(readCardAndCustomer(services.db, '')).resolves.toEqual({ card: undefined });
    await expect(
      readCardAndCustomer(services.db, undefined as unknown as string),
      'undefined is no IndexedDB key',
    ).rejects.toThrow(/key/i);
    services.db.close();
    await expect(readCardAndCustomer(services.db, CARD.number)).rejects.toThrow(/closed/i);
  });
});
