import { extractFeatures, type FeatureVector } from './features';
import { prepareText } from './prepare/prepare-text';
import { createRng } from './random';
import type { TrainingExample } from './training-data';

/**
 * A multinomial logistic regression over sparse text features. Weights are stored feature-major (one row of
 * class weights per feature) so that scoring a message touches only the rows of its own features.
 */
export interface TextModel {
  labels: readonly string[];
  featureIndex: ReadonlyMap<string, number>;
  weights: Float32Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, learningRate: 3, l2: 0, seed: 7 };

/** A class whose gradient is below this for an example is left alone: most of the 79 classes are, most of the time. */
const GRADIENT_FLOOR = 1e-4;

interface EncodedExample {
  indices: Int32Array;
  values: Float64Array;
  label: number;
  weight: number;
}

/** Softmax in place; returns nothing, `scores` becomes probabilities. */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(scores[c]! - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = scores[c]! / sum;
}

function encode(vector: FeatureVector, index: Map<string, number>, grow: boolean): EncodedExample {
  const indices: number[] = [];
  const values: number[] = [];
  vector.keys.forEach((key, i) => {
    let at = index.get(key);
    if (at === undefined && grow) {
      at = index.size;
      index.set(key, at);
    }
    if (at !== undefined) {
      indices.push(at);
      values.push(vector.values[i]!);
    }
  });
  return { indices: Int32Array.from(indices), values: Float64Array.from(values), label: -1, weight: 1 };
}

/** Raw class scores (logits) of a feature vector. */
export function scoreVector(model: TextModel, vector: FeatureVector): Float64Array {
  const classes = model.labels.length;
  const scores = Float64Array.from(model.bias);
  for (let i = 0; i < vector.keys.length; i++) {
    const row = model.featureIndex.get(vector.keys[i]!);
    if (row === undefined) continue;
    const value = vector.values[i]!;
    const offset = row * classes;
    for (let c = 0; c < classes; c++) scores[c] = scores[c]! + value * model.weights[offset + c]!;
  }
  return scores;
}

/**
 * Trains by plain SGD on the cross-entropy with a decaying step, in a seeded order so that two builds give
 * the same weights. Classes are balanced: a category with many templates must not outvote a rare one.
 */
export function trainModel(
  examples: readonly TrainingExample[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): TextModel {
  // Read as classification reads them (no markup, no boilerplate); a text of boilerplate alone teaches nothing.
  examples = examples
    .map((e) => ({ text: prepareText(e.text).text, label: e.label }))
    .filter((e) => e.text !== '');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const featureIndex = new Map<string, number>();
  const perLabel = new Map<string, number>();
  for (const e of examples) perLabel.set(e.label, (perLabel.get(e.label) ?? 0) + 1);
  const meanPerLabel = examples.length / labels.length;
  const encoded = examples.map((e) => ({
    ...encode(extractFeatures(e.text), featureIndex, true),
    label: labelIndex.get(e.label)!,
    weight: meanPerLabel / perLabel.get(e.label)!,
  }));

  const classes = labels.length;
  // Float64 while training (no rounding on every update), Float32 to keep: half the memory, same ranking.
  const weights = new Float64Array(featureIndex.size * classes);
  const bias = new Float64Array(classes);
  const rng = createRng(options.seed);
  const order = encoded.map((_, i) => i);
  const probs = new Float64Array(classes);
  const activeClasses = new Int32Array(classes);
  const activeSteps = new Float64Array(classes);
  let step = 0;
  const totalSteps = options.epochs * encoded.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const ex = encoded[at]!;
      const lr = (options.learningRate * (1 - step / totalSteps) + 1e-3) * ex.weight;
      step++;
      probs.set(bias);
      for (let k = 0; k < ex.indices.length; k++) {
        const offset = ex.indices[k]! * classes;
        const v = ex.values[k]!;
        for (let c = 0; c < classes; c++) probs[c] = probs[c]! + v * weights[offset + c]!;
      }
      softmaxInPlace(probs);
      probs[ex.label] = probs[ex.label]! - 1;
      let active = 0;
      for (let c = 0; c < classes; c++) {
        const g = probs[c]!;
        if (Math.abs(g) < GRADIENT_FLOOR) continue;
        bias[c] = bias[c]! - lr * g;
        activeClasses[active] = c;
        activeSteps[active] = lr * g;
        active++;
      }
      for (let k = 0; k < ex.indices.length; k++) {
        const offset = ex.indices[k]! * classes;
        const v = ex.values[k]!;
        for (let a = 0; a < active; a++) {
          const at = offset + activeClasses[a]!;
          const w = weights[at]!;
          weights[at] = w - (activeSteps[a]! * v + lr * options.l2 * w);
        }
      }
    }
  }
  return { labels, featureIndex, weights: Float32Array.from(weights), bias };
}
