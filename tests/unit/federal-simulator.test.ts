import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/db/seed/categories';
import { regionDirectory } from '@/lib/federal/region-directory';
import { federalCenters } from '@/lib/simulator/federal-centers';
import { createFederalGenerator, FEDERAL_ID_PREFIX } from '@/lib/simulator/federal-feed';
import { dueForeignSteps, planForeign, regionLateShare } from '@/lib/simulator/federal-plan';
import { createRng } from '@/lib/simulator/random';

const SOURCES = new Set(['dobrodel', 'incident', 'governor-hotline', 'call-112', 'municipal', 'media']);
const categories = CATEGORIES.map((c) => ({
  code: c.code,
  blockCode: c.blockCode,
  kind: c.kind,
  deadlineHours: c.deadlineHours ?? 192,
}));

describe('federal feed', () => {
  const directory = regionDirectory();

  it('feeds every region but the home one, weighted by urban population', () => {
    const centers = federalCenters(directory);
    expect(centers).toHaveLength(84);
    const weight = (code: string) => centers.find((c) => c.region === code)!.weight;
    expect(weight('RU-MOW')).toBeGreaterThan(weight('RU-TA'));
    expect(weight('RU-TA')).toBeGreaterThan(weight('RU-NEN'));
  });

  it('makes complaints that name their city, stay in their region and avoid Moscow Oblast wording', () => {
    const generator = createFederalGenerator(directory, categories, SOURCES, `${FEDERAL_ID_PREFIX}t`);
    const rng = createRng(11);
    const at = new Date('2026-11-23T10:00:00Z');
    let withPoint = 0;
    for (let i = 0; i < 600; i++) {
      const center = generator.centers[i % generator.centers.length]!;
      const c = generator.make(center, at, rng);
      expect(c.region).toBe(center.region);
      expect(c.externalId.startsWith(FEDERAL_ID_PREFIX)).toBe(true);
      expect(c.text).not.toMatch(/Подмосков|Московской области|Добродел|\bМО\b/);
      const city = c.address!.split(',')[0]!.replace('г. ', '');
      expect(c.text, c.text).toContain(city);
      if (c.lat !== undefined) {
        withPoint++;
        expect(directory.admits(center.region, c.lon!, c.lat), `${center.region} ${c.lat},${c.lon}`).toBe(
          true,
        );
      }
    }
    expect(withPoint).toBeGreaterThan(400);
  });

  it('plans each relayed complaint deterministically, mostly resolved by the due time', () => {
    const received = new Date('2026-11-01T10:00:00Z');
    const due = new Date(received.getTime() + 72 * 3600_000);
    let onTime = 0;
    for (let id = 1; id <= 2000; id++) {
      const plan = planForeign(id, 'RU-TA', received, due);
      expect(plan).toEqual(planForeign(id, 'RU-TA', received, due));
      expect(plan[0]!.status).toBe('in_progress');
      const end = plan[plan.length - 1]!;
      if (end.status === 'resolved' && end.at <= due.getTime()) onTime++;
    }
    expect(onTime / 2000).toBeGreaterThan(1 - regionLateShare('RU-TA') - 0.08);
    const steps = dueForeignSteps(
      { id: 5, status: 'new', statusAt: received, receivedAt: received, dueAt: due },
      'RU-TA',
      new Date(received.getTime() + 30 * 24 * 3600_000),
    );
    expect(steps.map((s) => s.status)).toEqual(['in_progress', expect.stringMatching(/resolved|rejected/)]);
  });
});
