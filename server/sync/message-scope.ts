import type { OutboxMessage } from '../../shared/sync/outbox-message';

/**
 * The first message that is not wholly the sending terminal's, in its store: the message or
 * one of its entries names another store or another terminal. Both ways in (the sync API's
 * push and the admin CLI's outbox import) refuse such a batch before anything is written,
 * and migration 0003 relies on it: the foreign keys from messages and entries to terminals
 * and stores were dropped because this check already holds.
 */
export type ScopeBreach = {
  readonly messageId: string;
  readonly kind: 'wrong-store' | 'wrong-terminal';
};

export function firstOutOfScope(
  messages: readonly OutboxMessage[],
  sender: { readonly storeId: string; readonly terminalId: string },
): ScopeBreach | null {
  for (const message of messages) {
    const records = [message, ...message.entries];
    if (records.some((record) => record.storeId !== sender.storeId))
      return { messageId: message.id, kind: 'wrong-store' };
    if (records.some((record) => record.terminalId !== sender.terminalId))
      return { messageId: message.id, kind: 'wrong-terminal' };
  }
  return null;
}
