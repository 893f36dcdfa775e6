/*
 * Measures the offline text classifier on a labelled set: coverage at the threshold, accuracy of the confident
 * answers and of every best guess (block and category where labelled), vague texts rejected, per-block
 * precision/recall/F1, the worst confusions, a threshold sweep, the calibrated thresholds for a target
 * precision and the cost per message. The same figures as the admin page (lib/classify/evaluate.ts).
 *
 *   npm run eval:classifier                              # tests/fixtures/classifier-eval.jsonl, writes bench/results
 *   npm run eval:classifier -- --file labelled.csv       # header `text,category` or `text,block`
 *   npm run eval:classifier -- --file letters.jsonl --json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calibrateThreshold, type Calibration } from '../lib/classify/calibrate';
import { CLASSIFY_THRESHOLD, classifierStats, classifyText } from '../lib/classify/classify-text';
import {
  parseEvalSet,
  reportOn,
  scoreSamples,
  type EvalReport,
  type EvalSample,
} from '../lib/classify/evaluate';
import { parseLabelledCsv } from '../lib/classify/parse-labelled-csv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = join(root, 'tests/fixtures/classifier-eval.jsonl');
const OUT_FILE = join(root, 'bench/results/classifier-eval.json');
const SWEEP = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];
const TARGETS = [0.9, 0.95];
const LATENCY_ROUNDS = 5;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function readSamples(file: string): EvalSample[] {
  const content = readFileSync(file, 'utf8');
  return file.toLowerCase().endsWith('.jsonl') ? parseEvalSet(content) : parseLabelledCsv(content);
}

function measureLatency(texts: readonly string[]): { meanMs: number; p99Ms: number } {
  for (const text of texts) classifyText(text); // warm-up: JIT and the stem cache
  const times: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round++) {
    for (const text of texts) {
      const started = performance.now();
      classifyText(text);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
  return { meanMs: Math.round(mean * 1000) / 1000, p99Ms: Math.round(p99 * 1000) / 1000 };
}

function printReport(report: EvalReport, sweep: EvalReport[], calibrated: Calibration[]): void {
  console.log(
    `\nClassifier on ${report.samples} messages (${report.complaints} complaints, ${report.categoryLabelled} with a category, ${report.vague} vague)`,
  );
  console.log(`threshold ${report.threshold}`);
  console.log(`  coverage (complaints ≥ threshold)      ${pct(report.coverage)}`);
  console.log(
    `  block accuracy, confident / overall    ${pct(report.confidentBlockAccuracy)} / ${pct(report.blockAccuracy)}`,
  );
  if (report.categoryLabelled > 0) {
    console.log(
      `  category accuracy, confident / overall ${pct(report.confidentCategoryAccuracy)} / ${pct(report.categoryAccuracy)}`,
    );
  }
  if (report.vague > 0) console.log(`  vague texts kept below the threshold   ${pct(report.vagueRejected)}`);
  console.log(`  precision of everything accepted       ${pct(report.acceptedPrecision)}`);
  console.log('\nblock                 support  precision  recall     F1');
  for (const b of report.perBlock) {
    console.log(
      `${b.block.padEnd(22)}${String(b.support).padStart(7)}  ${pct(b.precision).padStart(9)}  ${pct(b.recall).padStart(6)}  ${pct(b.f1).padStart(6)}`,
    );
  }
  console.log('\nworst block confusions (expected → predicted)');
  for (const p of report.worstBlockPairs) console.log(`  ${p.count}× ${p.expected} → ${p.predicted}`);
  if (report.categoryLabelled > 0) {
    console.log('worst category confusions');
    for (const p of report.worstCategoryPairs) console.log(`  ${p.count}× ${p.expected} → ${p.predicted}`);
  }
  console.log('\nthreshold  coverage  block(conf)  category(conf)  vague rejected');
  for (const s of sweep) {
    console.log(
      `${s.threshold.toFixed(2).padStart(9)}  ${pct(s.coverage).padStart(8)}  ${pct(s.confidentBlockAccuracy).padStart(11)}  ${pct(s.confidentCategoryAccuracy).padStart(14)}  ${pct(s.vagueRejected).padStart(14)}`,
    );
  }
  console.log('\ncalibrated: smallest threshold whose accepted messages have the target block precision');
  TARGETS.forEach((target, i) => {
    const c = calibrated[i]!;
    console.log(
      c.reached
        ? `  ≥ ${pct(target)}: threshold ${c.threshold.toFixed(3)}, precision ${pct(c.precision)}, accepts ${pct(c.coverage)} of all messages`
        : `  ≥ ${pct(target)}: not reached with enough support`,
    );
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      threshold: { type: 'string' },
    },
  });
  const file = values.file ?? DEFAULT_FILE;
  const threshold = values.threshold === undefined ? CLASSIFY_THRESHOLD : Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 1)) throw new Error('--threshold must be a number from 0 to 1');
  const samples = readSamples(file);
  const model = classifierStats();
  const scored = scoreSamples(samples, (text) => classifyText(text));
  const report = reportOn(scored, threshold);
  const sweep = SWEEP.map((t) => reportOn(scored, t));
  // Vague texts count as wrong when accepted: a threshold that lets greetings through is not precise.
  const points = scored.map(({ sample, result }) => ({
    confidence: result.confidence,
    correct: sample.block !== null && result.blockCode === sample.block,
  }));
  const calibrated = TARGETS.map((target) => calibrateThreshold(points, target));
  const latency = measureLatency(samples.map((s) => s.text));
  const sweepRows = sweep.map((s) => ({
    threshold: s.threshold,
    coverage: s.coverage,
    confidentBlockAccuracy: s.confidentBlockAccuracy,
    confidentCategoryAccuracy: s.confidentCategoryAccuracy,
    vagueRejected: s.vagueRejected,
  }));
  const calibration = TARGETS.map((target, i) => ({ target, ...calibrated[i]! }));
  const result = {
    generatedAt: new Date().toISOString(),
    file,
    report,
    sweep: sweepRows,
    calibration,
    model,
    latency,
  };
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  printReport(report, sweep, calibrated);
  console.log(
    `\nmodel: ${model.labels} labels, ${model.features} features, ${(model.weightBytes / 1e6).toFixed(2)} MB weights, built in ${model.buildMs} ms`,
  );
  console.log(`cost per message after warm-up: mean ${latency.meanMs} ms, p99 ${latency.p99Ms} ms`);
  if (values.file === undefined) {
    mkdirSync(dirname(OUT_FILE), { recursive: true });
    writeFileSync(OUT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${OUT_FILE}`);
  }
}

main();
