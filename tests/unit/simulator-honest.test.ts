import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../db/seed/categories';
import { SOURCES } from '../../db/seed/sources';
import { HOME_REGION } from '../../lib/domain/home-region';
import { regionDirectory } from '../../lib/federal/region-directory';
import { loadMunicipalityLocator } from '../../lib/geo/municipality-locator';
import { matchProblems, type ProblemCandidate } from '../../lib/problems/match-problems';
import { readMunicipalitiesCsv } from '../../lib/reference/municipalities-csv';
import { federalCenters } from '../../lib/simulator/federal-centers';
import { federalPerHour } from '../../lib/simulator/federal-rate';
import { createComplaintFactory, type ComplaintFactory } from '../../lib/simulator/generator';
import { createPlacer, loadTowns, type Placer } from '../../lib/simulator/geography';
import { scheduleHistory } from '../../lib/simulator/history';
import { startIncident } from '../../lib/simulator/incidents';
import { createRng } from '../../lib/simulator/random';
import { normalFlowPerHour, weekLevel, WEEK_MS, type RateModel } from '../../lib/simulator/rate';

const HOUR = 3600_000;
const NOW = new Date('2025-11-19T12:00:00+03:00');
const RULES = new Map(
  CATEGORIES.map((c) => [c.code, { radiusM: c.duplicateRadiusM, windowHours: c.duplicateWindowHours }]),
);
const MODEL: RateModel = { ratePerSecond: 12_000 / (WEEK_MS / 1000), incidentsPerDay: 1.5, seed: 42 };

let placer: Placer;
let factory: ComplaintFactory;

beforeAll(() => {
  placer = createPlacer(readMunicipalitiesCsv(), loadTowns(), loadMunicipalityLocator());
  factory = createComplaintFactory({
    categories: CATEGORIES,
    sourceCodes: SOURCES.map((s) => s.code),
    placer,
    idPrefix: 'sim-honest',
  });
});

const candidate = (input: {
  category?: string;
  block?: string;
  lat?: number | null;
  lon?: number | null;
  receivedAt: string;
}): ProblemCandidate => ({
  categoryCode: input.category ?? null,
  blockCode: input.block ?? null,
  municipalityOktmo: null,
  lat: input.lat ?? null,
  lon: input.lon ?? null,
  receivedAt: new Date(input.receivedAt),
});

describe('one rate model for the history and the live stream', () => {
  it('gives every moment of a calendar week the same level, within ±6 %, whoever asks', () => {
    const levels = new Set<number>();
    for (let week = 0; week < 200; week++) {
      const start = week * WEEK_MS + 2 * 24 * HOUR;
      const level = weekLevel(MODEL, new Date(start));
      expect(weekLevel({ ...MODEL }, new Date(start + 3 * 24 * HOUR))).toBe(level);
      expect(Math.abs(level - 1)).toBeLessThanOrEqual(0.06 + 1e-9);
      levels.add(level);
    }
    // Weeks differ (week-over-week has something to show), and a different seed draws other weeks.
    expect(levels.size).toBeGreaterThan(150);
    expect(weekLevel({ ...MODEL, seed: 43 }, NOW)).not.toBe(weekLevel(MODEL, NOW));
  });

  it('makes the backfilled hours follow the expected count per hour of the week (the live loop uses the same)', () => {
    const from = new Date(NOW.getTime() - 4 * WEEK_MS);
    const schedule = scheduleHistory({
      from,
      to: NOW,
      model: { ...MODEL, incidentsPerDay: 0 },
      rng: createRng(3),
      placer,
      categoryCodes: new Set(CATEGORIES.map((c) => c.code)),
    });
    let expected = 0;
    for (let t = from.getTime(); t < NOW.getTime(); t += HOUR) {
      expected += normalFlowPerHour({ ...MODEL, incidentsPerDay: 0 }, new Date(t + HOUR / 2));
    }
    expect(schedule.times.length / expected).toBeGreaterThan(0.97);
    expect(schedule.times.length / expected).toBeLessThan(1.03);
    // Without incidents four weeks hold four weeks of the rate, each within its ±6 % level.
    expect(schedule.times.length / 4).toBeGreaterThan(12_000 * 0.94);
    expect(schedule.times.length / 4).toBeLessThan(12_000 * 1.06);
  });
});

describe('the geography of bursts', () => {
  it('puts an outage’s reports in one quarter, so production grouping makes one problem of them', () => {
    const codes = new Set(CATEGORIES.map((c) => c.code));
    for (let seed = 1; seed <= 12; seed++) {
      const rng = createRng(seed);
      const incident = startIncident(NOW, rng, placer, 1 + (seed % 12), codes);
      const reports = Array.from({ length: 40 }, (_, i) =>
        factory.forIncident(incident, new Date(NOW.getTime() + i * 5 * 60_000), rng),
      );
      const { created, refs } = matchProblems(
        reports.map((r) => candidate(r.input)),
        [],
        RULES,
      );
      expect(created, `${incident.categoryCode} in ${incident.town.label}`).toHaveLength(1);
      expect(refs.every((ref) => ref !== null)).toBe(true);
    }
  });

  it('has neighbours repeat ordinary reports now and then, most still alone', () => {
    const rng = createRng(21);
    const items = Array.from({ length: 4000 }, (_, i) =>
      factory.random(new Date(NOW.getTime() + i * 60_000), rng),
    );
    const { created } = matchProblems(
      items.map((g) => candidate(g.input)),
      [],
      RULES,
    );
    const joined = 1 - created.length / items.length;
    expect(joined).toBeGreaterThan(0.05);
    expect(joined).toBeLessThan(0.3);
  });
});

describe('the other regions’ volumes', () => {
  const directory = regionDirectory();
  const centers = federalCenters(directory);
  const dayOf = (perHour: (at: Date) => number) => {
    let n = 0;
    for (let h = 0; h < 24 * 7; h++) n += perHour(new Date(NOW.getTime() + h * HOUR));
    return n / 7;
  };
  const home = MODEL.ratePerSecond * 86_400;
  const daily = new Map(
    centers.map((c) => [c.region, dayOf((at) => federalPerHour(c, MODEL.ratePerSecond, at))]),
  );
  const national = home + [...daily.values()].reduce((a, b) => a + b, 0);
  const urban = (code: string) => directory.regions.get(code)!.urbanPopulation;
  const urbanTotal = [...directory.regions.values()].reduce((a, r) => a + r.urbanPopulation, 0);

  it('gives Moscow Oblast about its share of the urban population, Moscow city its own', () => {
    const homeShare = home / national;
    const populationShare = urban(HOME_REGION) / urbanTotal; // 4.8 % in ru_cities
    // The floor that keeps the smallest centers audible (federal-rate.ts) takes volume only from proportionality's
    // side of the big regions: the home share can only fall below its population share, and not by half.
    expect(homeShare).toBeLessThanOrEqual(populationShare * 1.001);
    expect(homeShare).toBeGreaterThan(populationShare * 0.5);
    expect(homeShare).toBeLessThan(0.15);
    // Moscow city is far above the floor: its volume is the home rate per head times its townspeople (2.4× MO's).
    const moscow = daily.get('RU-MOW')! / home;
    expect(moscow).toBeCloseTo(urban('RU-MOW') / urban(HOME_REGION), 1);
    expect(daily.get('RU-MOW')! / national).toBeGreaterThan(2 * homeShare);
  });

  it('orders regions by their townspeople, with a floor of a few hundred a day for the smallest', () => {
    expect(daily.get('RU-SPE')!).toBeGreaterThan(daily.get('RU-TA')!);
    expect(daily.get('RU-TA')!).toBeGreaterThan(daily.get('RU-NEN')!);
    expect(daily.get('RU-NEN')!).toBeGreaterThanOrEqual(0.3 * 60 * 24 * 0.99);
  });
});
