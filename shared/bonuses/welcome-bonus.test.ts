import { describe, expect, it } from 'vitest';
import { demoProgram, demoProgramWith } from '../testing/demo-program';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { DAY_MS } from '../time/zoned-time';
import { welcomeBonus } from './welcome-bonus';

describe('welcomeBonus', () => {
  const terminal = testTerminal();

  it('demo: 200 points available at once, expiring in 90 days, once per customer', () => {
    const ctx = terminal.at(dayAt(0));
    const customerId = ctx.newId();
    expect(welcomeBonus(demoProgram, customerId, ctx)).toMatchObject({
      kind: 'bonus',
      bonus: 'welcome',
      points: 200,
      availableAt: dayAt(0),
      expiresAt: dayAt(0) + 90 * DAY_MS,
      uniqueKey: `welcome:${customerId}`,
    });
  });

  it('none when the program has no welcome bonus', () => {
    const program = demoProgramWith({ bonuses: {} });
    expect(welcomeBonus(program, terminal.at(dayAt(0)).newId(), terminal.at(dayAt(0)))).toBeNull();
  });
});
