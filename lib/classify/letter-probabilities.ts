import { featuresOfTokens } from './features';
import { scoreVector, softmaxInPlace, type TextModel } from './model';
import type { PreparedText } from './prepare/prepare-text';
import { tokenize, type Tokens } from './tokenize';

/*
 * How much a sentence counts grows with the square of its best topic's probability: a sentence about one
 * thing («лифт не работает третий месяц») outweighs ten sentences of life story, whose probability is spread
 * thin over all 79 classes. It also grows with the square root of its length, so that a three-word aside
 * («за что мы платим?») does not outvote the sentence that tells the story. The whole text counts as two
 * sentences of TYPICAL_WORDS words. Chosen on tests/fixtures/classifier-dev-letters.jsonl and the 572-message
 * set (scripts/eval-classifier.ts).
 */
const PEAK_POWER = 2;
const WHOLE_WEIGHT = 2;
const TYPICAL_WORDS = 8;
/*
 * A letter the whole reading already places this surely keeps that reading: sentence by sentence, the most
 * confident sentence can win over the letter's main topic (a road letter's one sentence about the school bus).
 * Sentences are the rescue for letters the whole reading cannot place — the long story around one complaint.
 */
const WHOLE_SURE = 0.5;

/** Class probabilities of one piece of text; classes with `allowed[c]` false get none of the mass. */
function pieceProbabilities(model: TextModel, tokens: Tokens, allowed: readonly boolean[]): Float64Array {
  const scores = scoreVector(model, featuresOfTokens(tokens));
  for (let c = 0; c < scores.length; c++) if (!allowed[c]) scores[c] = -Infinity;
  softmaxInPlace(scores);
  return scores;
}

function bestTopic(probs: Float64Array, noneIndex: number): number {
  let peak = 0;
  for (let c = 0; c < probs.length; c++) if (c !== noneIndex && probs[c]! > peak) peak = probs[c]!;
  return peak;
}

/**
 * Class probabilities of a letter. A one-sentence message, or one the whole reading places surely, is read
 * whole. Otherwise it is a weighted mixture of the whole text and each sentence, each weighted by how sure it
 * is of one topic: a single clear complaint sentence decides a long letter, several topics leave the dominant
 * one on top and the others in the suggestions, and «no category» wins only when no sentence is about anything.
 */
export function letterProbabilities(
  model: TextModel,
  prepared: PreparedText,
  allowed: readonly boolean[],
  noneIndex: number,
): Float64Array {
  const pieces = prepared.sentences.map(tokenize);
  const wholeTokens =
    pieces.length === 1
      ? pieces[0]!
      : { words: pieces.flatMap((t) => t.words), stems: pieces.flatMap((t) => t.stems) };
  const whole = pieceProbabilities(model, wholeTokens, allowed);
  if (pieces.length <= 1 || bestTopic(whole, noneIndex) >= WHOLE_SURE) return whole;
  const combined = new Float64Array(whole.length);
  let total = 0;
  const add = (probs: Float64Array, weight: number): void => {
    const w = weight * bestTopic(probs, noneIndex) ** PEAK_POWER;
    total += w;
    for (let c = 0; c < probs.length; c++) combined[c] = combined[c]! + w * probs[c]!;
  };
  add(whole, WHOLE_WEIGHT);
  for (const tokens of pieces) {
    add(pieceProbabilities(model, tokens, allowed), Math.sqrt(tokens.stems.length / TYPICAL_WORDS));
  }
  if (total === 0) return whole;
  for (let c = 0; c < combined.length; c++) combined[c] = combined[c]! / total;
  return combined;
}
