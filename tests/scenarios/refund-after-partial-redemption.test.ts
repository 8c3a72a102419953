import { describe, expect, it } from 'vitest';
import { points } from '../../shared/money/money';
import { manualAdjustment } from '../../shared/ledger/adjustment';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub, testAccount } from '../../shared/testing/test-account';
import { dayAt, testTerminal } from '../../shared/testing/test-terminal';

describe('refund after a partial redemption', () => {
  it('half the goods back: half the points spent return, the accrual on them is reversed; the rest settles exactly', () => {
    const terminal = testTerminal();
    const account = testAccount({ terminal });
    const topUp = manualAdjustment(
      demoProgram,
      { customerId: account.customerId, points: points(500), reason: 'goodwill', authorId: 'M1' },
      terminal.at(dayAt(-1)),
    );
    if (!topUp.ok) throw new Error('refused');
    account.entries.push(topUp.value);

    const sale = account.buy(dayAt(0), [{ amount: rub(1_500) }, { amount: rub(500) }], 400);
    expect(sale.quote.toPay, '2 000 ₽ − 400 points').toBe(rub(1_600));
    expect(sale.quote.accrual.points, '1 600 ₽ × 5 % = 80').toBe(80);
    expect(account.balance(dayAt(0, 16)).available, '500 − 400').toBe(100);

    const first = account.refund(dayAt(2), sale, [rub(750), rub(0)]);
    // Line 0: net 1 500 ₽, 300 points spent, 1 200 ₽ paid, 60 points earned; half refunded.
    expect(first.pointsReturned, 'floor(300 × 750 ÷ 1 500) = 150').toBe(150);
    expect(first.moneyBack, 'floor(1 200 ₽ × 750 ÷ 1 500) = 600 ₽').toBe(rub(600));
    expect(first.pointsReversed, 'ceil(60 × 750 ÷ 1 500) = 30').toBe(30);
    const mid = account.balance(dayAt(2, 16));
    expect([mid.available, mid.pending], 'available 100 + 150 returned; pending 80 − 30').toEqual([
      250, 50,
    ]);

    const rest = account.refund(dayAt(3), sale, [rub(750), rub(500)]);
    expect(rest.pointsReturned, '400 − 150').toBe(250);
    expect(rest.moneyBack, '1 600 ₽ − 600 ₽').toBe(rub(1_000));
    expect(rest.pointsReversed, '80 − 30').toBe(50);
    const end = account.balance(dayAt(3, 16));
    expect([end.available, end.pending], 'back to the 500 points before the sale').toEqual([
      500, 0,
    ]);
  });
});
