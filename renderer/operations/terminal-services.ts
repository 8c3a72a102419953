import { formatHlcStamp } from '../../shared/ids/hybrid-logical-clock';
import type { HybridClock } from '../../shared/ids/hybrid-logical-clock';
import type { OperationContext } from '../../shared/ledger/operation-context';
import type { Program } from '../../shared/program/program-schema';
import type { OutboxMessage, OperationKind } from '../../shared/sync/outbox-message';
import type { TerminalDatabase } from '../db/terminal-database';
import type { TerminalIdentity } from '../db/rows';

/**
 * What every business operation needs, created once at start-up and passed in: the
 * database, who this terminal is, the program in force, and the sources of time, ids and
 * clock stamps (never globals, so tests drive them).
 */
export type TerminalServices = {
  readonly db: TerminalDatabase;
  readonly identity: TerminalIdentity;
  readonly program: Program;
  readonly now: () => number;
  readonly newId: () => string;
  readonly clock: HybridClock;
};

export function operationContext(services: TerminalServices, cashierId: string): OperationContext {
  return {
    terminalId: services.identity.terminalId,
    storeId: services.identity.storeId,
    cashierId,
    now: services.now(),
    timeZone: services.identity.timeZone,
    newId: services.newId,
    newStamp: services.clock.tick,
  };
}

/**
 * A context for previews (e.g. a refund's effect before it is confirmed): same terminal, time
 * and cashier, but ids and stamps that are placeholders, so showing a preview on every
 * keystroke neither uses up ids nor advances the terminal's clock. Nothing made with it may
 * be stored.
 */
export function previewContext(services: TerminalServices, cashierId: string): OperationContext {
  const ctx = operationContext(services, cashierId);
  const stamp = formatHlcStamp({ physicalMs: ctx.now, counter: 0, node: ctx.terminalId });
  return { ...ctx, newId: () => PREVIEW_ID, newStamp: () => stamp };
}

const PREVIEW_ID = '00000000-0000-7000-8000-000000000000';

/** The message that carries one operation to the central server. */
export function outboxMessage(
  services: TerminalServices,
  operation: OperationKind,
  parts: {
    readonly [K in 'entries' | 'customers' | 'cards']?: readonly OutboxMessage[K][number][];
  },
): OutboxMessage {
  return {
    id: services.newId(),
    operation,
    terminalId: services.identity.terminalId,
    storeId: services.identity.storeId,
    createdAt: services.now(),
    entries: [...(parts.entries ?? [])],
    customers: [...(parts.customers ?? [])],
    cards: [...(parts.cards ?? [])],
  };
}
