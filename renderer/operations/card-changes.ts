import type { CardRecord } from '../../shared/customers/card-record';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { fromCardRow } from '../db/customer-rows';
import { prepareCard } from './issue-card';
import type { IssueCardError, NewCard } from './issue-card';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

export type BlockReason = NonNullable<CardRecord['blockReason']>;

export type CardChangeError =
  | { readonly code: 'unknown-card' }
  | { readonly code: 'card-not-active'; readonly state: CardRecord['state'] }
  | IssueCardError;

/**
 * Replacing a lost or damaged card: the old card is marked replaced (it stops working, and
 * names its successor) and the new one is issued, in ONE transaction. Points belong to the
 * customer, so they stay where they are.
 */
export async function replaceCard(
  services: TerminalServices,
  input: {
    readonly managerId: string;
    readonly oldNumber: string;
    readonly reason: BlockReason;
    readonly card: NewCard;
  },
): Promise<
  Result<{ readonly old: CardRecord; readonly replacement: CardRecord }, CardChangeError>
> {
  const { db, identity } = services;
  return db.transaction('rw', [db.cards, db.outbox, db.settings], async () => {
    const row: unknown = await db.cards.get(input.oldNumber);
    if (row === undefined) return err({ code: 'unknown-card' as const });
    const old = fromCardRow(row);
    if (old.state !== 'active') return err({ code: 'card-not-active' as const, state: old.state });
    const ctx = operationContext(services, input.managerId);
    const replacement = await prepareCard(
      db,
      input.card,
      old.customerId,
      identity.cardBlock,
      ctx.newStamp,
      ctx.now,
    );
    if (!replacement.ok) return replacement;
    const retired: CardRecord = {
      ...old,
      state: 'replaced',
      blockReason: input.reason,
      replacedBy: replacement.value.number,
      stamp: ctx.newStamp(),
    };
    await db.cards.put(retired);
    await db.cards.add(replacement.value);
    await db.outbox.add(
      outboxMessage(services, 'card-change', { cards: [retired, replacement.value] }),
    );
    return ok({ old: retired, replacement: replacement.value });
  });
}

/** Blocking a card (lost, stolen): it stops working at once; the customer keeps the points. */
export async function blockCard(
  services: TerminalServices,
  input: { readonly managerId: string; readonly number: string; readonly reason: BlockReason },
): Promise<Result<CardRecord, CardChangeError>> {
  const { db } = services;
  return db.transaction('rw', [db.cards, db.outbox], async () => {
    const row: unknown = await db.cards.get(input.number);
    if (row === undefined) return err({ code: 'unknown-card' as const });
    const card = fromCardRow(row);
    if (card.state !== 'active')
      return err({ code: 'card-not-active' as const, state: card.state });
    const ctx = operationContext(services, input.managerId);
    const blocked: CardRecord = {
      ...card,
      state: 'blocked',
      blockReason: input.reason,
      stamp: ctx.newStamp(),
    };
    await db.cards.put(blocked);
    await db.outbox.add(outboxMessage(services, 'card-change', { cards: [blocked] }));
    return ok(blocked);
  });
}
