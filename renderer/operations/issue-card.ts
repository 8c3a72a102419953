import { generateCode128CardNumber } from '../../shared/cards/card-number-generator';
import { DEFAULT_CARD_CODE_SETTINGS, parseCardCode } from '../../shared/cards/parse-card-code';
import type { CardCodeError } from '../../shared/cards/parse-card-code';
import type { CardRecord } from '../../shared/customers/card-record';
import type { HlcStamp } from '../../shared/ids/hybrid-logical-clock';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import type { TerminalDatabase } from '../db/terminal-database';
import { nextCounter } from './receipt-numbers';

/** How a new card is given: a pre-printed plastic card scanned at the desk, or a virtual one. */
export type NewCard =
  { readonly kind: 'plastic'; readonly scanned: string } | { readonly kind: 'virtual' };

export type IssueCardError =
  | { readonly code: 'invalid-card'; readonly error: CardCodeError }
  | { readonly code: 'card-in-use'; readonly number: string };

/**
 * The record of a card about to be issued to `customerId` (inside the caller's transaction).
 * A scanned card must be one of ours and not in use; a virtual card gets a new Code 128
 * number from this terminal's block, which no other terminal can issue.
 */
export async function prepareCard(
  db: TerminalDatabase,
  card: NewCard,
  customerId: string,
  cardBlock: number,
  stamp: () => HlcStamp,
  now: number,
): Promise<Result<CardRecord, IssueCardError>> {
  let number: string;
  if (card.kind === 'plastic') {
    const parsed = parseCardCode(card.scanned, DEFAULT_CARD_CODE_SETTINGS);
    if (!parsed.ok) return err({ code: 'invalid-card', error: parsed.error });
    if (parsed.value.format === 'virtual-qr')
      return err({ code: 'card-in-use', number: parsed.value.number });
    number = parsed.value.number;
  } else {
    const serial = await nextCounter(db, 'cardSerial');
    number = generateCode128CardNumber({
      prefix: DEFAULT_CARD_CODE_SETTINGS.code128Prefix,
      terminalBlock: cardBlock,
      serial,
    });
  }
  if (await db.cards.get(number)) return err({ code: 'card-in-use', number });
  return ok({
    number,
    customerId,
    kind: card.kind,
    state: 'active',
    blockReason: null,
    replacedBy: null,
    issuedAt: now,
    stamp: stamp(),
  });
}
