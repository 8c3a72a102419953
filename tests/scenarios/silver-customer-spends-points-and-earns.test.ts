import { describe, expect, it } from 'vitest';
import { points } from '../../shared/money/money';
import { manualAdjustment } from '../../shared/ledger/adjustment';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub, testAccount } from '../../shared/testing/test-account';
import { dayAt, testTerminal } from '../../shared/testing/test-terminal';

describe('a Silver customer spends points and earns (DOMAIN.md worked example)', () => {
  const terminal = testTerminal();
  const account = testAccount({ terminal });
  account.buy(dayAt(-60), rub(15_000)); // reaches Silver; 750 points available from day −46
  const correction = manualAdjustment(
    demoProgram,
    {
      customerId: account.customerId,
      points: points(-450),
      reason: 'points moved to a family card',
      authorId: 'M1',
    },
    terminal.at(dayAt(-50)),
  );
  if (!correction.ok) throw new Error('refused');
  account.entries.push(correction.value);

  it('buys for 2 000 ₽, spends 300 points, pays 1 700 ₽, earns 119 points pending for 14 days', () => {
    const before = account.balance(dayAt(0));
    expect([before.available, before.tier?.current.id], '750 − 450 = 300 points, Silver').toEqual([
      300,
      'silver',
    ]);
    const sale = account.buy(dayAt(0), rub(2_000), 300);
    expect(sale.quote.redemption.maxPoints, 'cap 30 % × 2 000 ₽ = 600, balance 300 → 300').toBe(
      300,
    );
    expect(sale.quote.toPay, '2 000 ₽ − 300 × 1 ₽').toBe(rub(1_700));
    expect(sale.quote.accrual.points, '1 700 ₽ × 7 % = 119').toBe(119);

    const after = account.balance(dayAt(0, 16));
    expect([after.available, after.pending], 'available 300 − 300 = 0, pending 0 + 119').toEqual([
      0, 119,
    ]);
    const later = account.balance(dayAt(14, 16));
    expect([later.available, later.pending], 'after 14 days the 119 points are available').toEqual([
      119, 0,
    ]);
  });
});
