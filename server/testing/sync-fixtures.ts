import { welcomeBonus } from '../../shared/bonuses/welcome-bonus';
import { checkout } from '../../shared/checkout/checkout';
import type { CompletedSale } from '../../shared/checkout/checkout';
import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { balanceOf } from '../../shared/ledger/balance';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import type { Money } from '../../shared/money/money';
import { points } from '../../shared/money/money';
import type { Program } from '../../shared/program/program-schema';
import type { OperationKind, OutboxMessage } from '../../shared/sync/outbox-message';
import { demoProgram } from '../../shared/testing/demo-program';
import { testTerminal } from '../../shared/testing/test-terminal';

/**
 * A terminal for server tests that makes real outbox messages with the real engine (enrol,
 * sell, redeem), keeping its own copy of the ledgers it has seen, as a terminal does.
 */
export type FixtureTerminal = ReturnType<typeof fixtureTerminal>;

export function fixtureTerminal(options: {
  readonly terminalId: string;
  readonly storeId: string;
  readonly seed?: number;
  readonly clockSkewMs?: number;
  readonly program?: Program;
}) {
  const program = options.program ?? demoProgram;
  const terminal = testTerminal({
    terminalId: options.terminalId,
    storeId: options.storeId,
    seed: options.seed ?? 1,
    clockSkewMs: options.clockSkewMs ?? 0,
  });
  const ledgers = new Map<string, LedgerEntry[]>();
  let cards = 0;

  const message = (
    now: number,
    operation: OperationKind,
    parts: {
      readonly [K in 'entries' | 'customers' | 'cards']?: readonly OutboxMessage[K][number][];
    },
  ): OutboxMessage => {
    const ctx = terminal.at(now);
    const entries = parts.entries ?? [];
    for (const entry of entries)
      ledgers.set(entry.customerId, [...(ledgers.get(entry.customerId) ?? []), entry]);
    return {
      id: ctx.newId(),
      operation,
      terminalId: options.terminalId,
      storeId: options.storeId,
      createdAt: ctx.now,
      entries: [...entries],
      customers: [...(parts.customers ?? [])],
      cards: [...(parts.cards ?? [])],
    };
  };

  return {
    terminalId: options.terminalId,
    storeId: options.storeId,
    message,
    /** Entries this terminal knows of (its own and any `learn`ed). */
    ledger: (customerId: string): readonly LedgerEntry[] => ledgers.get(customerId) ?? [],
    learn(entries: readonly LedgerEntry[]): void {
      for (const entry of entries) {
        const known = ledgers.get(entry.customerId) ?? [];
        if (!known.some((e) => e.id === entry.id)) ledgers.set(entry.customerId, [...known, entry]);
      }
    },
    enrol(now: number, phone: string, name = 'Анна Петрова') {
      const ctx = terminal.at(now);
      const customer: CustomerProfile = {
        id: ctx.newId(),
        name,
        phone,
        birthday: null,
        email: null,
        marketingConsent: false,
        referrerId: null,
        clubMemberUntil: null,
        enrolledAt: ctx.now,
        enrolledStoreId: options.storeId,
        fieldStamps: {},
      };
      cards += 1;
      const card: CardRecord = {
        number: `29${(options.seed ?? 1).toString().padStart(3, '0')}${cards.toString().padStart(8, '0')}`,
        customerId: customer.id,
        kind: 'plastic',
        state: 'active',
        blockReason: null,
        replacedBy: null,
        issuedAt: ctx.now,
        stamp: ctx.newStamp(),
      };
      const bonus = welcomeBonus(program, customer.id, ctx);
      return {
        customer,
        card,
        message: message(now, 'enrolment', {
          customers: [customer],
          cards: [card],
          entries: bonus ? [bonus] : [],
        }),
      };
    },
    sell(now: number, customerId: string, amount: Money, pointsToSpend = 0) {
      const ctx = terminal.at(now);
      const result = checkout(
        program,
        {
          customerId,
          balance: balanceOf(ledgers.get(customerId) ?? [], program, ctx.now),
          clubMemberUntil: null,
          referrerId: null,
        },
        { lines: [{ amount }], pointsToSpend: points(pointsToSpend) },
        ctx,
      );
      if (!result.ok) throw new Error(`checkout refused: ${JSON.stringify(result.error)}`);
      const sale: CompletedSale = result.value;
      return { sale, message: message(now, 'sale', { entries: sale.entries }) };
    },
    available: (customerId: string, now: number): number =>
      balanceOf(ledgers.get(customerId) ?? [], program, now).available,
  };
}
