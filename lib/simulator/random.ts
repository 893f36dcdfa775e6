import type { Rng } from '../classify/random';

// The generator lives with the classifier, whose corpus and training order need it; the simulator's modules,
// tests and the bench keep importing it from here.
export { createRng, type Rng } from '../classify/random';

/** Derives a well-mixed 32-bit seed from several integers (e.g. a run seed and a complaint id). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    // Split into two 32-bit halves so that ids above 2^32 still change the hash.
    const lo = part >>> 0;
    const hi = Math.floor(part / 4294967296) >>> 0;
    for (const word of [lo, hi]) {
      h = Math.imul(h ^ word, 0x01000193);
      h ^= h >>> 13;
      h = Math.imul(h, 0x5bd1e995);
      h ^= h >>> 15;
    }
  }
  return h >>> 0;
}

/** Alias-free weighted picker: cumulative table and binary search, built once per weight set. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  draw(rng: Rng): T;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new Error('weightedTable() needs at least one positive weight');
  return {
    items,
    draw(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}
