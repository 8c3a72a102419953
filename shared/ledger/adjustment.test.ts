import { describe, expect, it } from 'vitest';
import { points } from '../money/money';
import { demoProgram } from '../testing/demo-program';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { DAY_MS } from '../time/zoned-time';
import { ADJUSTMENT_REASON_MAX_LENGTH, manualAdjustment } from './adjustment';

describe('manualAdjustment', () => {
  const terminal = testTerminal();
  const ctx = terminal.at(dayAt(0), 'C7');
  const customerId = ctx.newId();

  it('adds points available at once that expire like accruals, recording reason, author and cashier', () => {
    const result = manualAdjustment(
      demoProgram,
      {
        customerId,
        points: points(150),
        reason: '  lost receipt, purchase confirmed  ',
        authorId: 'M1',
      },
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'adjustment',
        points: 150,
        reason: 'lost receipt, purchase confirmed',
        authorId: 'M1',
        cashierId: 'C7',
        availableAt: dayAt(0),
        expiresAt: dayAt(0) + 365 * DAY_MS,
      },
    });
  });

  it('removes points without a lot of their own', () => {
    const result = manualAdjustment(
      demoProgram,
      { customerId, points: points(-50), reason: 'duplicate accrual', authorId: 'M1' },
      ctx,
    );
    expect(result.ok && [result.value.points, result.value.expiresAt]).toEqual([-50, null]);
  });

  it.each([
    [0, 'fixing', 'zero-points'],
    [10, '', 'reason-required'],
    [10, '  ok ', 'reason-required'],
    [10, 'x'.repeat(ADJUSTMENT_REASON_MAX_LENGTH + 1), 'reason-too-long'],
  ])('refuses %i points with reason %j: %s', (delta, reason, code) => {
    const result = manualAdjustment(
      demoProgram,
      { customerId, points: points(delta), reason, authorId: 'M1' },
      ctx,
    );
    expect(result.ok ? null : result.error.code).toBe(code);
  });
});
