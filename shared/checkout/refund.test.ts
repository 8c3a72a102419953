import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import type { Money, Points } from '../money/money';
import { demoProgram } from '../testing/demo-program';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { refundSale } from './refund';
import type { SaleRecord } from './sale-record';

/** The DOMAIN.md sale: 2 000,00 ₽, 300 points spent, 1 700,00 ₽ paid, 119 points earned. */
const domainSale: SaleRecord = {
  saleId: '019a0000-0000-7000-8000-000000000001',
  customerId: '019a0000-0000-7000-8000-000000000002',
  at: dayAt(0),
  programVersion: 1,
  accrualEntryId: '019a0000-0000-7000-8000-000000000003',
  lines: [
    {
      net: money(200_000),
      pointsSpent: 300 as Points,
      paid: money(170_000),
      pointsEarned: 119 as Points,
    },
  ],
};

const terminal = testTerminal();

function refund(before: readonly Money[], amount: number) {
  const result = refundSale(
    demoProgram,
    domainSale,
    before,
    { lines: [{ lineIndex: 0, amount: money(amount) }] },
    terminal.at(dayAt(1)),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('refundSale: worked example of refund.ts (the DOMAIN.md sale in two halves)', () => {
  it('first half: 150 points back, 850,00 ₽ back, 60 points reversed (59,5 rounded up)', () => {
    const first = refund([], 100_000);
    expect(first.pointsReturned, 'floor(300 × 1 000 ÷ 2 000)').toBe(150);
    expect(first.moneyBack, 'floor(1 700 ₽ × 1 000 ÷ 2 000)').toBe(85_000);
    expect(first.pointsReversed, 'ceil(119 × 1 000 ÷ 2 000) = ceil(59,5)').toBe(60);
    expect(first.refundedByLine).toEqual([100_000]);
  });

  it('second half settles exactly: totals 300 points, 1 700,00 ₽, 119 points', () => {
    const second = refund([money(100_000)], 100_000);
    expect(second.pointsReturned, '300 − 150').toBe(150);
    expect(second.moneyBack, '1 700 ₽ − 850 ₽').toBe(85_000);
    expect(second.pointsReversed, '119 − 60').toBe(59);
  });

  it('writes a reversal of the sale accrual and a return lot available at once', () => {
    const first = refund([], 100_000);
    expect(first.entries.map((e) => [e.kind, e.points])).toEqual([
      ['refund-reversal', -60],
      ['refund-return', 150],
    ]);
    const reversal = first.entries[0];
    expect(reversal?.kind === 'refund-reversal' && reversal.accrualEntryId).toBe(
      domainSale.accrualEntryId,
    );
    expect(
      reversal?.kind === 'refund-reversal' && reversal.spendReturnedMinor,
      'tier spend goes down by the money back',
    ).toBe(85_000);
  });

  it.each([
    [[], { lines: [{ lineIndex: 1, amount: 100 }] }, 'unknown-line'],
    [[], { lines: [{ lineIndex: 0, amount: -1 }] }, 'invalid-amount'],
    [[], { lines: [{ lineIndex: 0, amount: 0.5 }] }, 'invalid-amount'],
    [[], { lines: [{ lineIndex: 0, amount: 200_001 }] }, 'exceeds-remaining'],
    [[150_000], { lines: [{ lineIndex: 0, amount: 50_001 }] }, 'exceeds-remaining'],
    [[], { lines: [] }, 'nothing-to-refund'],
    [[200_000], { lines: [{ lineIndex: 0, amount: 0 }] }, 'nothing-to-refund'],
  ])('refunded before %j, request %j → %s', (before, request, code) => {
    const result = refundSale(
      demoProgram,
      domainSale,
      before as Money[],
      request as never,
      terminal.at(dayAt(1)),
    );
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('a refund of a line that was already refunded in full is refused, not repeated', () => {
    const again = refundSale(
      demoProgram,
      domainSale,
      [money(200_000)],
      { lines: [{ lineIndex: 0, amount: money(1) }] },
      terminal.at(dayAt(2)),
    );
    expect(again.ok ? null : again.error).toEqual({
      code: 'exceeds-remaining',
      lineIndex: 0,
      remaining: 0,
    });
  });
});
