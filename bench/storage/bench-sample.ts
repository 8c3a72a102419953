import type { DemoChunk } from '../../renderer/demo-data/generate-demo-chunk';
import { demoRandom } from '../../shared/demo-data/demo-random';
import type { BenchTarget } from './storage-bench-result';

/**
 * A uniform sample of `size` of the `total` customers, chosen from the seed alone (Floyd's
 * algorithm), so lookups hit the whole key range, not just the last chunk still in the
 * cache; and so a load resumed in a later run (--profile) picks the same customers.
 */
export function createTargetSampler(total: number, size: number, seed: number) {
  const random = demoRandom(seed);
  const chosen = new Set<number>();
  for (let j = Math.max(0, total - size); j < total; j++) {
    const t = random.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return {
    /** The chosen customers of the chunk that starts at customer `from`, in order. */
    targetsIn(chunk: DemoChunk, from: number): BenchTarget[] {
      const targets: BenchTarget[] = [];
      chunk.customers.forEach((customer, i) => {
        if (!chosen.has(from + i)) return;
        const card = chunk.cards[i];
        if (!card || card.customerId !== customer.id)
          throw new Error('demo chunk: cards must follow customers one to one');
        // Which word by the customer's place, not by a random draw: the same in every run.
        const word = customer.nameKeys[(from + i) % customer.nameKeys.length];
        if (word === undefined) throw new Error(`demo customer ${customer.id} has no name`);
        targets.push({
          customerId: customer.id,
          cardNumber: card.number,
          phoneLast4: customer.phoneLast4,
          namePrefix: word.slice(0, 3),
        });
      });
      return targets;
    },
  };
}

/** In random order: consecutive lookups do not walk the key range in index order. */
export function shuffledTargets(targets: readonly BenchTarget[], seed: number): BenchTarget[] {
  const random = demoRandom(seed);
  const shuffled = [...targets];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as BenchTarget, shuffled[i] as BenchTarget];
  }
  return shuffled;
}
