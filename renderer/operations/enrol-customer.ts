import { welcomeBonus } from '../../shared/bonuses/welcome-bonus';
import { encodeVirtualCardQr } from '../../shared/cards/virtual-card-qr';
import type { CardNumber } from '../../shared/cards/card-number';
import type { CardRecord } from '../../shared/customers/card-record';
import {
  customerProfileSchema,
  EDITABLE_PROFILE_FIELDS,
} from '../../shared/customers/customer-profile';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { parsePhoneNumber } from '../../shared/customers/phone-number';
import type { PhoneNumberError } from '../../shared/customers/phone-number';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { schemaProblems } from '../../shared/util/schema-problems';
import type { SchemaProblem } from '../../shared/util/schema-problems';
import { toCustomerRow } from '../db/customer-rows';
import { appendEntries } from './customer-ledger';
import { prepareCard } from './issue-card';
import type { IssueCardError, NewCard } from './issue-card';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

export type EnrolmentInput = {
  /** The manager who enrols (or approved the enrolment in a cashier's session). */
  readonly managerId: string;
  readonly name: string;
  readonly phone: string;
  readonly birthday: string | null;
  readonly email: string | null;
  readonly marketingConsent: boolean;
  readonly referrerId: string | null;
  readonly card: NewCard;
};

export type EnrolmentError =
  | { readonly code: 'invalid-phone'; readonly error: PhoneNumberError }
  | { readonly code: 'invalid-profile'; readonly problems: readonly SchemaProblem[] }
  | { readonly code: 'duplicate-phone'; readonly customerId: string }
  | { readonly code: 'unknown-referrer' }
  | IssueCardError;

export type Enrolment = {
  readonly customer: CustomerProfile;
  readonly card: CardRecord;
  /** For a virtual card: the payload to show as a QR code on the customer's phone. */
  readonly qrPayload: string | null;
};

/**
 * Enrolment: the profile, the card, the welcome bonus and the outbox message in ONE
 * transaction. A phone number already enrolled is refused (the cashier is told whose).
 */
export async function enrolCustomer(
  services: TerminalServices,
  input: EnrolmentInput,
): Promise<Result<Enrolment, EnrolmentError>> {
  const { db, program, identity } = services;
  const phone = parsePhoneNumber(input.phone);
  if (!phone.ok) return err({ code: 'invalid-phone', error: phone.error });

  return db.transaction(
    'rw',
    [db.customers, db.cards, db.ledger, db.balances, db.outbox, db.settings],
    async () => {
      const duplicate = await db.customers.where('phone').equals(phone.value).first();
      if (duplicate) return err({ code: 'duplicate-phone' as const, customerId: duplicate.id });
      if (input.referrerId !== null && !(await db.customers.get(input.referrerId)))
        return err({ code: 'unknown-referrer' as const });

      const ctx = operationContext(services, input.managerId);
      const stamp = ctx.newStamp();
      const parsed = customerProfileSchema.safeParse({
        id: ctx.newId(),
        name: input.name.trim(),
        phone: phone.value,
        birthday: input.birthday === '' ? null : input.birthday,
        email: input.email === '' ? null : input.email,
        marketingConsent: input.marketingConsent,
        referrerId: input.referrerId,
        clubMemberUntil: null,
        enrolledAt: ctx.now,
        enrolledStoreId: identity.storeId,
        fieldStamps: Object.fromEntries(EDITABLE_PROFILE_FIELDS.map((field) => [field, stamp])),
      });
      if (!parsed.success)
        return err({ code: 'invalid-profile' as const, problems: schemaProblems(parsed.error) });
      const customer = parsed.data;

      const card = await prepareCard(
        db,
        input.card,
        customer.id,
        identity.cardBlock,
        ctx.newStamp,
        ctx.now,
      );
      if (!card.ok) return card;
      const bonus = welcomeBonus(program, customer.id, ctx);
      const entries = bonus ? [bonus] : [];

      await db.customers.add(toCustomerRow(customer));
      await db.cards.add(card.value);
      await appendEntries(db, entries);
      await db.outbox.add(
        outboxMessage(services, 'enrolment', {
          entries,
          customers: [customer],
          cards: [card.value],
        }),
      );
      const qrPayload =
        card.value.kind === 'virtual' ? encodeVirtualCardQr(card.value.number as CardNumber) : null;
      return ok({ customer, card: card.value, qrPayload });
    },
  );
}
