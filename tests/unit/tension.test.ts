import { describe, expect, it } from 'vitest';
import {
  detectTension,
  logNegBinomialUpperTail,
  logPoissonUpperTail,
  poissonUpperTail,
  pooledDispersion,
  type TensionCandidate,
} from '@/lib/stats/tension';

/** mulberry32: tiny, seedable, good enough to draw synthetic traffic reproducibly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Knuth's method; fine for the rates used here (≤ 200). */
function poisson(rng: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > limit);
  return k - 1;
}

const WEEKS = 8;
const PLACES = 60;

/** Per-window rates spread log-uniformly from a village at night (0.3) to a big town's busy hours (40). */
function placeRate(rng: () => number): number {
  return 0.3 * Math.pow(40 / 0.3, rng());
}

/** One recount's candidates; `wobble` multiplies each week's rate by U(1 − w, 1 + w), i.e. overdispersion. */
function normalTraffic(rng: () => number, wobble = 0): TensionCandidate[] {
  return Array.from({ length: PLACES }, (_, i) => {
    const rate = placeRate(rng);
    const draw = () => poisson(rng, rate * (1 - wobble + 2 * wobble * rng()));
    return { key: `m${i}`, history: Array.from({ length: WEEKS }, draw), observed: draw() };
  });
}

describe('poissonUpperTail', () => {
  it('matches known values', () => {
    expect(poissonUpperTail(0, 1)).toBe(1);
    expect(poissonUpperTail(-3, 1)).toBe(1);
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 14);
    // 1 − 7e⁻² (P(X ≤ 4) for λ = 2).
    expect(poissonUpperTail(5, 2)).toBeCloseTo(0.052653017343711, 12);
    expect(poissonUpperTail(10, 3)).toBeCloseTo(0.0011024881301155, 14);
    expect(poissonUpperTail(3, 10)).toBeCloseTo(0.99723060428449, 12);
  });

  it('stays accurate deep in the tail and for large λ (reference values from scipy.stats.poisson.sf)', () => {
    const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);
    expect(relative(poissonUpperTail(30, 5), 2.817517615577943e-14)).toBeLessThan(1e-10);
    expect(relative(poissonUpperTail(50, 1), 1.2337508979097585e-65)).toBeLessThan(1e-10);
    expect(relative(poissonUpperTail(1100, 1000), 9.626304058665587e-4)).toBeLessThan(1e-9);
    expect(relative(poissonUpperTail(1000, 1000), 0.5042052441802155)).toBeLessThan(1e-9);
    expect(relative(poissonUpperTail(101_000, 100_000), 7.998010415545408e-4)).toBeLessThan(1e-7);
    // Far below double range, the log is still finite and right (scipy logsf: −412.66395066921666).
    expect(logPoissonUpperTail(200, 10)).toBeCloseTo(-412.66395066921666, 8);
    expect(logPoissonUpperTail(5000, 10)).toBeLessThan(-20_000);
    expect(Number.isFinite(logPoissonUpperTail(5000, 10))).toBe(true);
  });

  it('the negative binomial tail matches scipy and is wider than Poisson', () => {
    // Mean 10, variance 12: r = 50, p = 50/60; scipy.stats.nbinom.sf(39, 50, 5/6).
    expect(Math.exp(logNegBinomialUpperTail(40, 10, 12)) / 4.2939542768230103e-10).toBeCloseTo(1, 9);
    // Mean 1, variance 2 is a geometric distribution: P(X ≥ 5) = (1/2)⁵.
    expect(Math.exp(logNegBinomialUpperTail(5, 1, 2))).toBeCloseTo(1 / 32, 12);
    expect(logNegBinomialUpperTail(20, 6, 12)).toBeGreaterThan(logPoissonUpperTail(20, 6));
  });
});

describe('detectTension', () => {
  it('finds a 5× burst among 60 municipalities of normal traffic and ranks it first', () => {
    const rng = seeded(7);
    const candidates = normalTraffic(rng);
    const rate = 6;
    const history = Array.from({ length: WEEKS }, () => poisson(rng, rate));
    candidates[17] = { key: 'burst', history, observed: poisson(rng, 5 * rate) };

    const found = detectTension(candidates);
    expect(found[0]?.key).toBe('burst');
    expect(found[0]!.ratio).toBeGreaterThan(2.5);
    expect(found[0]!.pValue).toBeLessThan(1e-4);
    expect(found[0]!.expected).toBeGreaterThan(3.5);
    expect(found[0]!.expected).toBeLessThan(9);
  });

  it('flags (almost) nothing in 200 recounts × 60 places of normal Poisson traffic', () => {
    const rng = seeded(2024);
    let falseFlags = 0;
    for (let run = 0; run < 200; run++) falseFlags += detectTension(normalTraffic(rng)).length;
    // Bonferroni at 5% per recount caps the expectation at 10; over 40 seeds the total averaged 3.5 (0–10).
    expect(falseFlags).toBeLessThanOrEqual(6);
  });

  it('keeps false flags near the design rate when weeks vary more than Poisson, where a plain Poisson test floods', () => {
    const rng = seeded(99);
    let falseFlags = 0;
    let naiveFlags = 0;
    for (let run = 0; run < 200; run++) {
      const candidates = normalTraffic(rng, 0.5);
      falseFlags += detectTension(candidates).length;
      for (const { observed, history } of candidates) {
        const mean = (history.reduce((s, h) => s + h, 0) + 1) / (history.length + 1);
        if (observed >= 5 && observed / mean >= 2.5 && poissonUpperTail(observed, mean) <= 0.05 / PLACES) {
          naiveFlags++;
        }
      }
    }
    // A family-wise 5% per recount allows ~10 in 200 recounts; rate noise of ±50% is harsher than real weeks.
    expect(falseFlags).toBeLessThanOrEqual(15);
    expect(naiveFlags).toBeGreaterThan(3 * falseFlags);
  });

  it('does not flag a quiet place with no history for 3 complaints, even with the count gate lowered', () => {
    expect(detectTension([{ key: 'quiet', observed: 3, history: [] }])).toEqual([]);
    expect(detectTension([{ key: 'quiet', observed: 3, history: [] }], { minObserved: 1 })).toEqual([]);
    expect(detectTension([{ key: 'quiet', observed: 3, history: [0, 0, 0, 0, 0, 0, 0, 0] }])).toEqual([]);
  });

  it('flags a place silent for eight weeks that suddenly gets a dozen complaints', () => {
    const [found] = detectTension([{ key: 'new', observed: 12, history: [0, 0, 0, 0, 0, 0, 0, 0] }]);
    expect(found?.key).toBe('new');
    expect(found!.expected).toBeLessThan(0.5);
  });

  it('does not flag a busy place at its normal level, nor one at 2× (below the ratio gate) however certain', () => {
    const history = [42, 38, 45, 40, 47, 39, 44, 41];
    expect(detectTension([{ key: 'busy', observed: 48, history }])).toEqual([]);
    expect(detectTension([{ key: 'busy', observed: 85, history }])).toEqual([]);
    expect(detectTension([{ key: 'busy', observed: 85, history }], { minRatio: 1.5 })).toHaveLength(1);
  });

  it("uses a place's own week-to-week spread: a jumpy history needs a bigger jump", () => {
    const jumpy = [1, 12, 2, 10, 1, 14, 2, 11];
    const steady = [6, 7, 6, 7, 6, 7, 6, 7];
    expect(detectTension([{ key: 'jumpy', observed: 20, history: jumpy }])).toEqual([]);
    expect(detectTension([{ key: 'steady', observed: 20, history: steady }])).toHaveLength(1);
  });

  it('ranks by p-value, then by ratio, even when extreme p-values underflow', () => {
    const history = [5, 5, 5, 5, 5, 5, 5, 5];
    const found = detectTension([
      { key: 'mild', observed: 20, history },
      { key: 'extreme', observed: 3000, history },
      { key: 'huge', observed: 2000, history },
      { key: 'strong', observed: 40, history },
    ]);
    expect(found.map((r) => r.key)).toEqual(['extreme', 'huge', 'strong', 'mild']);
    expect(found[0]!.pValue).toBe(0);
  });

  it('respects the options and tightens the default threshold with more places tested', () => {
    const place = { key: 'a', observed: 10, history: [2, 2, 2, 2, 3, 2, 2, 2] };
    const pValue = detectTension([place], { maxPValue: 1 })[0]!.pValue;
    expect(pValue).toBeGreaterThan(1e-5);
    expect(pValue).toBeLessThan(1e-3);
    expect(detectTension([place])).toHaveLength(1);
    // Among 500 quiet places Bonferroni asks for p ≤ 1e-4, which this rise does not reach.
    const others = Array.from({ length: 499 }, (_, i) => ({ key: `q${i}`, observed: 0, history: [0, 0, 0] }));
    expect(detectTension([place, ...others])).toEqual([]);
    expect(detectTension([place], { minObserved: 11 })).toEqual([]);
  });

  it('pools overdispersion across places and ignores a single bursty history', () => {
    const rng = seeded(5);
    const poissonOnly = Array.from({ length: 60 }, () =>
      Array.from({ length: WEEKS }, () => poisson(rng, 10)),
    );
    expect(pooledDispersion(poissonOnly)).toBeLessThan(0.03);
    const wobbly = Array.from({ length: 60 }, () =>
      Array.from({ length: WEEKS }, () => poisson(rng, 10 * (0.5 + rng()))),
    );
    const alpha = pooledDispersion(wobbly);
    expect(alpha).toBeGreaterThan(0.03);
    expect(alpha).toBeLessThan(0.15);
    const withBurst = [...poissonOnly.slice(1), [10, 10, 90, 10, 10, 10, 10, 10]];
    expect(pooledDispersion(withBurst)).toBeLessThan(0.03);
  });
});
