import type { AppContext } from '../context';
import type { Actor } from '../domain/access';
import type { RetrainRequest, RetrainResult } from './retrain-classifier';
import type { RollbackResult } from './rollback-classifier';

/** Retraining and rollback as the API routes reach them. */
export interface ClassifierLearning {
  retrain(ctx: AppContext, request: RetrainRequest): Promise<RetrainResult>;
  rollback(ctx: AppContext, actor: Actor, version: number, address: string | null): Promise<RollbackResult>;
}

/*
 * A globalThis slot, filled by the server's createApp: the training runs in a worker thread whose module is
 * found next to the server's own copy of this folder, which Next's route bundles do not have.
 */
const SLOT = Symbol.for('cur-wall.classifier-learning');
type Slot = { [SLOT]?: ClassifierLearning };

export function registerClassifierLearning(service: ClassifierLearning): void {
  (globalThis as Slot)[SLOT] = service;
}

export function classifierLearning(): ClassifierLearning {
  const service = (globalThis as Slot)[SLOT];
  if (!service) throw new Error('classifier learning is not registered: start the app with server.ts');
  return service;
}
