import { BLOCKS } from '../../db/seed/blocks';
import { classifyText } from './classify-text';
import type { Classification } from './classify-with-model';

/** One labelled message; `category` and `block` are null for texts that are no complaint or too vague. */
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

export interface EvalReport {
  threshold: number;
  samples: number;
  complaints: number;
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
  /** Share of everything accepted (complaints and vague alike) whose category is right. */
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

function perBlockScores(rows: { sample: EvalSample; result: Classification }[]): BlockScore[] {
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

/** Classifies every sample at `threshold` and measures how the results compare with the labels. */
export function evaluateClassifier(samples: readonly EvalSample[], threshold: number): EvalReport {
  const rows = samples.map((sample) => ({ sample, result: classifyText(sample.text) }));
  const complaints = rows.filter((r) => r.sample.category !== null);
  const vague = rows.filter((r) => r.sample.category === null);
  const confident = complaints.filter((r) => r.result.confidence >= threshold);
  const blockHit = (r: (typeof rows)[number]): boolean => r.result.blockCode === r.sample.block;
  const categoryHit = (r: (typeof rows)[number]): boolean =>
    r.result.suggestions[0]?.categoryCode === r.sample.category;
  const vagueAccepted = vague.filter((r) => r.result.confidence >= threshold).length;

  const blockPairs = new Map<string, number>();
  const categoryPairs = new Map<string, number>();
  for (const r of complaints) {
    const predictedCategory = r.result.suggestions[0]?.categoryCode ?? 'none';
    if (!blockHit(r)) {
      const key = `${r.sample.block}→${r.result.blockCode ?? 'none'}`;
      blockPairs.set(key, (blockPairs.get(key) ?? 0) + 1);
    }
    if (!categoryHit(r)) {
      const key = `${r.sample.category}→${predictedCategory}`;
      categoryPairs.set(key, (categoryPairs.get(key) ?? 0) + 1);
    }
  }

  return {
    threshold,
    samples: rows.length,
    complaints: complaints.length,
    vague: vague.length,
    coverage: round(ratio(confident.length, complaints.length)),
    blockAccuracy: round(ratio(complaints.filter(blockHit).length, complaints.length)),
    categoryAccuracy: round(ratio(complaints.filter(categoryHit).length, complaints.length)),
    confidentBlockAccuracy: round(ratio(confident.filter(blockHit).length, confident.length)),
    confidentCategoryAccuracy: round(ratio(confident.filter(categoryHit).length, confident.length)),
    vagueRejected: round(ratio(vague.length - vagueAccepted, vague.length)),
    acceptedPrecision: round(ratio(confident.filter(categoryHit).length, confident.length + vagueAccepted)),
    perBlock: perBlockScores(complaints),
    worstBlockPairs: topPairs(blockPairs, 8),
    worstCategoryPairs: topPairs(categoryPairs, 10),
  };
}
