import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { trainModel, type TextModel } from '../classify/model';
import type { TrainingExample } from '../classify/training-data';
import { describeError } from '../log/describe-error';

function trainInWorker(examples: readonly TrainingExample[]): Promise<TextModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./train-worker.mjs', import.meta.url), { workerData: examples });
    worker.once('message', (model: TextModel) => {
      resolve(model);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the training worker exited with code ${code}`)));
  });
}

/**
 * Trains a model in a worker thread: a build takes seconds of CPU and intake, the screens and the change
 * feed must not wait for it. Where no worker can start (no tsx loader), it trains here, blocking for the build.
 */
export async function buildModel(examples: readonly TrainingExample[], log: Logger): Promise<TextModel> {
  try {
    return await trainInWorker(examples);
  } catch (error) {
    log.warn({ err: describeError(error) }, 'classifier training worker failed; training on the main thread');
    return trainModel(examples);
  }
}
