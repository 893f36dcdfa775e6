/*
 * Measures the offline text classifier on tests/fixtures/classifier-eval.jsonl: accuracy, coverage at the
 * threshold, per-block precision/recall/F1, the worst confusions, a threshold sweep and the cost per message.
 * Prints a report and writes it to bench/results/classifier-eval.json.
 *
 *   npx tsx scripts/eval-classifier.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSIFY_THRESHOLD, classifierStats, classifyText } from '../lib/classify/classify-text';
import { evaluateClassifier, parseEvalSet, type EvalReport } from '../lib/classify/evaluate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_FILE = join(root, 'tests/fixtures/classifier-eval.jsonl');
const OUT_FILE = join(root, 'bench/results/classifier-eval.json');
const SWEEP = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];
const LATENCY_ROUNDS = 5;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

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

function printReport(report: EvalReport, sweep: EvalReport[]): void {
  console.log(
    `\nClassifier on ${report.samples} messages (${report.complaints} complaints, ${report.vague} vague)`,
  );
  console.log(`threshold ${report.threshold}`);
  console.log(`  coverage (complaints ≥ threshold)      ${pct(report.coverage)}`);
  console.log(
    `  block accuracy, confident / overall    ${pct(report.confidentBlockAccuracy)} / ${pct(report.blockAccuracy)}`,
  );
  console.log(
    `  category accuracy, confident / overall ${pct(report.confidentCategoryAccuracy)} / ${pct(report.categoryAccuracy)}`,
  );
  console.log(`  vague texts kept below the threshold   ${pct(report.vagueRejected)}`);
  console.log(`  precision of everything accepted       ${pct(report.acceptedPrecision)}`);
  console.log('\nblock                 support  precision  recall     F1');
  for (const b of report.perBlock) {
    console.log(
      `${b.block.padEnd(22)}${String(b.support).padStart(7)}  ${pct(b.precision).padStart(9)}  ${pct(b.recall).padStart(6)}  ${pct(b.f1).padStart(6)}`,
    );
  }
  console.log('\nworst block confusions (expected → predicted)');
  for (const p of report.worstBlockPairs) console.log(`  ${p.count}× ${p.expected} → ${p.predicted}`);
  console.log('worst category confusions');
  for (const p of report.worstCategoryPairs) console.log(`  ${p.count}× ${p.expected} → ${p.predicted}`);
  console.log('\nthreshold  coverage  block(conf)  category(conf)  vague rejected');
  for (const s of sweep) {
    console.log(
      `${s.threshold.toFixed(2).padStart(9)}  ${pct(s.coverage).padStart(8)}  ${pct(s.confidentBlockAccuracy).padStart(11)}  ${pct(s.confidentCategoryAccuracy).padStart(14)}  ${pct(s.vagueRejected).padStart(14)}`,
    );
  }
}

function main(): void {
  const samples = parseEvalSet(readFileSync(EVAL_FILE, 'utf8'));
  const model = classifierStats();
  const report = evaluateClassifier(samples, CLASSIFY_THRESHOLD);
  const sweep = SWEEP.map((t) => evaluateClassifier(samples, t));
  const latency = measureLatency(samples.map((s) => s.text));
  printReport(report, sweep);
  console.log(
    `\nmodel: ${model.labels} labels, ${model.features} features, ${(model.weightBytes / 1e6).toFixed(2)} MB weights, built in ${model.buildMs} ms`,
  );
  console.log(`cost per message after warm-up: mean ${latency.meanMs} ms, p99 ${latency.p99Ms} ms`);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  const sweepRows = sweep.map((s) => ({
    threshold: s.threshold,
    coverage: s.coverage,
    confidentBlockAccuracy: s.confidentBlockAccuracy,
    confidentCategoryAccuracy: s.confidentCategoryAccuracy,
    vagueRejected: s.vagueRejected,
  }));
  writeFileSync(
    OUT_FILE,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), report, sweep: sweepRows, model, latency }, null, 2)}\n`,
  );
  console.log(`written to ${OUT_FILE}`);
}

main();
