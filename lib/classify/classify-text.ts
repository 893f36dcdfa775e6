import { classifyWithModel, type Classification } from './classify-with-model';
import { trainModel, type TextModel } from './model';
import { buildTrainingSet } from './training-data';

export type { Classification } from './classify-with-model';

/**
 * Chosen on tests/fixtures/classifier-eval.jsonl (`npm run eval:classifier` prints the sweep): at 0.45 about
 * 82 % of complaints are accepted with ≈ 97 % of their blocks right and no vague text of 35 passes (0.35: 87 %
 * at 96 %; 0.30 lets 3 vague texts through; 0.60: 69 % at 98 %). On the long letters of
 * tests/fixtures/classifier-dev-letters.jsonl it accepts 88 % at 99 %. The seed model's threshold; a taught
 * version carries its own, calibrated to a precision (lib/classify/calibrate.ts).
 */
export const CLASSIFY_THRESHOLD = 0.45;

/** A model the center taught (lib/classifier-learning): its version row and its calibrated threshold. */
interface LiveModel {
  version: number;
  model: TextModel;
  threshold: number;
}

interface ClassifierSlot {
  seed: TextModel | null;
  buildMs: number;
  live: LiveModel | null;
}

/*
 * One slot per process on globalThis: the server (which loads a new live version) and Next's route bundles
 * (which classify intake) hold separate copies of this module, and both must see the same model.
 */
const SLOT = Symbol.for('cur-wall.classifier');
function slot(): ClassifierSlot {
  const holder = globalThis as { [SLOT]?: ClassifierSlot };
  return (holder[SLOT] ??= { seed: null, buildMs: 0, live: null });
}

/** The model of the seed corpus alone: trained on first use and kept for the life of the process. */
export function seedModel(): TextModel {
  const s = slot();
  if (s.seed === null) {
    const started = performance.now();
    s.seed = trainModel(buildTrainingSet());
    s.buildMs = performance.now() - started;
  }
  return s.seed;
}

function current(): { model: TextModel; threshold: number } {
  return slot().live ?? { model: seedModel(), threshold: CLASSIFY_THRESHOLD };
}

/** Puts a version the center taught in charge of intake on this node; null goes back to the seed model. */
export function setLiveModel(live: LiveModel | null): void {
  slot().live = live;
}

/** The threshold classifying on this node: the live version's calibrated one, or CLASSIFY_THRESHOLD. */
export function liveThreshold(): number {
  return current().threshold;
}

/** The version classifying on this node (null: the seed model). */
export function liveModelVersion(): number | null {
  return slot().live?.version ?? null;
}

/** The model and threshold of a given live version if this node has it loaded (saves a rebuild). */
export function loadedModel(version: number): TextModel | null {
  const live = slot().live;
  return live !== null && live.version === version ? live.model : null;
}

/** Size and build time of the seed model, for the evaluation report. Builds it if needed. */
export function classifierStats(): {
  labels: number;
  features: number;
  weightBytes: number;
  buildMs: number;
} {
  const m = seedModel();
  return {
    labels: m.labels.length,
    features: m.featureIndex.size,
    weightBytes: m.weights.byteLength + m.bias.byteLength,
    buildMs: Math.round(slot().buildMs),
  };
}

/** Builds the model now instead of on the first message, e.g. at server start. */
export function warmUpClassifier(): void {
  seedModel();
}

/**
 * Guesses the category of a free-text complaint with the live model (the seed model until the center has
 * taught one). Below the live threshold the category is null and the caller puts the complaint into the
 * operator queue with the suggestions. With `blockCode`, only that block's categories compete. Deterministic:
 * the same text and the same live version always get the same answer.
 */
export function classifyText(text: string, options: { blockCode?: string } = {}): Classification {
  const { model, threshold } = current();
  return classifyWithModel(model, text, threshold, options.blockCode);
}
