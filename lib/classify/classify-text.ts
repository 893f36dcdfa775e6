import { classifyWithModel, type Classification } from './classify-with-model';
import { trainModel, type TextModel } from './model';
import { buildTrainingSet } from './training-data';

export type { Classification } from './classify-with-model';

/**
 * Chosen on tests/fixtures/classifier-eval.jsonl (scripts/eval-classifier.ts prints the sweep): at 0.45 about
 * 73 % of complaints are accepted with ≈ 96 % of their blocks right and 1 vague text in 35 passes; lower
 * thresholds let vague greetings through, higher ones send a third or more of real complaints to the queue.
 */
export const CLASSIFY_THRESHOLD = 0.45;

let model: TextModel | null = null;
let buildMs = 0;

/** Trained on first use and kept for the life of the process. */
function getModel(): TextModel {
  if (model === null) {
    const started = performance.now();
    model = trainModel(buildTrainingSet());
    buildMs = performance.now() - started;
  }
  return model;
}

/** Size and build time of the model, for the evaluation report. Builds it if needed. */
export function classifierStats(): {
  labels: number;
  features: number;
  weightBytes: number;
  buildMs: number;
} {
  const m = getModel();
  return {
    labels: m.labels.length,
    features: m.featureIndex.size,
    weightBytes: m.weights.byteLength + m.bias.byteLength,
    buildMs: Math.round(buildMs),
  };
}

/** Builds the model now instead of on the first message, e.g. at server start. */
export function warmUpClassifier(): void {
  getModel();
}

/**
 * Guesses the category of a free-text complaint. Below CLASSIFY_THRESHOLD the category is null and the
 * caller puts the complaint into the operator queue with the suggestions. With `blockCode`, only that
 * block's categories compete. Deterministic: the same text always gets the same answer.
 */
export function classifyText(text: string, options: { blockCode?: string } = {}): Classification {
  return classifyWithModel(getModel(), text, CLASSIFY_THRESHOLD, options.blockCode);
}
