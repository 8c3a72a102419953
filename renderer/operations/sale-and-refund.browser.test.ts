import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { money, points } from '../../shared/money/money';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { plasticCard, testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { adjustBalance } from './adjust-balance';
import { enrolCustomer } from './enrol-customer';
import { customerView } from './find-customer';
import { recordRefund } from './record-refund';
import { recordSale } from './record-sale';

let services: TestServices;
beforeEach(async () => {
  services = await testServices();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await services.dispose();
});

async function enrolled(phone = '+7 916 123-45-67', serial = 1, referrerId: string | null = null) {
  const result = await enrolCustomer(services, {
    managerId: 'M1',
    name: 'Алёна Иванова',
    phone,
    birthday: '1990-05-20',
    email: null,
    marketingConsent: true,
    referrerId,
    card: { kind: 'plastic', scanned: plasticCard(serial) },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function counts() {
  const { db } = services;
  return {
    ledger: await db.ledger.count(),
    receipts: await db.receipts.count(),
    outbox: await db.outbox.count(),
    balances: await db.balances.count(),
  };
}

function sell(customerId: string, amount: number, pointsToSpend = 0) {
  return recordSale(services, {
    cashierId: 'C1',
    customerId,
    cardNumber: null,
    request: { lines: [{ amount: rub(amount) }], pointsToSpend: points(pointsToSpend) },
  });
}

function ledgerOf(customerId: string) {
  return services.db.ledger.where('customerId').equals(customerId).toArray();
}

async function receiptSeq() {
  const row = await services.db.settings.get('counters');
  return row?.key === 'counters' ? row.value.receiptSeq : null;
}

async function setReceiptSeq(receiptSeq: number) {
  const row = await services.db.settings.get('counters');
  if (row?.key !== 'counters') throw new Error('no counters yet');
  await services.db.settings.put({ key: 'counters', value: { ...row.value, receiptSeq } });
}

describe('a sale in the local store', () => {
  it('writes entries, balance cache, receipt and outbox message together', async () => {
    const { customer, card } = await enrolled();
    services.setNow(dayAt(0, 15));
    const result = await recordSale(services, {
      cashierId: 'C1',
      customerId: customer.id,
      cardNumber: card.number,
      request: { lines: [{ amount: rub(2_000) }], pointsToSpend: points(100) },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const receipt = result.value;
    expect(receipt.number, 'the first receipt of terminal T1').toBe('T1-000001');
    expect(receipt.slip).toMatchObject({
      kind: 'sale',
      pointsSpent: 100,
      toPay: rub(1_900),
      pointsEarned: 95,
      availableAfter: 100,
      pendingAfter: 95,
    });
    expect(
      await counts(),
      'welcome bonus + redemption + accrual; one receipt; enrolment + sale messages',
    ).toEqual({ ledger: 3, receipts: 1, outbox: 2, balances: 1 });
    const outbox = await services.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => [m.operation, m.entries.length])).toEqual([
      ['enrolment', 1],
      ['sale', 2],
    ]);
  });

  it('keeps a balance cache equal to the fold of the stored ledger', async () => {
    const { customer } = await enrolled();
    for (let day = 0; day < 40; day += 5) {
      services.setNow(dayAt(day));
      await recordSale(services, {
        cashierId: 'C1',
        customerId: customer.id,
        cardNumber: null,
        request: { lines: [{ amount: rub(1_000 + day * 37) }], pointsToSpend: points(0) },
      });
    }
    await adjustBalance(services, {
      cashierId: 'C1',
      customerId: customer.id,
      points: points(-30),
      reason: 'double accrual',
      authorId: 'M1',
    });
    const cached = (await services.db.balances.get(customer.id))?.fold;
    const entries = await services.db.ledger.where('customerId').equals(customer.id).toArray();
    expect(cached, 'cache = fold(ledger)').toEqual(foldLedger(entries));
  });

  it('shows the 10 latest operations, newest first, without reading the whole ledger', async () => {
    const { customer } = await enrolled();
    for (let day = 1; day <= 12; day++) {
      services.setNow(dayAt(day * 40));
      await recordSale(services, {
        cashierId: 'C1',
        customerId: customer.id,
        cardNumber: null,
        request: { lines: [{ amount: rub(100 * day) }], pointsToSpend: points(0) },
      });
    }
    const view = await customerView(services, customer.id, dayAt(500));
    expect(
      view?.recent.map((e) => e.at),
      '12 sales + welcome bonus: the last 10 sales, newest first',
    ).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((day) => dayAt(day * 40)));
  });

  it('writes nothing when the engine refuses the sale', async () => {
    const { customer } = await enrolled();
    const before = await counts();
    const result = await recordSale(services, {
      cashierId: 'C1',
      customerId: customer.id,
      cardNumber: null,
      request: { lines: [{ amount: rub(1_000) }], pointsToSpend: points(250) },
    });
    expect(result.ok ? null : result.error.code, 'only 200 welcome points available').toBe(
      'above-maximum',
    );
    expect(await counts()).toEqual(before);
  });

  // A settings row restored from an old backup sets the receipt counter back, so the next
  // receipt number is taken: IndexedDB refuses the receipt (its unique index) after the
  // ledger entries and the balance cache were written in the same transaction.
  it.each([
    ['directly', async () => {}, 0],
    [
      'through Dexie (no balance cache to continue)',
      (id: string) => services.db.balances.delete(id),
      1,
    ],
  ])(
    'writes nothing when a write fails half-way (the receipt number is taken), %s',
    async (_way, prepare, dexieTransactions) => {
      const { customer } = await enrolled();
      await sell(customer.id, 1_000);
      await setReceiptSeq(0);
      await prepare(customer.id);
      const before = { ...(await counts()), cache: await services.db.balances.get(customer.id) };
      const dexieTransaction = vi.spyOn(services.db, 'transaction');
      await expect(sell(customer.id, 2_000, 100)).rejects.toMatchObject({
        name: 'ConstraintError',
      });
      expect(dexieTransaction, 'the way this case takes').toHaveBeenCalledTimes(dexieTransactions);
      expect(
        { ...(await counts()), cache: await services.db.balances.get(customer.id) },
        'no entry, receipt, message or cache change survived',
      ).toEqual(before);
      expect(await receiptSeq(), 'the counter was not moved').toBe(0);
    },
  );

  it('an everyday sale commits in one IndexedDB transaction of its own, not Dexie’s', async () => {
    const { customer } = await enrolled();
    const dexieTransaction = vi.spyOn(services.db, 'transaction');
    expect((await sell(customer.id, 1_000)).ok).toBe(true);
    expect(dexieTransaction).not.toHaveBeenCalled();
  });

  it.each([
    ['missing', (id: string) => services.db.balances.delete(id)],
    [
      'damaged',
      (id: string) => services.db.balances.put({ customerId: id, fold: 'garbage' } as never),
    ],
  ])('folds the ledger again when the balance cache is %s (through Dexie)', async (_, damage) => {
    const { customer } = await enrolled();
    await damage(customer.id);
    const dexieTransaction = vi.spyOn(services.db, 'transaction');
    const result = await sell(customer.id, 2_000, 100);
    expect(result.ok ? result.value.slip : null).toMatchObject({ availableAfter: 100 });
    expect(dexieTransaction).toHaveBeenCalledOnce();
    expect(await services.db.balances.get(customer.id)).toEqual({
      customerId: customer.id,
      fold: foldLedger(await ledgerOf(customer.id)),
    });
  });

  it('folds the ledger again when the cache ends after the new entries (through Dexie)', async () => {
    const { customer } = await enrolled();
    const cached = await services.db.balances.get(customer.id);
    if (!cached?.fold.last) throw new Error('the enrolment leaves a cache with its bonus');
    // A cache claiming an entry stamped after anything this terminal's clock gives now.
    const last = { stamp: `9${cached.fold.last.stamp}`, id: cached.fold.last.id };
    await services.db.balances.put({ ...cached, fold: { ...cached.fold, last } });
    const dexieTransaction = vi.spyOn(services.db, 'transaction');
    expect((await sell(customer.id, 1_000)).ok).toBe(true);
    expect(dexieTransaction).toHaveBeenCalledOnce();
    expect((await services.db.balances.get(customer.id))?.fold).toEqual(
      foldLedger(await ledgerOf(customer.id)),
    );
  });

  it('reopens a connection closed under it, through Dexie, as Dexie does', async () => {
    const { customer } = await enrolled();
    services.db.backendDB().close();
    expect((await sell(customer.id, 1_000)).ok).toBe(true);
    expect(await counts()).toMatchObject({ receipts: 1 });
  });

  it('credits the referrer on a first purchase only, in the same transaction', async () => {
    const referrer = (await enrolled('+7 916 000-00-01', 1)).customer;
    const referred = (await enrolled('+7 916 000-00-02', 2, referrer.id)).customer;
    await sell(referred.id, 1_000);
    await sell(referred.id, 1_000);
    const bonuses = (await ledgerOf(referrer.id)).flatMap((e) =>
      e.kind === 'bonus' ? [[e.bonus, e.points]] : [],
    );
    expect(bonuses, 'welcome, then one referral').toEqual([
      ['welcome', 200],
      ['referral', 300],
    ]);
    expect((await services.db.balances.get(referrer.id))?.fold).toEqual(
      foldLedger(await ledgerOf(referrer.id)),
    );
    const sales = (await services.db.outbox.orderBy('seq').toArray()).filter(
      (m) => m.operation === 'sale',
    );
    expect(
      sales.map((m) => m.entries.length),
      'accrual + referral, then accrual',
    ).toEqual([2, 1]);
  });

  it('joins the Dexie transaction it is called in, and is undone with it', async () => {
    const { customer } = await enrolled();
    const before = await counts();
    const { db } = services;
    const tables = [db.customers, db.ledger, db.balances, db.receipts, db.outbox, db.settings];
    await expect(
      db.transaction('rw', tables, async () => {
        expect((await sell(customer.id, 1_000)).ok).toBe(true);
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(await counts()).toEqual(before);
  });

  it('two sales at once on one customer cannot spend the same points', async () => {
    const { customer } = await enrolled();
    const results = await Promise.all([
      sell(customer.id, 2_000, 150),
      sell(customer.id, 2_000, 150),
    ]);
    expect(
      results.map((r) => (r.ok ? 'sold' : r.error.code)),
      '200 welcome points: the second sees 50',
    ).toEqual(['sold', 'above-maximum']);
    expect((await services.db.balances.get(customer.id))?.fold).toEqual(
      foldLedger(await ledgerOf(customer.id)),
    );
  });

  it.each([
    [
      'the customer',
      (id: string) => services.db.customers.put({ id, name: 42 } as never),
      /customers/,
    ],
    [
      'the counters',
      () => services.db.settings.put({ key: 'counters', value: -1 } as never),
      /counters/,
    ],
    [
      'the counters (no value: not a first use, whose numbers would restart)',
      () => services.db.settings.put({ key: 'counters' } as never),
      /counters/,
    ],
  ])(
    'refuses a sale when %s row is garbage, writes nothing, and ends its transaction',
    async (_, damage, message) => {
      const { customer } = await enrolled();
      const other = (await enrolled('+7 916 000-00-09', 9)).customer;
      await damage(customer.id);
      const before = await counts();
      const abort = vi.spyOn(IDBTransaction.prototype, 'abort');
      await expect(sell(customer.id, 1_000)).rejects.toThrow(message);
      expect(
        abort,
        'the direct transaction is aborted, not left to end by itself',
      ).toHaveBeenCalled();
      expect(await counts()).toEqual(before);
      await services.db.settings.delete('counters');
      expect((await sell(other.id, 1_000)).ok).toBe(true);
    },
  );

  it('refuses a sale for an unknown customer, ending its transaction', async () => {
    const abort = vi.spyOn(IDBTransaction.prototype, 'abort');
    const result = await sell(services.newId(), 10);
    expect(result.ok ? null : result.error.code).toBe('unknown-customer');
    expect(abort).toHaveBeenCalledOnce();
  });

  it('survives closing and reopening the database', async () => {
    const { customer } = await enrolled();
    await recordSale(services, {
      cashierId: 'C1',
      customerId: customer.id,
      cardNumber: null,
      request: { lines: [{ amount: rub(1_000) }], pointsToSpend: points(0) },
    });
    services.db.close();
    await services.db.open();
    expect(await counts()).toEqual({ ledger: 2, receipts: 1, outbox: 2, balances: 1 });
  });
});

describe('a refund by receipt number', () => {
  it('partial, then the rest; never more than was sold', async () => {
    const { customer } = await enrolled();
    const sale = await recordSale(services, {
      cashierId: 'C1',
      customerId: customer.id,
      cardNumber: null,
      request: {
        lines: [{ amount: rub(1_500) }, { amount: rub(500) }],
        pointsToSpend: points(200),
      },
    });
    if (!sale.ok) throw new Error(JSON.stringify(sale.error));
    services.setNow(dayAt(1));
    const half = await recordRefund(services, {
      cashierId: 'C2',
      receiptNumber: sale.value.number.toLowerCase(),
      amounts: [rub(750), rub(0)],
    });
    if (!half.ok) throw new Error(JSON.stringify(half.error));
    // Line 0: net 1 500 ₽, 150 of the 200 points spent, 1 350 ₽ paid, 68 of the 90 points earned.
    expect(half.value.slip, 'half of line 0 back').toMatchObject({
      kind: 'refund',
      pointsReturned: 75,
      moneyBack: rub(675),
      pointsReversed: 34,
    });
    expect(half.value.refundOf).toBe(sale.value.number);
    const rest = await recordRefund(services, {
      cashierId: 'C2',
      receiptNumber: sale.value.number,
      amounts: [rub(750), rub(500)],
    });
    expect(rest.ok && rest.value.slip).toMatchObject({
      pointsReturned: 125,
      moneyBack: rub(1_125),
      pointsReversed: 56,
    });
    const again = await recordRefund(services, {
      cashierId: 'C2',
      receiptNumber: sale.value.number,
      amounts: [money(1)],
    });
    expect(again.ok ? null : again.error.code).toBe('exceeds-remaining');
    const balance = (await services.db.balances.get(customer.id))?.fold;
    expect(
      balance?.lots.reduce((s, l) => s + l.remaining, 0),
      'back to the 200 welcome points',
    ).toBe(200);
  });

  it.each([
    ['T1-999999', 'unknown-receipt'],
    ['garbage', 'unknown-receipt'],
  ])('refuses receipt %s: %s', async (number, code) => {
    const result = await recordRefund(services, {
      cashierId: 'C1',
      receiptNumber: number,
      amounts: [rub(1)],
    });
    expect(result.ok ? null : result.error.code).toBe(code);
  });
});
