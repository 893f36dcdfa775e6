import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { ClassifierScores } from '../../db/schema/classifier-versions';
import { calibrateThreshold } from '../classify/calibrate';
import { classifyWithModel } from '../classify/classify-with-model';
import { reportOn, scoreSamples, type EvalSample } from '../classify/evaluate';
import type { TextModel } from '../classify/model';
import { NONE_LABEL } from '../classify/training-data';
import type { StoredExample } from './load-examples';
import { LEARNING } from './settings';

/** Held-out letters scored between two turns of the event loop. */
const CHUNK = 100;

/** A held-out decision as the evaluation reads a labelled message (null block: rejected as no complaint). */
function sampleOf(example: StoredExample, blockOf: (category: string) => string | null): EvalSample {
  if (example.label === NONE_LABEL) return { text: example.text, block: null, category: null };
  return {
    text: example.text,
    block: example.blockCode ?? (example.label ? blockOf(example.label) : null),
    category: example.label,
  };
}

/**
 * A model's scores on the held-out decisions (the same report as `npm run eval:classifier`), at the threshold
 * calibrated on them so that `targetPrecision` of its confident blocks are right; a text rejected as spam
 * counts as wrong when accepted. Both versions of a comparison are calibrated and measured on the same slice
 * the same way, so «more coverage at the same precision» compares like with like; the absolute coverage is
 * optimistic by the calibration's own fit to the slice.
 */
export async function measureModel(
  model: TextModel,
  heldOut: readonly StoredExample[],
  blockOf: (category: string) => string | null,
): Promise<ClassifierScores> {
  const samples = heldOut.map((e) => sampleOf(e, blockOf));
  const rows: ReturnType<typeof scoreSamples> = [];
  // A thousand letters are a second of CPU: scored in chunks, so intake's requests get their turns between.
  for (let i = 0; i < samples.length; i += CHUNK) {
    rows.push(...scoreSamples(samples.slice(i, i + CHUNK), (text) => classifyWithModel(model, text, 0)));
    await yieldToEvents();
  }
  const points = rows.map((r) => ({
    confidence: r.result.confidence,
    correct: r.sample.block !== null && r.sample.block === r.result.blockCode,
  }));
  const minSupport = Math.max(5, Math.round(points.length * 0.1));
  const calibration = calibrateThreshold(points, LEARNING.targetPrecision, { minSupport });
  const threshold = Math.round(Math.max(LEARNING.thresholdFloor, calibration.threshold) * 10_000) / 10_000;
  const report = reportOn(rows, threshold);
  return {
    threshold,
    coverage: report.coverage,
    confidentAccuracy: report.confidentBlockAccuracy,
    overallAccuracy: report.blockAccuracy,
    categoryAccuracy: report.categoryAccuracy,
    noneRejected: report.vagueRejected,
    perBlock: report.perBlock,
    confusions: report.worstBlockPairs,
  };
}
