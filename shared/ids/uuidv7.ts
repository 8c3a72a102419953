/**
 * UUIDv7 (RFC 9562, section 5.7): ids that a terminal creates offline, unique without
 * coordination and sortable by creation time, so the outbox and the ledger index stay in
 * insertion order.
 *
 * Layout (128 bits, big-endian), shown as `tttttttt-tttt-7aaa-vbbb-bbbbbbbbbbbb`:
 *
 * | bits    | field       | content                                              |
 * |---------|-------------|------------------------------------------------------|
 * | 0–47    | unix_ts_ms  | milliseconds since 1970-01-01 UTC                    |
 * | 48–51   | ver         | 0111 (7)                                             |
 * | 52–63   | rand_a      | random, or the monotonic counter of createIdGenerator |
 * | 64–65   | var         | 10                                                   |
 * | 66–127  | rand_b      | random (62 bits)                                     |
 *
 * Randomness is passed in (no global random source in shared/): in the renderer
 * `(n) => crypto.getRandomValues(new Uint8Array(n))`, in Node `(n) => randomFillSync(new
 * Uint8Array(n))`.
 */

/** Returns `length` cryptographically random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** The largest 48-bit timestamp (year 10889). */
export const MAX_UUIDV7_MILLIS = 2 ** 48 - 1;

/** The 12-bit rand_a field, used as a counter by createIdGenerator. */
const RAND_A_MAX = 0xfff;
/**
 * A new millisecond seeds the counter with 11 random bits (the top bit of rand_a is 0, the
 * RFC's "counter rollover guard"), so at least 2 048 ids fit in one millisecond before the
 * counter overflows, while the seed still adds 11 bits of unguessability.
 */
const COUNTER_SEED_MASK = 0x7ff;
/** rand_a (12 bits, we use 2 bytes) + rand_b (62 bits, 8 bytes). */
const RANDOM_BYTES_PER_ID = 10;

/**
 * Canonical form only: lowercase hex. Ids are compared and deduplicated as text (outbox keys,
 * unique constraints), so one id must not have two spellings (`…-7abc-…` and `…-7ABC-…`).
 */
const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A UUIDv7 with a random rand_a: unique, sorted by millisecond, unordered within one. */
export function uuidv7(nowMs: number, randomBytes: RandomBytes): string {
  checkMillis(nowMs);
  const random = takeRandom(randomBytes);
  const randA = (((random[0] ?? 0) << 8) | (random[1] ?? 0)) & RAND_A_MAX;
  return layout(nowMs, randA, random);
}

/**
 * A generator of UUIDv7 ids that increase strictly, one per terminal (RFC 9562 section 6.2,
 * method 1: a 12-bit counter in rand_a):
 *
 * - A new millisecond (clock later than the last id's) seeds the counter randomly (11 bits).
 * - The same millisecond increments the counter.
 * - The clock went backwards (NTP correction, a cashier fixing the date): the generator keeps
 *   the last id's millisecond and increments the counter, as if the clock had stood still.
 *   Ids stay in creation order; their timestamps stay ahead of the clock until it catches up.
 * - The counter overflows (more than 2 048 ids in one millisecond, or a long stretch after the
 *   clock went back): the timestamp is advanced by 1 ms ahead of the clock and the counter is
 *   reseeded. Order is kept; the embedded time runs ahead by 1 ms per ~2 048–4 096 ids.
 *
 * | last (ms, counter) | clock | next (ms, counter)      |
 * |--------------------|-------|-------------------------|
 * | (1000, 5)          | 1001  | (1001, random seed)     |
 * | (1000, 5)          | 1000  | (1000, 6)               |
 * | (1000, 5)          | 990   | (1000, 6)               |
 * | (1000, 4095)       | 1000  | (1001, random seed)     |
 *
 * The state lives in the closure: one generator per terminal process, passed in where ids
 * are made. Throws RangeError if `now()` is not an integer in 0 … 2^48 − 1.
 */
export function createIdGenerator(options: {
  readonly now: () => number;
  readonly randomBytes: RandomBytes;
}): () => string {
  const { now, randomBytes } = options;
  let lastMs = -1;
  let counter = 0;
  return () => {
    const clock = now();
    checkMillis(clock);
    const random = takeRandom(randomBytes);
    const seed = (((random[0] ?? 0) << 8) | (random[1] ?? 0)) & COUNTER_SEED_MASK;
    if (clock > lastMs) {
      lastMs = clock;
      counter = seed;
    } else if (counter < RAND_A_MAX) {
      counter += 1;
    } else {
      lastMs += 1;
      checkMillis(lastMs);
      counter = seed;
    }
    return layout(lastMs, counter, random);
  };
}

/** True for a canonical (lowercase) UUIDv7 with the RFC 9562 variant. */
export function isUuidV7(text: string): boolean {
  return UUIDV7_PATTERN.test(text);
}

/** The creation time embedded in a UUIDv7, in epoch ms. Throws RangeError for other text. */
export function uuidv7Millis(id: string): number {
  if (!isUuidV7(id)) throw new RangeError(`Not a UUIDv7: ${JSON.stringify(id)}`);
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

function checkMillis(ms: number): void {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_UUIDV7_MILLIS) {
    throw new RangeError(`UUIDv7 time must be an integer in 0 … 2^48 − 1 ms, got ${ms}`);
  }
}

function takeRandom(randomBytes: RandomBytes): Uint8Array {
  const random = randomBytes(RANDOM_BYTES_PER_ID);
  if (random.length < RANDOM_BYTES_PER_ID) {
    throw new RangeError(
      `randomBytes returned ${random.length} bytes, ${RANDOM_BYTES_PER_ID} were asked`,
    );
  }
  return random;
}

/** `random[2..9]` fill rand_b; `random[0..1]` were used for rand_a by the caller. */
function layout(ms: number, randA: number, random: Uint8Array): string {
  const time = ms.toString(16).padStart(12, '0');
  const versionAndRandA = (0x7000 | randA).toString(16);
  const variantByte = 0x80 | ((random[2] ?? 0) & 0x3f);
  const rest = [variantByte, ...random.subarray(3, RANDOM_BYTES_PER_ID)].map(hexByte).join('');
  return `${time.slice(0, 8)}-${time.slice(8)}-${versionAndRandA}-${rest.slice(0, 4)}-${rest.slice(4)}`;
}

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/**
 * The smallest UUIDv7 string made at `ms`: ids sort by creation time, so [floor(a), floor(b))
 * is a key range holding exactly the ids made in [a, b) — a day's rows without a time index.
 */
export function uuidv7Floor(ms: number): string {
  checkMillis(ms);
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
