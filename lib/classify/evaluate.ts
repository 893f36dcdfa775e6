import { BLOCKS } from '../../db/seed/blocks';
import { classifyText } from './classify-text';
import type { Classification } from './classify-with-model';

/**
 * One labelled message; `category` and `block` are null for texts that are no complaint or too vague. A set
 * labelled by block only (a center's past years often are) has a block and a null category.
 */
export interface EvalSample {
  text: string;
  block: string | null;
  category: string | null;
}

export interface BlockScore {
  block: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ConfusionPair {
  expected: string;
  predicted: string;
  count: number;
}

/** What is measured: any model version, as long as it answers like classifyText. */
export type ClassifyFn = (text: string) => Classification;

export interface EvalReport {
  threshold: number;
  samples: number;
  complaints: number;
  /** Complaints labelled down to the category; category figures are over these alone. */
  categoryLabelled: number;
  vague: number;
  /** Share of complaints at or above the threshold. */
  coverage: number;
  /** Best guess against the label, over every complaint (what the operator queue would see as a hint). */
  blockAccuracy: number;
  categoryAccuracy: number;
  /** The same over the complaints at or above the threshold: what would be routed without a person. */
  confidentBlockAccuracy: number;
  confidentCategoryAccuracy: number;
  /** Share of vague texts that stay below the threshold. */
  vagueRejected: number;
  /** Share of everything accepted (complaints and vague alike) whose category (block, if unlabelled) is right. */
  acceptedPrecision: number;
  perBlock: BlockScore[];
  worstBlockPairs: ConfusionPair[];
  worstCategoryPairs: ConfusionPair[];
}

/** Parses the JSON-lines evaluation file; a malformed line is an error, not a skipped sample. */
export function parseEvalSet(jsonl: string): EvalSample[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<EvalSample>;
      if (typeof row.text !== 'string' || row.block === undefined || row.category === undefined) {
        throw new Error(`classifier eval line ${i + 1}: needs text, block and category`);
      }
      return { text: row.text, block: row.block, category: row.category };
    });
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function topPairs(counts: Map<string, number>, limit: number): ConfusionPair[] {
  return [...counts]
    .map(([key, count]) => {
      const [expected, predicted] = key.split('→') as [string, string];
      return { expected, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected))
    .slice(0, limit);
}

function perBlockScores(rows: readonly ScoredSample[]): BlockScore[] {
  return BLOCKS.map(({ code }) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { sample, result } of rows) {
      const expected = sample.block === code;
      const predicted = result.blockCode === code;
      if (expected && predicted) tp++;
      else if (predicted) fp++;
      else if (expected) fn++;
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return {
      block: code,
      support: tp + fn,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
    };
  });
}

/**
 * Classifies every sample with `classify` and measures the results against the labels at `threshold` (the
 * threshold is applied to the confidence here, so one pass of a model can be measured at several thresholds).
 */
export function evaluateSamples(
  samples: readonly EvalSample[],
  classify: ClassifyFn,
  threshold: number,
): EvalReport {
  return reportOn(scoreSamples(samples, classify), threshold);
}

/** The scored samples of one pass, to measure at several thresholds without classifying again. */
export function scoreSamples(samples: readonly EvalSample[], classify: ClassifyFn): ScoredSample[] {
  return samples.map((sample) => ({ sample, result: classify(sample.text) }));
}

interface ScoredSample {
  sample: EvalSample;
  result: Classification;
}

/** The live classifier (classifyText) on `samples` at `threshold`. */
export function evaluateClassifier(samples: readonly EvalSample[], threshold: number): EvalReport {
  return evaluateSamples(samples, (text) => classifyText(text), threshold);
}

/** Measures scored samples at `threshold`. */
export function reportOn(rows: readonly ScoredSample[], threshold: number): EvalReport {
  const complaints = rows.filter((r) => r.sample.block !== null);
  const withCategory = complaints.filter((r) => r.sample.category !== null);
  const vague = rows.filter((r) => r.sample.block === null);
  const isConfident = (r: ScoredSample): boolean => r.result.confidence >= threshold;
  const confident = complaints.filter(isConfident);
  const confidentWithCategory = withCategory.filter(isConfident);
  const blockHit = (r: ScoredSample): boolean => r.result.blockCode === r.sample.block;
  const categoryHit = (r: ScoredSample): boolean =>
    r.result.suggestions[0]?.categoryCode === r.sample.category;
  const vagueAccepted = vague.filter(isConfident).length;
  // With category labels, «accepted and right» is the category; with block labels only, the block.
  const acceptedRight = confident.filter((r) => (r.sample.category === null ? blockHit(r) : categoryHit(r)));

  const blockPairs = new Map<string, number>();
  const categoryPairs = new Map<string, number>();
  for (const r of complaints) {
    if (!blockHit(r)) {
      const key = `${r.sample.block}→${r.result.blockCode ?? 'none'}`;
      blockPairs.set(key, (blockPairs.get(key) ?? 0) + 1);
    }
    if (r.sample.category !== null && !categoryHit(r)) {
      const key = `${r.sample.category}→${r.result.suggestions[0]?.categoryCode ?? 'none'}`;
      categoryPairs.set(key, (categoryPairs.get(key) ?? 0) + 1);
    }
  }

  return {
    threshold,
    samples: rows.length,
    complaints: complaints.length,
    categoryLabelled: withCategory.length,
    vague: vague.length,
    coverage: round(ratio(confident.length, complaints.length)),
    blockAccuracy: round(ratio(complaints.filter(blockHit).length, complaints.length)),
    categoryAccuracy: round(ratio(withCategory.filter(categoryHit).length, withCategory.length)),
    confidentBlockAccuracy: round(ratio(confident.filter(blockHit).length, confident.length)),
    confidentCategoryAccuracy: round(
      ratio(confidentWithCategory.filter(categoryHit).length, confidentWithCategory.length),
    ),
    vagueRejected: round(ratio(vague.length - vagueAccepted, vague.length)),
    acceptedPrecision: round(ratio(acceptedRight.length, confident.length + vagueAccepted)),
    perBlock: perBlockScores(complaints),
    worstBlockPairs: topPairs(blockPairs, 8),
    worstCategoryPairs: topPairs(categoryPairs, 10),
  };
}
