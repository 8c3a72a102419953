import { describe, expect, it } from 'vitest';
import { points } from '../money/money';
import { demoProgram } from '../testing/demo-program';
import { rub, testAccount } from '../testing/test-account';
import { dayAt, testTerminal } from '../testing/test-terminal';
import { DAY_MS } from '../time/zoned-time';
import { manualAdjustment } from './adjustment';
import { expireDue } from './expiry';
import { foldLedger } from './fold-ledger';

describe('expiry: worked example of expiry.ts', () => {
  const terminal = testTerminal();
  const account = testAccount({ terminal });
  account.buy(dayAt(1), rub(4_000)); // lot A: 200, available day 15, expires day 380
  account.buy(dayAt(10), rub(2_000)); // lot B: 100 (×2 next purchase: 1 900 ₽ × 5 % × 2 = 190)
  const lotB = account.entries.at(-1);
  const spend = manualAdjustment(
    demoProgram,
    {
      customerId: account.customerId,
      points: points(-250),
      reason: 'spent at a partner',
      authorId: 'M1',
    },
    terminal.at(dayAt(100)),
  );
  if (!spend.ok) throw new Error('refused');
  account.entries.push(spend.value);

  it('spending takes the soonest-expiring lot first', () => {
    const lots = foldLedger(account.entries).lots;
    expect(
      lots.map((l) => l.remaining),
      'A: 200 − 200, B: 190 − 50',
    ).toEqual([0, 140]);
  });

  it('on day 381 nothing is due: lot A was spent; lot B expires on day 389', () => {
    expect(account.balance(dayAt(381)).dueForExpiry).toEqual([]);
    const due = account.balance(dayAt(390)).dueForExpiry;
    expect(due).toEqual([{ lotId: lotB?.id, points: 140 }]);
  });

  it('writing the expiry entries changes no balance and is idempotent', () => {
    const now = dayAt(390);
    const before = account.balance(now);
    const entries = expireDue(demoProgram, account.customerId, before, terminal.at(now));
    expect(entries.map((e) => [e.points, e.uniqueKey])).toEqual([
      [-140, `expiry:${lotB?.id ?? ''}`],
    ]);
    const withExpiry = [...account.entries, ...entries];
    const after = foldLedger(withExpiry);
    expect(after.lots.map((l) => l.remaining)).toEqual([0, 0]);
    const again = expireDue(
      demoProgram,
      account.customerId,
      account.balance(now),
      terminal.at(now + DAY_MS),
    );
    const twice = foldLedger([...withExpiry, ...again]);
    expect(
      twice.lots.map((l) => l.remaining),
      'a second run expires nothing more',
    ).toEqual([0, 0]);
    expect(
      twice.anomalies.map((a) => a.kind),
      'the repeated key is reported, not counted',
    ).toEqual(['repeated-unique-key']);
  });
});
