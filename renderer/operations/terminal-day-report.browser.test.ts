import { describe, expect, it } from 'vitest';
import { points } from '../../shared/money/money';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { plasticCard, testServices } from '../testing/test-services';
import { enrolCustomer } from './enrol-customer';
import { recordSale } from './record-sale';
import { terminalDayReport } from './terminal-day-report';

describe('terminalDayReport', () => {
  it("counts this terminal's entries of the store day, not yesterday's or another terminal's", async () => {
    const services = await testServices();
    services.setNow(dayAt(4, 12));
    const enrolled = await enrolCustomer(services, {
      managerId: 'M1',
      name: 'Ирина Волкова',
      phone: '79161113001',
      birthday: null,
      email: null,
      marketingConsent: false,
      referrerId: null,
      card: { kind: 'plastic', scanned: plasticCard(9301) },
    });
    if (!enrolled.ok) throw new Error('enrolment refused');
    const customerId = enrolled.value.customer.id;
    const sell = async (at: number, roubles: number) => {
      services.setNow(at);
      const sale = await recordSale(services, {
        cashierId: 'C1',
        customerId,
        cardNumber: null,
        request: { lines: [{ amount: rub(roubles) }], pointsToSpend: points(0) },
      });
      if (!sale.ok) throw new Error('sale refused');
      return sale.value;
    };
    await sell(dayAt(4, 23.99), 100); // yesterday, 23:59 Moscow
    const morning = await sell(dayAt(5, 0), 1000); // today 00:00
    const evening = await sell(dayAt(5, 21), 500);
    // Another terminal's sale of the same day, arrived by sync: not this terminal's to report.
    const [accrual] = await services.db.ledger
      .where('customerId')
      .equals(customerId)
      .reverse()
      .limit(1)
      .toArray();
    if (accrual?.kind !== 'accrual') throw new Error('no accrual');
    const foreign = {
      ...accrual,
      id: accrual.id.replace(/.$/, accrual.id.endsWith('f') ? 'e' : 'f'),
      terminalId: 'T2',
      saleId: customerId,
    };
    await services.db.ledger.add(foreign);

    services.setNow(dayAt(5, 22));
    const report = await terminalDayReport(services.db, services.identity, services.now());
    expect(report.date).toEqual({ year: 2026, month: 1, day: 10 });
    const today = [morning.slip, evening.slip];
    const paid = today.map((slip) => (slip.kind === 'sale' ? slip.toPay : 0));
    const earned = today.map((slip) => (slip.kind === 'sale' ? slip.pointsEarned : 0));
    expect(report.summary.sales).toBe(2); // 00:00 and 21:00; not yesterday's, not T2's
    expect(report.summary.salesMinor).toBe((paid[0] ?? 0) + (paid[1] ?? 0));
    expect(report.summary.pointsAccrued).toBe((earned[0] ?? 0) + (earned[1] ?? 0));
    expect(report.unsent).toBe(4); // the enrolment and 3 sales: no server here
  });
});
