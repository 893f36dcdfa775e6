import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { classifyWithModel } from '../classify/classify-with-model';
import { buildTrainingSet, type TrainingExample } from '../classify/training-data';
import { seedModel } from '../classify/classify-text';
import { isHeldOut, type StoredExample } from './load-examples';
import { LEARNING } from './settings';

/**
 * The label an example trains: its own, or for an import that only names the block, the block's category the
 * seed model favours for the text. That is deterministic (the seed model is) and keeps the block right, which
 * is what routing needs first; the operator corrects the category later, and that correction teaches it.
 */
function labelOf(example: StoredExample): string | null {
  if (example.label !== null) return example.label;
  if (example.blockCode === null) return null;
  return classifyWithModel(seedModel(), example.text, 0, example.blockCode).categoryCode;
}

/**
 * What a version trains on: the seed corpus, then the center's examples up to its `trained_from` in id order,
 * the held-out slice left out, the most recent `maxCenterExamples` of them. Decisions count `decisionRepeat`
 * times: they are real letters of this center, where a template is one of many made-up phrasings.
 */
export async function trainingSetOf(
  examples: readonly StoredExample[],
  heldOutFrom: number,
): Promise<TrainingExample[]> {
  const set = buildTrainingSet();
  const trained = examples.filter((e) => !isHeldOut(e, heldOutFrom)).slice(-LEARNING.maxCenterExamples);
  let classified = 0;
  for (const example of trained) {
    // Labelling block-only rows classifies them here: let intake's requests run between every hundred.
    if (example.label === null && ++classified % 100 === 0) await yieldToEvents();
    const label = labelOf(example);
    if (label === null) continue;
    const times = example.origin === 'decision' ? LEARNING.decisionRepeat : 1;
    for (let i = 0; i < times; i++) set.push({ text: example.text, label });
  }
  return set;
}
