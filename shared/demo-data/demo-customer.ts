import {
  generateCode128CardNumber,
  generateEan13CardNumber,
  MAX_EAN13_SERIAL,
} from '../cards/card-number-generator';
import { DEFAULT_CARD_CODE_SETTINGS } from '../cards/parse-card-code';
import type { CardRecord } from '../customers/card-record';
import { EDITABLE_PROFILE_FIELDS } from '../customers/customer-profile';
import type { CustomerProfile } from '../customers/customer-profile';
import type { OperationContext } from '../ledger/operation-context';
import { mix32 } from './demo-random';
import type { DemoRandom } from './demo-random';
import { demoEmailDomain, demoName } from './demo-names';

/** Pre-printed plastic demo cards: EAN-13, prefix 29, block 1, serial = customer index + 1. */
export const DEMO_PLASTIC_PREFIX = '29';
export const DEMO_PLASTIC_BLOCK = 1;
/**
 * Virtual cards of demo customers were issued by the demo chain's web enrolment, whose block
 * no terminal gets, so a terminal issuing virtual cards from its own block never meets them.
 */
export const DEMO_VIRTUAL_BLOCK = 9_999;
/** About 1 customer in 25 shows a virtual card (a QR code on the phone) instead of plastic. */
const VIRTUAL_CARD_SHARE = 0.04;

/**
 * The card number of customer `index`. A block holds 999 999 EAN-13 serials, so customers
 * past that continue in the next block: customer 999 999 (the millionth) gets block 2, serial 1.
 */
export function demoCardNumber(index: number, kind: CardRecord['kind']): string {
  if (kind === 'virtual') {
    return generateCode128CardNumber({
      prefix: DEFAULT_CARD_CODE_SETTINGS.code128Prefix,
      terminalBlock: DEMO_VIRTUAL_BLOCK,
      serial: index + 1,
    });
  }
  return generateEan13CardNumber({
    prefix: DEMO_PLASTIC_PREFIX,
    terminalBlock: DEMO_PLASTIC_BLOCK + Math.floor(index / MAX_EAN13_SERIAL),
    serial: (index % MAX_EAN13_SERIAL) + 1,
  });
}

/** 9 digits after +7 9…: an affine map mod 10⁹ (the factor is coprime with 10). */
const PHONE_SPACE = 1_000_000_000;
/** A prime; factor × index stays below 2⁵³ for every index below 10⁹. */
const PHONE_FACTOR = 6_700_417;

/**
 * A mobile number `79xxxxxxxxx`, different for every index below 10⁹ (the map is a
 * bijection), scattered so that the last 4 digits spread evenly: each of the 10 000 endings
 * belongs to one customer in 10 000, as the search by last digits expects of real data.
 */
export function demoPhone(seed: number, index: number): string {
  const offset = mix32(seed ^ 0x5bd1e995) % PHONE_SPACE;
  const digits = (PHONE_FACTOR * index + offset) % PHONE_SPACE;
  return `79${String(digits).padStart(9, '0')}`;
}

/** A birthday from 1950 to 2006, or null (one customer in ten does not give it). */
function demoBirthday(random: DemoRandom): string | null {
  if (random.chance(0.1)) return null;
  const year = random.int(1950, 2006);
  const date = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The profile and the card of customer `index`, enrolled in the context `ctx`. */
export function demoProfileAndCard(
  seed: number,
  index: number,
  random: DemoRandom,
  ctx: OperationContext,
): { readonly profile: CustomerProfile; readonly card: CardRecord } {
  const stamp = ctx.newStamp();
  const id = ctx.newId();
  const name = demoName(random);
  const hasEmail = random.chance(0.4);
  const email = hasEmail ? `${name.emailLocal}${index + 1}@${demoEmailDomain(random)}` : null;
  const profile: CustomerProfile = {
    id,
    name: name.full,
    phone: demoPhone(seed, index),
    birthday: demoBirthday(random),
    email,
    marketingConsent: random.chance(hasEmail ? 0.6 : 0.3),
    referrerId: null,
    clubMemberUntil: null,
    enrolledAt: ctx.now,
    enrolledStoreId: ctx.storeId,
    fieldStamps: Object.fromEntries(EDITABLE_PROFILE_FIELDS.map((field) => [field, stamp])),
  };
  const kind = random.chance(VIRTUAL_CARD_SHARE) ? 'virtual' : 'plastic';
  const card: CardRecord = {
    number: demoCardNumber(index, kind),
    customerId: id,
    kind,
    state: 'active',
    blockReason: null,
    replacedBy: null,
    issuedAt: ctx.now,
    stamp: ctx.newStamp(),
  };
  return { profile, card };
}
