/**
 * Confidence calibration: turns «the model said 0.62» into «at this threshold, N % of what is routed without
 * a person is right». Pure functions over scored, labelled samples, so the same code serves the evaluation
 * CLI, the retraining loop (one calibration per model version) and the admin page.
 */

/** One scored sample: the model's confidence in its best guess and whether that guess was right. */
export interface CalibrationPoint {
  confidence: number;
  correct: boolean;
}

export interface Calibration {
  /** Accept a guess when its confidence is ≥ this. Above every sample's confidence when `reached` is false. */
  threshold: number;
  /** Share of the accepted samples that are right (0 when none is accepted). */
  precision: number;
  /** Share of all samples accepted. */
  coverage: number;
  /** How many samples the threshold accepts. */
  accepted: number;
  /** False when no threshold reaches the target with enough support: then nothing should be auto-accepted. */
  reached: boolean;
}

export interface CalibrateOptions {
  /**
   * Fewest accepted samples a threshold needs before its precision is believed: 3 of 3 right says little.
   * Default 20.
   */
  minSupport?: number;
}

const DEFAULT_MIN_SUPPORT = 20;

/**
 * The smallest threshold whose accepted samples (confidence ≥ threshold) are right at least `targetPrecision`
 * of the time, among thresholds that accept at least `minSupport` samples. Smallest means the most coverage
 * at that precision. Candidate thresholds are the samples' own confidences, so the result is reproducible
 * from the data. With no qualifying threshold the answer accepts nothing (`reached: false`, threshold just
 * above the highest confidence, at most 1 + ε so a caller comparing `confidence >= threshold` never accepts).
 */
export function calibrateThreshold(
  points: readonly CalibrationPoint[],
  targetPrecision: number,
  options: CalibrateOptions = {},
): Calibration {
  const minSupport = Math.max(1, options.minSupport ?? DEFAULT_MIN_SUPPORT);
  const total = points.length;
  // Highest confidence first: walking down, each step adds the samples of one more distinct confidence.
  const sorted = [...points].sort((a, b) => b.confidence - a.confidence);
  let accepted = 0;
  let right = 0;
  let best: Calibration | null = null;
  for (let i = 0; i < sorted.length;) {
    const confidence = sorted[i]!.confidence;
    while (i < sorted.length && sorted[i]!.confidence === confidence) {
      accepted++;
      if (sorted[i]!.correct) right++;
      i++;
    }
    const precision = right / accepted;
    if (accepted >= minSupport && precision >= targetPrecision) {
      best = { threshold: confidence, precision, coverage: accepted / total, accepted, reached: true };
    }
  }
  if (best !== null) return best;
  const top = sorted[0]?.confidence ?? 1;
  return {
    threshold: Math.max(top, 1) + Number.EPSILON * 4,
    precision: 0,
    coverage: 0,
    accepted: 0,
    reached: false,
  };
}

/** Precision and coverage of a given threshold on the same samples: what a chosen threshold means. */
export function measureThreshold(
  points: readonly CalibrationPoint[],
  threshold: number,
): Omit<Calibration, 'reached'> {
  let accepted = 0;
  let right = 0;
  for (const p of points) {
    if (p.confidence < threshold) continue;
    accepted++;
    if (p.correct) right++;
  }
  return {
    threshold,
    precision: accepted === 0 ? 0 : right / accepted,
    coverage: points.length === 0 ? 0 : accepted / points.length,
    accepted,
  };
}
