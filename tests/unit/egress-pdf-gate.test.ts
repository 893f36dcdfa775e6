import { describe, expect, it } from 'vitest';
import { createPdfGate, PdfBusyError } from '@/lib/briefing/pdf-gate';

/** A render that finishes when the test says so, recording how many ran at once. */
function manualRenders() {
  const state = { running: 0, maxRunning: 0, started: [] as string[] };
  const finishers: (() => void)[] = [];
  const render = (name: string) => () => {
    state.started.push(name);
    state.running += 1;
    state.maxRunning = Math.max(state.maxRunning, state.running);
    return new Promise<string>((resolve) =>
      finishers.push(() => {
        state.running -= 1;
        resolve(`pdf of ${name}`);
      }),
    );
  };
  const finishNext = async () => {
    for (let i = 0; i < 5 && finishers.length === 0; i += 1) await Promise.resolve();
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { state, render, finishNext };
}

describe('the briefing PDF gate', () => {
  it('renders one at a time, queues a few and refuses the rest with a Retry-After', async () => {
    const gate = createPdfGate<string>({ maxWaiting: 1 });
    const { state, render, finishNext } = manualRenders();
    const first = gate.run('W45', true, render('W45'));
    const second = gate.run('W46', true, render('W46'));
    const third = gate.run('W47', true, render('W47'));
    await expect(third).rejects.toBeInstanceOf(PdfBusyError);
    expect(((await third.catch((e) => e)) as PdfBusyError).retryAfterSeconds).toBeGreaterThan(0);
    await finishNext();
    expect(await first).toBe('pdf of W45');
    expect(state.started).toEqual(['W45', 'W46']); // the second waited for the first
    await finishNext();
    expect(await second).toBe('pdf of W46');
    expect(state.maxRunning).toBe(1);
  });

  it('shares a render under way, keeps a finished week for good and the open week for minutes', async () => {
    let clock = 0;
    const gate = createPdfGate<string>({ openWeekTtlMs: 300_000, now: () => clock });
    const { state, render, finishNext } = manualRenders();
    const a = gate.run('W46', true, render('W46'));
    const b = gate.run('W46', true, render('W46 again'));
    await finishNext();
    expect([await a, await b]).toEqual(['pdf of W46', 'pdf of W46']);
    clock += 86_400_000;
    expect(await gate.run('W46', true, render('never'))).toBe('pdf of W46');

    const open = gate.run('W47', false, render('W47'));
    await finishNext();
    await open;
    clock += 299_000;
    expect(await gate.run('W47', false, render('never'))).toBe('pdf of W47');
    clock += 2_000;
    const again = gate.run('W47', false, render('W47 later'));
    await finishNext();
    expect(await again).toBe('pdf of W47 later');
    expect(state.started).toEqual(['W46', 'W47', 'W47 later']);
  });

  it('caches no failure and keeps going after one', async () => {
    const gate = createPdfGate<string>();
    await expect(gate.run('W1', true, () => Promise.reject(new Error('chromium crashed')))).rejects.toThrow(
      'chromium crashed',
    );
    expect(await gate.run('W1', true, async () => 'pdf')).toBe('pdf');
  });
});
