import { CATEGORIES } from '../../db/seed/categories';
import { blockHasEvidence } from './channel-evidence';
import { letterProbabilities } from './letter-probabilities';
import type { TextModel } from './model';
import { prepareText } from './prepare/prepare-text';
import { NONE_LABEL } from './training-data';

export interface Classification {
  /** null when the confidence is below the threshold: the complaint goes to the operator queue. */
  categoryCode: string | null;
  /** Block of the best category, even below the threshold (the best guess for routing the queue). */
  blockCode: string | null;
  /** Probability of the best category, 0–1. */
  confidence: number;
  /** The three most likely categories, best first, for the operator to pick from. */
  suggestions: { categoryCode: string; score: number }[];
}

const SUGGESTIONS = 3;
const BLOCK_OF: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));
const nothing = (): Classification => ({
  categoryCode: null,
  blockCode: null,
  confidence: 0,
  suggestions: [],
});

/**
 * Scores a text with a trained model. The text is read without markup and channel boilerplate (a letter
 * of greetings and sign-offs alone is no complaint), and a long letter sentence by sentence; the media block
 * competes only when the text names a medium (channel-evidence.ts). With
 * `blockCode`, categories of other blocks drop out of the softmax altogether (the channel already told the
 * block); «no category» always competes.
 */
export function classifyWithModel(
  model: TextModel,
  text: string,
  threshold: number,
  blockCode?: string,
): Classification {
  const prepared = prepareText(text);
  if (prepared.sentences.length === 0) return nothing();
  // A block the channel named needs no further evidence; otherwise media competes only when a medium is named.
  const evidence = new Map<string | undefined, boolean>();
  const hasEvidence = (block: string | undefined): boolean => {
    let known = evidence.get(block);
    if (known === undefined) evidence.set(block, (known = blockHasEvidence(block, prepared.text)));
    return known;
  };
  const allowed = model.labels.map((label) => {
    if (label === NONE_LABEL) return true;
    const block = BLOCK_OF.get(label);
    return blockCode === undefined ? hasEvidence(block) : block === blockCode;
  });
  const probs = letterProbabilities(model, prepared, allowed, model.labels.indexOf(NONE_LABEL));
  const ranked: { categoryCode: string; score: number }[] = [];
  for (let c = 0; c < model.labels.length; c++) {
    const label = model.labels[c]!;
    if (label !== NONE_LABEL && probs[c]! > 0) ranked.push({ categoryCode: label, score: probs[c]! });
  }
  // Ties broken by code so that the answer never depends on the order of the label list.
  ranked.sort((a, b) => b.score - a.score || a.categoryCode.localeCompare(b.categoryCode));
  const best = ranked[0];
  if (best === undefined) return nothing();
  return {
    categoryCode: best.score >= threshold ? best.categoryCode : null,
    blockCode: BLOCK_OF.get(best.categoryCode) ?? null,
    confidence: best.score,
    suggestions: ranked.slice(0, SUGGESTIONS),
  };
}
