import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeVirtualCardQr } from '../../shared/cards/virtual-card-qr';
import { DEFAULT_CARD_CODE_SETTINGS } from '../../shared/cards/parse-card-code';
import { dayAt } from '../../shared/testing/test-terminal';
import { DAY_MS } from '../../shared/time/zoned-time';
import { plasticCard, testServices } from '../testing/test-services';
import type { TestServices } from '../testing/test-services';
import { blockCard, replaceCard } from './card-changes';
import { enrolCustomer } from './enrol-customer';
import type { EnrolmentInput } from './enrol-customer';
import {
  SEARCH_LIMIT,
  customerView,
  customerViewByCard,
  findByCardCode,
  searchCustomers,
} from './find-customer';

let services: TestServices;
beforeEach(async () => {
  services = await testServices();
});
afterEach(async () => {
  await services.dispose();
});

const base: EnrolmentInput = {
  managerId: 'M1',
  name: 'Алёна Иванова',
  phone: '8 916 123 45 67',
  birthday: '1990-05-20',
  email: 'alena@example.ru',
  marketingConsent: true,
  referrerId: null,
  card: { kind: 'plastic', scanned: plasticCard(1) },
};

async function enrol(overrides: Partial<EnrolmentInput> = {}) {
  const result = await enrolCustomer(services, { ...base, ...overrides });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('enrolment', () => {
  it('stores the profile with a canonical phone, the card, and a welcome bonus of 200', async () => {
    const { customer, card, qrPayload } = await enrol();
    expect(customer.phone).toBe('79161234567');
    expect(card).toMatchObject({ number: plasticCard(1), state: 'active', kind: 'plastic' });
    expect(qrPayload).toBeNull();
    const view = await customerView(services, customer.id, dayAt(0, 16));
    expect(view?.balance.available).toBe(200);
    expect(
      view?.balance.expiringSoon,
      'the welcome points expire in 90 days: not soon yet',
    ).toEqual([]);
  });

  it('rebuilds a missing or damaged balance cache from the ledger when the customer is opened', async () => {
    const { customer } = await enrol();
    for (const damage of [
      () => services.db.balances.delete(customer.id),
      () => services.db.balances.put({ customerId: customer.id, fold: { garbage: true } as never }),
    ]) {
      for (const open of [
        () => customerView(services, customer.id, dayAt(0, 16)),
        async () => {
          const found = await customerViewByCard(services, plasticCard(1), dayAt(0, 16));
          return found.ok ? found.value.view : null;
        },
      ]) {
        await damage();
        const view = await open();
        expect(view?.balance.available, 'the welcome bonus, from the ledger').toBe(200);
        const cached = await services.db.balances.get(customer.id);
        expect(cached?.fold, 'the cache is written again').toMatchObject({ entryCount: 1 });
      }
    }
  });

  it('issues a virtual card from this terminal’s block, shown as a QR that scans back to it', async () => {
    const { card, qrPayload } = await enrol({ card: { kind: 'virtual' } });
    expect(card.number, 'prefix LT, block 7').toMatch(/^LT007/);
    const decoded = decodeVirtualCardQr(qrPayload ?? '', DEFAULT_CARD_CODE_SETTINGS);
    expect(decoded).toEqual({ ok: true, value: card.number });
    const found = await findByCardCode(services, qrPayload ?? '');
    expect(found.ok && found.value.card.number).toBe(card.number);
  });

  it.each([
    [{ phone: '12345' }, 'invalid-phone'],
    [{ name: '   ' }, 'invalid-profile'],
    [{ birthday: '1990-02-30' }, 'invalid-profile'],
    [{ email: 'not an email' }, 'invalid-profile'],
    [{ card: { kind: 'plastic' as const, scanned: '4006381333931' } }, 'invalid-card'],
    [{ referrerId: '019a0000-0000-7000-8000-000000000009' }, 'unknown-referrer'],
  ])('refuses %j with %s and writes nothing', async (overrides, code) => {
    const result = await enrolCustomer(services, { ...base, ...overrides });
    expect(result.ok ? null : result.error.code).toBe(code);
    expect([
      await services.db.customers.count(),
      await services.db.cards.count(),
      await services.db.outbox.count(),
    ]).toEqual([0, 0, 0]);
  });

  it('refuses a phone number already enrolled, naming the customer, and a card in use', async () => {
    const first = await enrol();
    const samePhone = await enrolCustomer(services, {
      ...base,
      phone: '+7 (916) 123-45-67',
      card: { kind: 'plastic', scanned: plasticCard(2) },
    });
    expect(samePhone.ok ? null : samePhone.error).toEqual({
      code: 'duplicate-phone',
      customerId: first.customer.id,
    });
    const sameCard = await enrolCustomer(services, { ...base, phone: '+7 916 000-00-01' });
    expect(sameCard.ok ? null : sameCard.error).toEqual({
      code: 'card-in-use',
      number: plasticCard(1),
    });
  });
});

describe('finding a customer', () => {
  it('by card: a scan with scanner noise, a typed number; blocked and replaced cards say so', async () => {
    const { customer } = await enrol();
    /** The lookup, and the scan's way to the customer screen: the same answer from both. */
    const lookUp = async (raw: string) => {
      const found = await findByCardCode(services, raw);
      const viewed = await customerViewByCard(services, raw, services.now());
      expect(viewed.ok ? viewed.value.view.customer : viewed.error).toEqual(
        found.ok ? found.value.customer : found.error,
      );
      if (viewed.ok) {
        expect(viewed.value.card).toEqual(found.ok && found.value.card);
        expect(viewed.value.view).toEqual(
          await customerView(services, viewed.value.card.customerId, services.now()),
        );
      }
      return found;
    };
    const scanned = await lookUp(`]E0${plasticCard(1)}\r\n`);
    expect(scanned.ok && scanned.value.customer.id).toBe(customer.id);
    const unknown = await lookUp(plasticCard(99));
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown-card');
    const product = await lookUp('4006381333931');
    expect(product.ok ? null : product.error.code).toBe('invalid-code');

    const replaced = await replaceCard(services, {
      managerId: 'M1',
      oldNumber: plasticCard(1),
      reason: 'lost',
      card: { kind: 'plastic', scanned: plasticCard(2) },
    });
    expect(replaced.ok).toBe(true);
    const old = await lookUp(plasticCard(1));
    expect(old.ok ? null : old.error).toEqual({
      code: 'card-replaced',
      number: plasticCard(1),
      replacedBy: plasticCard(2),
    });
    const fresh = await lookUp(plasticCard(2));
    expect(
      fresh.ok && fresh.value.customer.id,
      'the new card finds the same customer, points and all',
    ).toBe(customer.id);

    await blockCard(services, { managerId: 'M1', number: plasticCard(2), reason: 'stolen' });
    const blocked = await lookUp(plasticCard(2));
    expect(blocked.ok ? null : blocked.error).toEqual({
      code: 'card-blocked',
      number: plasticCard(2),
      reason: 'stolen',
    });
    const blockAgain = await blockCard(services, {
      managerId: 'M1',
      number: plasticCard(2),
      reason: 'lost',
    });
    expect(blockAgain.ok ? null : blockAgain.error.code).toBe('card-not-active');
  });

  it('by card: an active card whose customer row is missing answers "unknown card"', async () => {
    const { customer } = await enrol();
    await services.db.customers.delete(customer.id);
    const found = await findByCardCode(services, plasticCard(1));
    expect(found.ok ? null : found.error).toEqual({ code: 'unknown-card', number: plasticCard(1) });
    const viewed = await customerViewByCard(services, plasticCard(1), services.now());
    expect(viewed.ok ? null : viewed.error).toEqual({
      code: 'unknown-card',
      number: plasticCard(1),
    });
  });

  it('by the last 4 phone digits, a whole phone, or the start of any name word (ё = е)', async () => {
    await enrol();
    await enrol({
      name: 'Пётр Алёшин',
      phone: '+7 903 765-45-67',
      card: { kind: 'plastic', scanned: plasticCard(3) },
    });
    const names = async (query: string) =>
      (await searchCustomers(services, query)).map((c) => c.name).sort();
    expect(await names('4567'), 'both phones end in 4567').toEqual([
      'Алёна Иванова',
      'Пётр Алёшин',
    ]);
    expect(await names('+7 903 765 45 67')).toEqual(['Пётр Алёшин']);
    expect(await names('але')).toEqual(['Алёна Иванова', 'Пётр Алёшин']);
    expect(await names('ИВАН')).toEqual(['Алёна Иванова']);
    expect(await names('петр')).toEqual(['Пётр Алёшин']);
    expect(await names('x'), 'one letter is too little to search').toEqual([]);
  });

  it('by name, each customer once, in the name index’s order, a page at most', async () => {
    let enrolled = 0;
    const enrolNamed = async (name: string) => {
      enrolled += 1;
      const phone = `8 916 200 ${String(enrolled).padStart(4, '0')}`;
      return enrol({ name, phone, card: { kind: 'virtual' } });
    };
    const ids = async (query: string) => (await searchCustomers(services, query)).map((c) => c.id);
    // What Dexie's cursor says, row by row: the answer searchCustomers must give.
    const distinctIds = async (prefix: string) =>
      (
        await services.db.customers
          .where('nameKeys')
          .startsWith(prefix)
          .distinct()
          .limit(SEARCH_LIMIT)
          .toArray()
      ).map((row) => row.id);

    // Both words start with "ив": each of them is in the name index twice.
    for (let i = 0; i < 3; i++) await enrolNamed('Иван Иванов');
    expect(await ids('ив'), 'fewer than a page: each once').toEqual(await distinctIds('ив'));
    expect(await ids('ив')).toHaveLength(3);

    // Their 6 entries come first, so the first page of the index holds repeats.
    for (let i = 0; i < SEARCH_LIMIT; i++) await enrolNamed('Ивлев Пётр');
    const page = await ids('ив');
    expect(page, 'a full page, each once').toHaveLength(SEARCH_LIMIT);
    expect(new Set(page).size).toBe(SEARCH_LIMIT);
    expect(page).toEqual(await distinctIds('ив'));
    expect(await ids('ивл'), 'no repeats: a full page as it is').toEqual(await distinctIds('ивл'));
  });

  it('shows the welcome bonus as expiring soon in its last 30 days', async () => {
    const { customer } = await enrol();
    const view = await customerView(services, customer.id, dayAt(0) + 61 * DAY_MS);
    expect(view?.balance.expiringSoon).toEqual([
      { points: 200, expiresAt: dayAt(0) + 90 * DAY_MS },
    ]);
  });
});
