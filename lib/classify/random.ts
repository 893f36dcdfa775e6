/**
 * A small seeded PRNG: the corpus renders the same training texts and the model shuffles them in the same order
 * on every start, so two builds give the same weights.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal deviate (Box–Muller). */
  gaussian(): number;
  /** Poisson count with the given mean (normal approximation above 50, where it is indistinguishable). */
  poisson(mean: number): number;
}

/** mulberry32: 32-bit state, good enough statistical quality for simulation, tiny and fast. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gaussian = (): number => {
    const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    gaussian,
    poisson(mean) {
      if (!(mean > 0)) return 0;
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
      // Knuth's multiplication method: exact and cheap for small means.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
}
