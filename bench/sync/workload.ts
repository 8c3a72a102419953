import type { OutboxMessage } from '../../shared/sync/outbox-message';
import { MAX_PUSH_BATCH } from '../../shared/sync/protocol';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { fixtureTerminal } from '../../server/testing/sync-fixtures';
import { seededRandom } from './stats';

/**
 * A terminal's day(s) of work as real outbox messages, made with the real engine
 * (fixtureTerminal): enrolments with the welcome bonus, sales with accrual, and sales paying
 * part with points when the customer has enough. Sales are only for customers this terminal
 * enrolled earlier in the same sequence, so pushed in order nothing is unknown to the server.
 */
export type WorkloadMix = {
  /** Share of messages that enrol a new customer (the first message always does). */
  readonly enrolShare: number;
  /** Share of sales that spend points, when the customer has at least 100 available. */
  readonly redeemShare: number;
  /** Operations per terminal per day (09:00–21:00, store time). */
  readonly perDay: number;
};

export const DEFAULT_MIX: WorkloadMix = { enrolShare: 0.15, redeemShare: 0.1, perDay: 500 };

export type TerminalWork = {
  readonly terminalId: string;
  readonly storeId: string;
  readonly messages: readonly OutboxMessage[];
  readonly counts: {
    readonly enrolments: number;
    readonly sales: number;
    readonly redemptions: number;
    readonly entries: number;
  };
};

export function terminalWork(options: {
  readonly terminalId: string;
  readonly storeId: string;
  /** 1–999, unique per terminal: it seeds ids and makes card numbers unique. */
  readonly seed: number;
  readonly count: number;
  /** Day of the test calendar the work starts on. */
  readonly firstDay: number;
  readonly mix?: WorkloadMix;
}): TerminalWork {
  const mix = options.mix ?? DEFAULT_MIX;
  const random = seededRandom(options.seed * 7_919);
  const terminal = fixtureTerminal({
    terminalId: options.terminalId,
    storeId: options.storeId,
    seed: options.seed,
  });
  const customers: string[] = [];
  const messages: OutboxMessage[] = [];
  const counts = { enrolments: 0, sales: 0, redemptions: 0, entries: 0 };
  const stepMs = Math.floor((12 * 3_600_000) / mix.perDay);
  for (let i = 0; i < options.count; i++) {
    const day = options.firstDay + Math.floor(i / mix.perDay);
    const now = dayAt(day, 9) + (i % mix.perDay) * stepMs + Math.floor(random() * stepMs);
    let message: OutboxMessage;
    if (customers.length === 0 || random() < mix.enrolShare) {
      const phone = `79${String(options.seed).padStart(3, '0')}${String(customers.length).padStart(7, '0')}`;
      const enrolled = terminal.enrol(now, phone);
      customers.push(enrolled.customer.id);
      message = enrolled.message;
      counts.enrolments += 1;
    } else {
      const customerId = customers[Math.floor(random() * customers.length)]!;
      const roubles = 200 + Math.floor(random() * 4_800);
      const spendable = Math.min(terminal.available(customerId, now), Math.floor(roubles * 0.3));
      let spend = random() < mix.redeemShare && spendable >= 100 ? spendable : 0;
      try {
        message = terminal.sell(now, customerId, rub(roubles), spend).message;
      } catch {
        // The engine refused the redemption (a cap this sketch does not know): a plain sale.
        spend = 0;
        message = terminal.sell(now, customerId, rub(roubles)).message;
      }
      counts.sales += 1;
      if (spend > 0) counts.redemptions += 1;
    }
    counts.entries += message.entries.length;
    messages.push(message);
  }
  return { terminalId: options.terminalId, storeId: options.storeId, messages, counts };
}

/** Push request bodies as the terminal sends them: the outbox in order, MAX_PUSH_BATCH at a time. */
export function pushBodies(
  messages: readonly OutboxMessage[],
  batchSize = MAX_PUSH_BATCH,
): { readonly bodies: string[]; readonly messageCounts: number[] } {
  const bodies: string[] = [];
  const messageCounts: number[] = [];
  for (let start = 0; start < messages.length; start += batchSize) {
    const batch = messages.slice(start, start + batchSize);
    bodies.push(JSON.stringify({ messages: batch }));
    messageCounts.push(batch.length);
  }
  return { bodies, messageCounts };
}
