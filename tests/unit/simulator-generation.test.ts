import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../db/seed/categories';
import { SOURCES } from '../../db/seed/sources';
import { loadMunicipalityLocator, type MunicipalityLocator } from '../../lib/geo/municipality-locator';
import { createComplaintFactory, type ComplaintFactory } from '../../lib/simulator/generator';
import { createPlacer, loadTowns, type Placer } from '../../lib/simulator/geography';
import { materializeHistory, scheduleHistory } from '../../lib/simulator/history';
import { incidentArrivals, startIncident } from '../../lib/simulator/incidents';
import { BLOCK_WEIGHTS, SOURCE_WEIGHTS } from '../../lib/simulator/mix';
import { readMunicipalitiesCsv } from '../../lib/reference/municipalities-csv';
import { createRng } from '../../lib/simulator/random';
import { CATEGORY_TEXTS, INCIDENT_TEXTS } from '../../lib/classify/corpus';

const HOUR = 3600_000;
const NOW = new Date('2025-11-19T12:00:00+03:00');

let locator: MunicipalityLocator;
let placer: Placer;
let factory: ComplaintFactory;

beforeAll(() => {
  locator = loadMunicipalityLocator();
  const municipalities = readMunicipalitiesCsv();
  expect(municipalities).toHaveLength(57);
  placer = createPlacer(municipalities, loadTowns(), locator);
  factory = createComplaintFactory({
    categories: CATEGORIES,
    sourceCodes: SOURCES.map((s) => s.code),
    placer,
    idPrefix: 'sim-test',
  });
});

describe('message texts', () => {
  it('has 3+ templates for every category, each naming the town and a street', () => {
    for (const category of CATEGORIES) {
      const templates = CATEGORY_TEXTS[category.code];
      expect(templates, category.code).toBeDefined();
      expect(templates!.length, category.code).toBeGreaterThanOrEqual(3);
      for (const t of [...templates!, ...(INCIDENT_TEXTS[category.code] ?? [])]) {
        expect(t, category.code).toContain('{town}');
        expect(/\{(street|addr)\}/.test(t), `${category.code}: ${t}`).toBe(true);
      }
    }
    expect(Object.keys(CATEGORY_TEXTS).sort()).toEqual(CATEGORIES.map((c) => c.code).sort());
  });

  it('renders every placeholder, under 2,000 characters, with unique externalIds', () => {
    const rng = createRng(7);
    const ids = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const { input } = factory.random(new Date(NOW.getTime() - i * 60_000), rng);
      expect(input.text).not.toMatch(/[{}]/);
      expect(input.text.length).toBeLessThan(2000);
      expect(input.text).toContain(input.address!.split(', ').at(-3)!);
      expect(input.receivedAt).toMatch(/Z$/);
      ids.add(input.externalId);
    }
    expect(ids.size).toBe(3000);
  });
});

describe('mix', () => {
  it('follows the block and source shares over 20k draws', () => {
    const rng = createRng(42);
    const blocks = new Map<string, number>();
    const sources = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const { input } = factory.random(NOW, rng);
      blocks.set(input.block!, (blocks.get(input.block!) ?? 0) + 1);
      sources.set(input.source, (sources.get(input.source) ?? 0) + 1);
    }
    const totalWeight = Object.values(BLOCK_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const [block, weight] of Object.entries(BLOCK_WEIGHTS)) {
      const share = (blocks.get(block) ?? 0) / n;
      expect(Math.abs(share - weight / totalWeight), block).toBeLessThan(0.015);
    }
    expect(blocks.get('housing')! / n).toBeGreaterThan(0.3);
    expect(sources.get('dobrodel')! / n).toBeGreaterThan(0.33);
    expect(sources.get('incident')! / n).toBeGreaterThan(0.24);
    expect(new Set(sources.keys())).toEqual(new Set(Object.keys(SOURCE_WEIGHTS)));
  });

  it('follows the season: no snow complaints in July, plenty in January', () => {
    const rng = createRng(3);
    const count = (at: Date) => {
      let snow = 0;
      for (let i = 0; i < 5000; i++) if (factory.random(at, rng).input.category?.endsWith('-snow')) snow++;
      return snow;
    };
    expect(count(new Date('2025-07-15T12:00:00+03:00'))).toBe(0);
    expect(count(new Date('2026-01-15T12:00:00+03:00'))).toBeGreaterThan(200);
  });
});

describe('placement', () => {
  it('puts every point inside the oblast, in the municipality of its town', () => {
    const rng = createRng(11);
    for (let i = 0; i < 5000; i++) {
      const place = placer.randomPlace(rng);
      expect(locator.locate(place.lon, place.lat)).toBe(place.oktmo);
      expect(place.municipality.oktmo).toBe(place.oktmo);
    }
  });

  it('places by population: Балашиха gets far more than Шаховская', () => {
    const rng = createRng(12);
    const byName = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const short = placer.randomPlace(rng).municipality.shortName;
      byName.set(short, (byName.get(short) ?? 0) + 1);
    }
    expect(byName.get('Балашиха')!).toBeGreaterThan(10 * (byName.get('Шаховская') ?? 0));
    expect(byName.size).toBeGreaterThan(50);
  });
});

describe('incidents', () => {
  it('concentrate a burst of one category around one town', () => {
    const rng = createRng(5);
    const codes = new Set(CATEGORIES.map((c) => c.code));
    const incident = startIncident(NOW, rng, placer, 11, codes);
    const times = incidentArrivals(incident, NOW, new Date(NOW.getTime() + 12 * HOUR), rng);
    const hours = (incident.endAt.getTime() - incident.startAt.getTime()) / HOUR;
    expect(hours).toBeGreaterThanOrEqual(2);
    expect(hours).toBeLessThanOrEqual(8);
    expect(times.length / hours).toBeGreaterThan(8);
    expect(times.every((t) => t >= incident.startAt && t < incident.endAt)).toBe(true);
    const kmPerDegLon = 111.32 * Math.cos((incident.town.lat * Math.PI) / 180);
    for (const at of times) {
      const { input } = factory.forIncident(incident, at, rng);
      expect(input.category).toBe(incident.categoryCode);
      expect(input.text).toContain(incident.town.label);
      const km = Math.hypot(
        (input.lon! - incident.town.lon) * kmPerDegLon,
        (input.lat! - incident.town.lat) * 111.32,
      );
      expect(km).toBeLessThan(6);
    }
  });

  it('appear in the history with the weekly volume near the target', () => {
    const rng = createRng(9);
    const from = new Date(NOW.getTime() - 14 * 24 * HOUR);
    const schedule = scheduleHistory({
      from,
      to: NOW,
      model: { ratePerSecond: 12_000 / (7 * 24 * 3600), incidentsPerDay: 1.5, seed: 9 },
      rng,
      placer,
      categoryCodes: new Set(CATEGORIES.map((c) => c.code)),
    });
    const history = {
      complaints: materializeHistory(schedule, 0, schedule.times.length, factory, rng),
      incidents: schedule.incidents,
    };
    const fromIncidents = history.complaints.filter((_, i) => schedule.incidentOf[i]! >= 0);
    expect(fromIncidents.length).toBeGreaterThan(500);
    for (const [i, c] of history.complaints.entries()) {
      const owner = schedule.incidents[schedule.incidentOf[i]!];
      if (owner) expect(c.category.code).toBe(owner.categoryCode);
    }
    expect(history.complaints.length / 2).toBeGreaterThan(10_500);
    expect(history.complaints.length / 2).toBeLessThan(13_500);
    expect(history.incidents.length).toBeGreaterThan(5);
    const times = history.complaints.map((c) => c.receivedAt.getTime());
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times[0]!).toBeGreaterThanOrEqual(from.getTime());
    expect(times.at(-1)!).toBeLessThan(NOW.getTime());
  });
});
