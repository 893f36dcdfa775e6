/**
 * «Точки напряжённости»: places where a sector block's complaints now run far above their own usual level for
 * this hour of the week. Each place is judged against its own history, never a fixed threshold, because a count
 * that is routine for Balashikha is an emergency for a village. The order of `history` is not used yet.
 *
 * Model, per candidate with n previous weeks of the same window (counts h₁…hₙ):
 * - Rate: a Gamma prior worth PRIOR_WEEKS weeks at `priorRate`, updated by the history, so
 *   λ = (Σh + priorRate·PRIOR_WEEKS) / (n + PRIOR_WEEKS), floored at MIN_RATE. A place with no history sits at
 *   the prior instead of at zero, where two complaints would be an infinite ratio.
 * - Spread: real weekly counts vary more than Poisson (weather, outages, holidays). The extra variance is the
 *   larger of the place's own (s² − h̄) and α·λ², with α pooled over all candidates of the call (see
 *   pooledDispersion: eight weeks of one place cannot estimate it). The predictive variance is then
 *   V = (λ + extra) · (1 + 1/(n + PRIOR_WEEKS)), the last factor being the uncertainty of λ itself from few weeks
 *   (the Gamma–Poisson posterior predictive term).
 * - Test: the count now is compared with a negative binomial of mean λ and variance V (a Poisson inflated by
 *   that spread); its upper tail P(X ≥ observed) is the p-value.
 * - Gates, all required: observed ≥ minObserved (a handful of complaints is never a «point»), observed/λ ≥
 *   minRatio (statistically sure but small rises are not worth a wall tile), p ≤ maxPValue.
 * - Multiple comparisons: every place is tested on every recount (~60 municipalities, a few hundred cells), so
 *   the default per-place threshold is Bonferroni-corrected to keep the chance of any false point per recount
 *   under FAMILY_FALSE_ALARM, and never looser than 1e-3: min(1e-3, 0.05 / candidates).
 */

export interface TensionCandidate {
  key: string;
  /** Complaints observed in the detection window now. */
  observed: number;
  /** Counts of the same window (same hours of the week) in each of the previous weeks, most recent first. */
  history: number[];
}

export interface TensionOptions {
  /** Fewest complaints in the window for a place to be flagged at all. Default 5. */
  minObserved?: number;
  /** Smallest observed / expected. Default 2.5. */
  minRatio?: number;
  /** Per-place p-value threshold. Default min(1e-3, FAMILY_FALSE_ALARM / candidates.length). */
  maxPValue?: number;
  /** Prior complaints per window for a place without history. Default 1. */
  priorRate?: number;
}

export interface TensionResult {
  key: string;
  observed: number;
  /** The baseline rate λ for the window (shrunk history mean). */
  expected: number;
  ratio: number;
  /** P(X ≥ observed) under the place's baseline; may underflow to 0 for extreme bursts. */
  pValue: number;
}

export const DEFAULT_MIN_OBSERVED = 5;
export const DEFAULT_MIN_RATIO = 2.5;
export const DEFAULT_PRIOR_RATE = 1;
/** Chance of at least one false point among all places of one recount, under the model. */
export const FAMILY_FALSE_ALARM = 0.05;
const MAX_PER_PLACE_P = 1e-3;
/** Weight of the prior rate, in weeks of history. */
const PRIOR_WEEKS = 1;
/** Below a quarter complaint per window the history cannot tell rates apart; it also bounds the ratio. */
const MIN_RATE = 0.25;
/** Floor for α: real weekly counts are never purely Poisson (CV of the rate ≥ ~10%). */
const MIN_DISPERSION = 0.01;
const MIN_MEAN_FOR_DISPERSION = 3;
const MIN_PLACES_FOR_DISPERSION = 5;

export interface TensionBaseline {
  rate: number;
  variance: number;
}

/**
 * How much the same window normally varies between weeks beyond Poisson noise, as α in variance = λ + α·λ²,
 * pooled over all candidates of one call: eight weeks of one place say little about its spread, but sixty places
 * hit by the same weather and holidays say a lot. The median of per-place estimates, so that one place with a past
 * burst in its history does not blunt the detector for everybody; places with tiny means carry no signal on α.
 */
export function pooledDispersion(histories: readonly (readonly number[])[]): number {
  const estimates: number[] = [];
  for (const history of histories) {
    const n = history.length;
    if (n < 3) continue;
    const mean = history.reduce((s, h) => s + h, 0) / n;
    if (mean < MIN_MEAN_FOR_DISPERSION) continue;
    const variance = history.reduce((s, h) => s + (h - mean) ** 2, 0) / (n - 1);
    estimates.push((variance - mean) / (mean * mean));
  }
  if (estimates.length < MIN_PLACES_FOR_DISPERSION) return MIN_DISPERSION;
  estimates.sort((a, b) => a - b);
  const mid = estimates.length >> 1;
  const median = estimates.length % 2 ? estimates[mid]! : (estimates[mid - 1]! + estimates[mid]!) / 2;
  return Math.max(MIN_DISPERSION, median);
}

/** The place's usual level for the window and how much it normally varies (see the model above). */
export function tensionBaseline(
  history: readonly number[],
  priorRate = DEFAULT_PRIOR_RATE,
  dispersion = MIN_DISPERSION,
): TensionBaseline {
  const n = history.length;
  const sum = history.reduce((s, h) => s + h, 0);
  const rate = Math.max(MIN_RATE, (sum + priorRate * PRIOR_WEEKS) / (n + PRIOR_WEEKS));
  let excess = dispersion * rate * rate;
  if (n >= 2) {
    const mean = sum / n;
    const sampleVariance = history.reduce((s, h) => s + (h - mean) ** 2, 0) / (n - 1);
    excess = Math.max(excess, sampleVariance - mean);
  }
  return { rate, variance: (rate + excess) * (1 + 1 / (n + PRIOR_WEEKS)) };
}

export function detectTension(candidates: TensionCandidate[], options: TensionOptions = {}): TensionResult[] {
  const minObserved = options.minObserved ?? DEFAULT_MIN_OBSERVED;
  const minRatio = options.minRatio ?? DEFAULT_MIN_RATIO;
  const priorRate = options.priorRate ?? DEFAULT_PRIOR_RATE;
  const maxPValue =
    options.maxPValue ?? Math.min(MAX_PER_PLACE_P, FAMILY_FALSE_ALARM / Math.max(1, candidates.length));
  const logMaxP = Math.log(maxPValue);
  const dispersion = pooledDispersion(candidates.map((c) => c.history));

  const found: (TensionResult & { logP: number })[] = [];
  for (const { key, observed, history } of candidates) {
    // Cheap gates first: most places fail them and never need the tail.
    if (!(observed >= minObserved)) continue;
    const { rate, variance } = tensionBaseline(history, priorRate, dispersion);
    const ratio = observed / rate;
    if (ratio < minRatio) continue;
    const logP = logNegBinomialUpperTail(observed, rate, variance);
    if (logP > logMaxP) continue;
    found.push({ key, observed, expected: rate, ratio, pValue: Math.exp(logP), logP });
  }
  // Rank on log p: extreme bursts all underflow to p = 0 but still differ in strength.
  found.sort((a, b) => a.logP - b.logP || b.ratio - a.ratio || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return found.map(({ logP: _logP, ...result }) => result);
}

/** P(X ≥ k) for X ~ Poisson(λ), accurate far into the tail (computed in log space). */
export function poissonUpperTail(k: number, lambda: number): number {
  return Math.exp(logPoissonUpperTail(k, lambda));
}

export function logPoissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return -Infinity;
  // P(X ≥ k) = P(k, λ), the regularized lower incomplete gamma function.
  return logLowerRegularizedGamma(Math.ceil(k), lambda);
}

/**
 * log P(X ≥ k) for a negative binomial of the given mean and variance (variance > mean); falls back to Poisson
 * when the variance is not larger. With r = mean²/(variance − mean), p = r/(r + mean):
 * P(X ≥ k) = 1 − I_p(r, k) = I_{1−p}(k, r).
 */
export function logNegBinomialUpperTail(k: number, mean: number, variance: number): number {
  if (k <= 0) return 0;
  if (mean <= 0) return -Infinity;
  const extra = variance - mean;
  if (!(extra > mean * 1e-9)) return logPoissonUpperTail(k, mean);
  const r = (mean * mean) / extra;
  return logRegularizedBeta(mean / (r + mean), Math.ceil(k), r);
}

// --- Special functions (after Numerical Recipes, kept in log space so tiny tails do not underflow early) ---

const EPS = 1e-15;
const TINY = 1e-300;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Series and continued fractions need about √(size) terms near the bulk of the distribution. */
function maxIterations(size: number): number {
  return 1000 + Math.ceil(50 * Math.sqrt(size));
}

function logLowerRegularizedGamma(a: number, x: number): number {
  const logFront = -x + a * Math.log(x) - logGamma(a);
  const limit = maxIterations(a + x);
  if (x < a + 1) {
    // Series: converges fast here and gives small tails directly, without 1 − (almost 1).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < limit; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    return logFront + Math.log(sum);
  }
  // Continued fraction (modified Lentz) for the upper function Q; here P is the large one, so 1 − Q is safe.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.log1p(-Math.exp(logFront + Math.log(h)));
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const limit = maxIterations(a + b);
  for (let m = 1; m < limit; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** ln I_x(a, b), the regularized incomplete beta function. */
function logRegularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return logFront + Math.log(betaContinuedFraction(a, b, x)) - Math.log(a);
  return Math.log1p(-Math.exp(logFront + Math.log(betaContinuedFraction(b, a, 1 - x)) - Math.log(b)));
}
