import { describe, expect, it } from 'vitest';
import type { GeneratedComplaint } from '@/lib/simulator/generator';
import { createRng } from '@/lib/simulator/random';
import { NO_GEOTAG_SHARE, UNLABELLED_SHARE_BY_SOURCE, unlabel } from '@/lib/simulator/unlabelled';

function message(source: string): GeneratedComplaint {
  return {
    receivedAt: new Date('2026-11-18T09:00:00Z'),
    category: { code: 'housing.no-hot-water', blockCode: 'housing', kind: 'operational', deadlineHours: 24 },
    input: {
      source,
      externalId: `sim-${source}`,
      receivedAt: '2026-11-18T09:00:00.000Z',
      text: 'Балашиха, ул. Советская, д. 5: третий день нет горячей воды.',
      lat: 55.79,
      lon: 37.93,
      address: 'Московская область, Балашиха, ул. Советская, д. 5',
      category: 'housing.no-hot-water',
      block: 'housing',
    },
  };
}

const RUNS = 20_000;

describe('bare messages from the simulator', () => {
  it('strips the rubric only from social posts and hotline transcripts, at their shares', () => {
    const rng = createRng(3);
    for (const source of ['dobrodel', 'call-112', 'agencies', 'media']) {
      for (let i = 0; i < 500; i++) expect(unlabel(message(source), rng)).toBeNull();
    }
    for (const source of ['incident', 'governor-hotline']) {
      let bare = 0;
      for (let i = 0; i < RUNS; i++) if (unlabel(message(source), rng)) bare += 1;
      expect(bare / RUNS).toBeCloseTo(UNLABELLED_SHARE_BY_SOURCE[source]!, 1);
    }
  });

  it('drops category and block always, coordinates and address together about half the time', () => {
    const rng = createRng(5);
    let withoutGeotag = 0;
    let vague = 0;
    let n = 0;
    while (n < 4000) {
      const result = unlabel(message('incident'), rng);
      if (!result) continue;
      n += 1;
      const { input } = result.complaint;
      expect(input).not.toHaveProperty('category');
      expect(input).not.toHaveProperty('block');
      expect('lat' in input).toBe('lon' in input);
      expect('lat' in input).toBe('address' in input);
      if (!('lat' in input)) withoutGeotag += 1;
      if (result.truth === null) {
        vague += 1;
        // An empty post names no place, so it can carry no geotag either.
        expect('lat' in input).toBe(false);
        expect(input.text).not.toContain('горячей');
      } else {
        expect(result.truth).toBe('housing.no-hot-water');
        expect(input.text).toBe(message('incident').input.text);
      }
      expect(input.externalId).toBe('sim-incident');
    }
    expect(withoutGeotag / n).toBeGreaterThan(NO_GEOTAG_SHARE - 0.05);
    expect(withoutGeotag / n).toBeLessThan(NO_GEOTAG_SHARE + 0.1);
    expect(vague).toBeGreaterThan(0);
    expect(vague / n).toBeLessThan(0.15);
  });

  it('never sends a hotline transcript as an empty post', () => {
    const rng = createRng(9);
    for (let i = 0; i < 5000; i++) {
      const result = unlabel(message('governor-hotline'), rng);
      if (result) expect(result.truth).toBe('housing.no-hot-water');
    }
  });
});
