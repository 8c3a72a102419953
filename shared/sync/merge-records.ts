import type { CardRecord } from '../customers/card-record';
import { EDITABLE_PROFILE_FIELDS } from '../customers/customer-profile';
import type { CustomerProfile, EditableProfileField } from '../customers/customer-profile';
import type { HlcStamp } from '../ids/hybrid-logical-clock';

/**
 * How two copies of one record that changed on different terminals become one. Both the
 * server and the terminals merge with these functions, so every copy ends the same whatever
 * order the copies arrive in: each merge is commutative, associative and idempotent (proven
 * by property tests).
 *
 * Profiles: per editable field, the value with the later stamp wins (a field never changed
 * has no stamp and loses to any change). Fields that never change after enrolment (id,
 * enrolment time and store, referrer) are kept from the copy enrolled first.
 */
export function mergeProfiles(a: CustomerProfile, b: CustomerProfile): CustomerProfile {
  const first = enrolledFirst(a, b);
  const merged: { -readonly [K in keyof CustomerProfile]: CustomerProfile[K] } = {
    ...first,
    fieldStamps: {},
  };
  const stamps: Partial<Record<EditableProfileField, HlcStamp>> = {};
  for (const field of EDITABLE_PROFILE_FIELDS) {
    const winner = laterForField(a, b, field, first);
    setField(merged, field, winner);
    const stamp = winner.fieldStamps[field];
    if (stamp !== undefined) stamps[field] = stamp;
  }
  merged.fieldStamps = stamps;
  return merged;
}

function enrolledFirst(a: CustomerProfile, b: CustomerProfile): CustomerProfile {
  if (a.enrolledAt !== b.enrolledAt) return a.enrolledAt < b.enrolledAt ? a : b;
  // Same instant (the same enrolment): any fixed choice keeps the merge order-independent.
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b;
}

function laterForField(
  a: CustomerProfile,
  b: CustomerProfile,
  field: EditableProfileField,
  tieBreak: CustomerProfile,
): CustomerProfile {
  const stampA = a.fieldStamps[field];
  const stampB = b.fieldStamps[field];
  if (stampA === stampB) return tieBreak;
  if (stampA === undefined) return b;
  if (stampB === undefined) return a;
  return stampA > stampB ? a : b;
}

function setField(
  target: { -readonly [K in keyof CustomerProfile]: CustomerProfile[K] },
  field: EditableProfileField,
  source: CustomerProfile,
): void {
  switch (field) {
    case 'name':
      target.name = source.name;
      return;
    case 'phone':
      target.phone = source.phone;
      return;
    case 'birthday':
      target.birthday = source.birthday;
      return;
    case 'email':
      target.email = source.email;
      return;
    case 'marketingConsent':
      target.marketingConsent = source.marketingConsent;
      return;
    case 'clubMemberUntil':
      target.clubMemberUntil = source.clubMemberUntil;
      return;
  }
}

/**
 * Cards: a card that stopped working (blocked or replaced) wins over an active copy, so a
 * lost card blocked at one store is never brought back by a stale copy from another; between
 * two copies in the same kind of state, the later stamp wins. Only copies of one card (same
 * number, same customer) are merged: a number issued to two customers is a conflict the
 * server flags and keeps for the first owner.
 */
export function mergeCards(a: CardRecord, b: CardRecord): CardRecord {
  const rankA = a.state === 'active' ? 0 : 1;
  const rankB = b.state === 'active' ? 0 : 1;
  if (rankA !== rankB) return rankA > rankB ? a : b;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b;
}
