import { describe, expect, it } from 'vitest';
import { isOverloaded, OverloadedError, WriteQueue } from '@/lib/commit/write-queue';

/** A job that records when it runs and finishes when released. */
function gated(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WriteQueue', () => {
  it('overlaps intake writes up to its lanes and runs exclusive jobs alone, in arrival order', async () => {
    const log: string[] = [];
    const queue = new WriteQueue({ maxQueuedItems: 100, sharedLanes: 2 });
    const [a, b, x, c] = [gated(log, 'a'), gated(log, 'b'), gated(log, 'x'), gated(log, 'c')];
    const all = [queue.runShared(a.job), queue.runShared(b.job), queue.run(1, x.job), queue.runShared(c.job)];
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    a.release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end a']); // x waits for b; c waits behind x
    b.release();
    await tick();
    expect(log.slice(3)).toEqual(['end b', 'start x']);
    x.release();
    await tick();
    expect(log.slice(5)).toEqual(['end x', 'start c']);
    c.release();
    await Promise.all(all);
  });

  it('refuses exclusive work past its backlog with a Retry-After, recognisable across module copies', async () => {
    const queue = new WriteQueue({ maxQueuedItems: 10 });
    const blocker = gated([], 'blocker');
    const running = queue.run(0, blocker.job);
    const waiting = queue.run(8, async () => 'ok');
    const refused = await queue.run(5, async () => 'no').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OverloadedError);
    expect(isOverloaded(refused)).toBe(true);
    expect(
      isOverloaded(Object.assign(new Error('x'), { name: 'OverloadedError', retryAfterSeconds: 3 })),
    ).toBe(true);
    expect(isOverloaded(new Error('the intake is busy'))).toBe(false);
    blocker.release();
    await running;
    expect(await waiting).toBe('ok');
  });
});
