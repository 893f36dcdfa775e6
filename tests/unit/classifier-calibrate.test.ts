import { describe, expect, it } from 'vitest';
import { calibrateThreshold, measureThreshold } from '../../lib/classify/calibrate';

/** `n` points at one confidence, `right` of them correct. */
function at(confidence: number, n: number, right: number): { confidence: number; correct: boolean }[] {
  return Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));
}

describe('calibrateThreshold', () => {
  it('picks the smallest threshold whose accepted samples reach the target precision', () => {
    const points = [...at(0.9, 40, 40), ...at(0.7, 40, 36), ...at(0.5, 40, 20), ...at(0.3, 40, 8)];
    const c = calibrateThreshold(points, 0.9);
    // 0.7 and above: 76 of 80 right = 95 %; adding 0.5: 96 of 120 = 80 %.
    expect(c.threshold).toBe(0.7);
    expect(c.reached).toBe(true);
    expect(c.accepted).toBe(80);
    expect(c.precision).toBeCloseTo(0.95, 5);
    expect(c.coverage).toBeCloseTo(0.5, 5);
  });

  it('ignores thresholds with too little support', () => {
    const points = [...at(0.99, 5, 5), ...at(0.6, 100, 50)];
    const c = calibrateThreshold(points, 0.9, { minSupport: 20 });
    expect(c.reached).toBe(false);
    expect(c.coverage).toBe(0);
    expect(points.every((p) => p.confidence < c.threshold)).toBe(true);
    expect(calibrateThreshold(points, 0.9, { minSupport: 5 }).threshold).toBe(0.99);
  });

  it('does not depend on the order of the samples and handles an empty set', () => {
    const points = [...at(0.8, 30, 29), ...at(0.4, 30, 10)];
    const reversed = [...points].reverse();
    expect(calibrateThreshold(reversed, 0.9)).toEqual(calibrateThreshold(points, 0.9));
    expect(calibrateThreshold([], 0.9).reached).toBe(false);
  });

  it('measures a given threshold the same way', () => {
    const points = [...at(0.8, 30, 27), ...at(0.4, 30, 10)];
    expect(measureThreshold(points, 0.5)).toEqual({
      threshold: 0.5,
      precision: 0.9,
      coverage: 0.5,
      accepted: 30,
    });
  });
});
