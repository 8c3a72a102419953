import { describe, expect, it } from 'vitest';
import { demoProgramWith } from '../../shared/testing/demo-program';
import { rub, testAccount } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';

describe('happy hours on a next purchase: multipliers do not stack in the demo', () => {
  it('×2 and ×2 give ×2 with "highest", ×4 with "multiply"', () => {
    const mondayTenThirty = dayAt(7, 10) + 30 * 60_000;
    const highest = testAccount();
    highest.buy(dayAt(0), rub(100));
    const sale = highest.buy(mondayTenThirty, rub(1_000));
    expect(sale.quote.accrual.points, '950 ₽ (5 % off) × 5 % × 2 = 95').toBe(95);

    const multiply = testAccount({ program: demoProgramWith({ multiplierStacking: 'multiply' }) });
    multiply.buy(dayAt(0), rub(100));
    const stacked = multiply.buy(mondayTenThirty, rub(1_000));
    expect(stacked.quote.accrual.points, '950 ₽ × 5 % × 2 × 2 = 190').toBe(190);
  });
});
