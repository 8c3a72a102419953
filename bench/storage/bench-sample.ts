import type { DemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import type { DemoRandom } from '../../shared/demo-data/demo-random';

/** A loaded customer to look up, search for and sell to, picked while the data loads. */
export type BenchTarget = {
  readonly customerId: string;
  readonly cardNumber: string;
  readonly phoneLast4: string;
  /** The first 3 letters of one of the name's words, as a cashier starts typing. */
  readonly namePrefix: string;
};

/**
 * A uniform sample of `size` customers over all chunks (reservoir sampling, Algorithm R),
 * so lookups hit the whole key range, not just the last chunk still in the cache.
 */
export function createTargetSampler(size: number, random: DemoRandom) {
  const targets: BenchTarget[] = [];
  let seen = 0;
  return {
    add(chunk: DemoChunk): void {
      chunk.customers.forEach((customer, i) => {
        seen += 1;
        const slot = seen <= size ? targets.length : random.int(0, seen - 1);
        if (slot >= size) return;
        const card = chunk.cards[i];
        const word = random.pick(customer.nameKeys);
        if (!card || card.customerId !== customer.id)
          throw new Error('demo chunk: cards must follow customers one to one');
        targets[slot] = {
          customerId: customer.id,
          cardNumber: card.number,
          phoneLast4: customer.phoneLast4,
          namePrefix: word.slice(0, 3),
        };
      });
    },
    /** In random order: consecutive lookups do not walk the key range in index order. */
    targets: (): readonly BenchTarget[] => {
      const shuffled = [...targets];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [shuffled[i], shuffled[j]] = [shuffled[j] as BenchTarget, shuffled[i] as BenchTarget];
      }
      return shuffled;
    },
  };
}
