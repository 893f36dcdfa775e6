import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { loadedModel, seedModel } from '../classify/classify-text';
import type { TextModel } from '../classify/model';
import { buildModel } from './build-model';
import { loadExamples, type StoredExample } from './load-examples';
import type { LiveVersion } from './live-version';
import { trainingSetOf } from './training-set';

/**
 * The model of a stored version, rebuilt from the examples it was trained on: the weights are a function of
 * (seed corpus, examples ≤ trained_from outside its held-out slice, training options), so no node ships them.
 * A version this node already runs is taken as it is; version 0 of the data (trained_from 0) is the seed model.
 */
export async function rebuildVersion(
  db: Db,
  log: Logger,
  version: LiveVersion,
  known?: readonly StoredExample[],
): Promise<TextModel> {
  const loaded = loadedModel(version.id);
  if (loaded) return loaded;
  if (version.trainedFrom === 0) return seedModel();
  const examples = known
    ? known.filter((e) => e.id <= version.trainedFrom)
    : await loadExamples(db, version.trainedFrom);
  return buildModel(await trainingSetOf(examples, version.heldOutFrom), log);
}
