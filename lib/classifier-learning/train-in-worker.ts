import { parentPort, workerData } from 'node:worker_threads';
import { trainModel } from '../classify/model';
import type { TrainingExample } from '../classify/training-data';

/** Trains off the main thread and hands the weights back without copying them. */
const model = trainModel(workerData as TrainingExample[]);
parentPort!.postMessage(model, [model.weights.buffer as ArrayBuffer, model.bias.buffer as ArrayBuffer]);
