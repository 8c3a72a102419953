import { describe, expect, it } from 'vitest';
import { rub } from '../../shared/testing/test-account';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import type { OutboxMessage } from '../../shared/sync/outbox-message';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { planPush } from './push-plan';
import type { PushPlan, PushState } from './push-plan';

const EMPTY: PushState = {
  messages: new Map(),
  customers: new Map(),
  cards: new Map(),
  phones: new Map(),
  entryIds: new Set(),
  ledgers: new Map(),
  programs: new Map([[demoProgram.version, demoProgram]]),
  receivedAt: dayAt(30),
};

/** The state the database holds after `plan` was written on top of `state`. */
function after(state: PushState, plan: PushPlan): PushState {
  const ledgers = new Map(state.ledgers);
  for (const { entry } of plan.entries)
    ledgers.set(entry.customerId, [...(ledgers.get(entry.customerId) ?? []), entry]);
  return {
    ...state,
    messages: new Map([
      ...state.messages,
      ...plan.messages.map((m) => [m.message.id, m.outcome] as const),
    ]),
    customers: new Map([...state.customers, ...plan.customers.map((c) => [c.id, c] as const)]),
    phones: new Map([...state.phones, ...plan.customers.map((c) => [c.phone, c.id] as const)]),
    cards: new Map([...state.cards, ...plan.cards.map((c) => [c.number, c] as const)]),
    entryIds: new Set([...state.entryIds, ...plan.entries.map((e) => e.entry.id)]),
    ledgers,
  };
}

function pushAll(batches: readonly (readonly OutboxMessage[])[]): {
  state: PushState;
  plans: PushPlan[];
} {
  let state = EMPTY;
  const plans: PushPlan[] = [];
  for (const batch of batches) {
    const plan = planPush(state, batch);
    plans.push(plan);
    state = after(state, plan);
  }
  return { state, plans };
}

const storeA = () => fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 1 });
const storeB = () => fixtureTerminal({ terminalId: 'B1', storeId: 'SB', seed: 2 });

describe('planPush: each message at most once, answered one by one', () => {
  it('applies an enrolment and a sale; the same messages again are duplicates and write nothing', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const sale = a.sell(dayAt(0, 11), enrolment.customer.id, rub(1000));
    const { plans } = pushAll([
      [enrolment.message, sale.message],
      [enrolment.message, sale.message],
    ]);
    expect(plans[0]?.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(plans[0]?.entries.length).toBe(
      enrolment.message.entries.length + sale.message.entries.length,
    );
    expect(plans[1]?.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(plans[1]).toMatchObject({
      messages: [],
      customers: [],
      cards: [],
      entries: [],
      flags: [],
    });
  });

  it('a message repeated inside one batch counts once', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const plan = planPush(EMPTY, [enrolment.message, enrolment.message]);
    expect(plan.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(plan.messages).toHaveLength(1);
  });

  it('rejects a sale for a customer nobody enrolled, records why, and goes on with the next message', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const stray = a.sell(dayAt(0, 11), enrolment.customer.id, rub(500));
    const other = a.enrol(dayAt(0, 12), '79990000002');
    const { plans, state } = pushAll([[stray.message, other.message], [stray.message]]);
    expect(plans[0]?.results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-customer' });
    expect(plans[0]?.results[1]).toMatchObject({ status: 'applied' });
    expect(plans[0]?.entries.every((e) => e.messageId === other.message.id)).toBe(true);
    // Sent again, the same answer: the rejection was recorded.
    expect(plans[1]?.results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-customer' });
    expect(state.messages.get(stray.message.id)).toMatchObject({ status: 'rejected' });
  });

  it('rejects a message whose entry id another message used (nothing of it applies)', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const sale = a.sell(dayAt(0, 11), enrolment.customer.id, rub(1000));
    const forged = { ...sale.message, id: a.message(dayAt(0, 12), 'sale', {}).id };
    const { plans } = pushAll([[enrolment.message, sale.message, forged]]);
    expect(plans[0]?.results[2]).toMatchObject({ status: 'rejected', reason: 'entry-id-reused' });
    expect(plans[0]?.entries.filter((e) => e.messageId === forged.id)).toEqual([]);
  });
});

describe('planPush: facts that look wrong are applied and flagged', () => {
  it('two stores spend the same points offline: both applied, the overdraft flagged once', () => {
    const a = storeA();
    const b = storeB();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const id = enrolment.customer.id;
    const first = a.sell(dayAt(0, 11), id, rub(4000));
    b.learn([...enrolment.message.entries, ...first.message.entries]);
    // Day 20: both stores see the same points available, and each spends all of them offline.
    const available = a.available(id, dayAt(20, 12));
    expect(b.available(id, dayAt(20, 13))).toBe(available);
    const spendA = a.sell(dayAt(20, 12), id, rub(available * 10), available);
    const spendB = b.sell(dayAt(20, 13), id, rub(available * 10), available);
    const { plans } = pushAll([
      [enrolment.message, first.message],
      [spendB.message],
      [spendA.message],
    ]);
    expect(plans[1]?.results[0]).toMatchObject({ status: 'applied', flags: [] });
    // A's redemption is stamped earlier, so B's (already stored) is the one that overdraws:
    // the flag is raised by A's late message and names B's entry.
    expect(plans[2]?.results[0]).toMatchObject({ status: 'applied', flags: ['overdraft'] });
    const redemptionB = spendB.message.entries.find((e) => e.kind === 'redemption');
    expect(plans[2]?.flags.map((f) => [f.kind, f.customerId, f.detail['entryId']])).toEqual([
      ['overdraft', id, redemptionB?.id],
    ]);
  });

  it('an accrual above what the program can give is flagged with the maximum', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const sale = a.sell(dayAt(0, 11), enrolment.customer.id, rub(1000));
    const inflated = {
      ...sale.message,
      entries: sale.message.entries.map((e): LedgerEntry =>
        e.kind === 'accrual' ? { ...e, points: 5000 as typeof e.points } : e,
      ),
    };
    const plan = planPush(EMPTY, [enrolment.message, inflated]);
    expect(plan.results[1]).toMatchObject({ status: 'applied', flags: ['accrual-above-program'] });
    expect(plan.flags[0]?.detail).toMatchObject({
      points: 5000,
      maximum: 200,
      spendMinor: 100_000,
    });
  });

  it('an accrual under a program version the server never published is flagged', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const plan = planPush({ ...EMPTY, programs: new Map() }, [enrolment.message]);
    expect(plan.results[0]).toMatchObject({ status: 'applied' });
    const sale = a.sell(dayAt(0, 11), enrolment.customer.id, rub(1000));
    const second = planPush({ ...after(EMPTY, plan), programs: new Map() }, [sale.message]);
    expect(second.results[0]).toMatchObject({ flags: ['unknown-program-version'] });
  });

  it('one card number issued to two customers: the first keeps it, the second is flagged', () => {
    const a = storeA();
    const first = a.enrol(dayAt(0, 10), '79990000001');
    const enrolled = storeB().enrol(dayAt(0, 10), '79990000002');
    const taken = { ...enrolled.card, number: first.card.number };
    const second = { ...enrolled.message, cards: [taken] };
    const plan = planPush(EMPTY, [first.message, second]);
    expect(plan.results[1]).toMatchObject({ status: 'applied', flags: ['card-conflict'] });
    expect(plan.cards).toEqual([first.card]);
  });

  it('one phone enrolled at two stores: both customers kept, flagged', () => {
    const first = storeA().enrol(dayAt(0, 10), '79990000001');
    const second = storeB().enrol(dayAt(0, 11), '79990000001');
    const plan = planPush(EMPTY, [first.message, second.message]);
    expect(plan.results[1]).toMatchObject({ flags: ['duplicate-phone'] });
    expect(plan.customers).toHaveLength(2);
  });
});

describe('planPush: clocks', () => {
  it('a terminal a day fast or slow is fine; one 3 days fast is refused (its stamps would win every merge)', () => {
    const at = (skewDays: number) => {
      const terminal = fixtureTerminal({
        terminalId: 'A1',
        storeId: 'SA',
        seed: 5,
        clockSkewMs: skewDays * 86_400_000,
      });
      return planPush(EMPTY, [terminal.enrol(dayAt(30), '79990000009').message]).results[0];
    };
    expect(at(-1)).toMatchObject({ status: 'applied' });
    expect(at(1)).toMatchObject({ status: 'applied' });
    expect(at(3)).toMatchObject({ status: 'rejected', reason: 'stamp-in-future' });
  });
});

describe('planPush: profiles merge per field', () => {
  it('two stores edit different fields offline: both edits kept; the same field: the later stamp wins', () => {
    const a = storeA();
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const base = enrolment.customer;
    const editA = {
      ...base,
      name: 'Анна Сидорова',
      email: 'a@example.ru',
      fieldStamps: { name: '001767700000000-00000-A1', email: '001767700000000-00000-A1' },
    };
    const editB = {
      ...base,
      email: 'b@example.ru',
      fieldStamps: { email: '001767700000001-00000-B1' },
    };
    const { state } = pushAll([
      [enrolment.message],
      [a.message(dayAt(1), 'profile-change', { customers: [editB as typeof base] })],
      [a.message(dayAt(1), 'profile-change', { customers: [editA as typeof base] })],
    ]);
    expect(state.customers.get(base.id)).toMatchObject({
      name: 'Анна Сидорова',
      email: 'b@example.ru',
    });
  });
});
