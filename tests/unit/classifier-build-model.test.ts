import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildModel } from '@/lib/classifier-learning/build-model';
import { trainModel } from '@/lib/classify/model';
import { buildTrainingSet } from '@/lib/classify/training-data';

describe('building a classifier version', () => {
  it('trains in a worker thread, to exactly the weights the main thread would get', async () => {
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const examples = buildTrainingSet().slice(0, 400);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const inWorker = await buildModel(examples, log);
    clearInterval(ticker);
    expect(warnings).toEqual([]);
    // The event loop kept turning while the worker trained.
    expect(ticks).toBeGreaterThan(0);
    const here = trainModel(examples);
    expect(inWorker.labels).toEqual(here.labels);
    expect([...inWorker.featureIndex]).toEqual([...here.featureIndex]);
    expect(Array.from(inWorker.weights)).toEqual(Array.from(here.weights));
    expect(Array.from(inWorker.bias)).toEqual(Array.from(here.bias));
  }, 60_000);
});
