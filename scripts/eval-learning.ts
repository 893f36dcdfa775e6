/*
 * How much the classifier learns from a center's decisions, measured the way the retraining loop works: a
 * labelled file is shuffled (seeded) and split into decisions (the first share) and unseen letters (the rest).
 * The last fifth of the decisions calibrates each model's threshold to the target block precision (never below
 * the loop's floor), as the loop calibrates on its held-out decisions; the model taught on the other decisions (seed corpus + decisions,
 * repeated as the loop repeats them) is then compared with the seed model on the unseen letters.
 *
 *   npm run eval:learning -- --file labelled.csv [--share 0.67] [--target 0.9] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { calibrateThreshold } from '../lib/classify/calibrate';
import { classifyWithModel } from '../lib/classify/classify-with-model';
import { seedModel } from '../lib/classify/classify-text';
import { parseEvalSet, reportOn, scoreSamples, type EvalSample } from '../lib/classify/evaluate';
import { trainModel, type TextModel } from '../lib/classify/model';
import { parseLabelledCsv } from '../lib/classify/parse-labelled-csv';
import { createRng } from '../lib/classify/random';
import { buildTrainingSet, NONE_LABEL } from '../lib/classify/training-data';
import { LEARNING } from '../lib/classifier-learning/settings';

const SEED = 20_261_206;
const CALIBRATION_SHARE = 0.2;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function shuffled<T>(items: readonly T[]): T[] {
  const rng = createRng(SEED);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function measure(model: TextModel, calibration: EvalSample[], unseen: EvalSample[], target: number) {
  const classify = (text: string) => classifyWithModel(model, text, 0);
  const points = scoreSamples(calibration, classify).map(({ sample, result }) => ({
    confidence: result.confidence,
    correct: sample.block !== null && result.blockCode === sample.block,
  }));
  const calibrated = calibrateThreshold(points, target, { minSupport: 10 });
  // The loop's floor: greetings and thanks must not pass on a lucky slice.
  const threshold = Math.max(calibrated.threshold, LEARNING.thresholdFloor);
  const report = reportOn(scoreSamples(unseen, classify), threshold);
  return {
    threshold: calibrated.reached ? threshold : null,
    coverage: report.coverage,
    confidentBlockAccuracy: report.confidentBlockAccuracy,
    blockAccuracy: report.blockAccuracy,
    vagueRejected: report.vagueRejected,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      share: { type: 'string', default: '0.67' },
      target: { type: 'string', default: '0.9' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.file) throw new Error('--file: a labelled .csv or .jsonl is required');
  const share = Number(values.share);
  const target = Number(values.target);
  if (!(share > 0 && share < 1)) throw new Error('--share must be between 0 and 1');
  if (!(target > 0 && target < 1)) throw new Error('--target must be between 0 and 1');
  const content = readFileSync(values.file, 'utf8');
  const samples = shuffled(
    values.file.toLowerCase().endsWith('.jsonl') ? parseEvalSet(content) : parseLabelledCsv(content),
  );
  const cut = Math.round(samples.length * share);
  const decisions = samples.slice(0, cut);
  const unseen = samples.slice(cut);
  const calibrationFrom = Math.round(decisions.length * (1 - CALIBRATION_SHARE));
  const taughtOn = decisions.slice(0, calibrationFrom);
  const calibration = decisions.slice(calibrationFrom);

  const training = buildTrainingSet();
  for (const d of taughtOn) {
    // A block-only label teaches nothing here: the loop labels those rows with the seed model's guess.
    const label = d.block === null ? NONE_LABEL : d.category;
    if (label === null) continue;
    for (let i = 0; i < LEARNING.decisionRepeat; i++) training.push({ text: d.text, label });
  }
  const started = performance.now();
  const taught = trainModel(training);
  const buildMs = Math.round(performance.now() - started);
  const result = {
    file: values.file,
    decisions: taughtOn.length,
    calibration: calibration.length,
    unseen: unseen.length,
    target,
    cold: measure(seedModel(), calibration, unseen, target),
    taught: measure(taught, calibration, unseen, target),
    buildMs,
  };
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `${result.decisions} decisions taught, ${result.calibration} calibrate, ${result.unseen} unseen letters; target block precision ${pct(target)}; build ${buildMs} ms`,
  );
  console.log('model   threshold  coverage  block(conf)  block(top guess)  vague rejected');
  for (const [name, m] of [
    ['seed', result.cold],
    ['taught', result.taught],
  ] as const) {
    console.log(
      `${name.padEnd(7)} ${(m.threshold === null ? 'none' : m.threshold.toFixed(3)).padStart(9)}  ${pct(m.coverage).padStart(8)}  ${pct(m.confidentBlockAccuracy).padStart(11)}  ${pct(m.blockAccuracy).padStart(16)}  ${pct(m.vagueRejected).padStart(14)}`,
    );
  }
}

main();
