import { greatCircleDistance } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUPLICATE_RULE,
  matchProblems,
  type DuplicateRule,
  type KnownProblem,
  type ProblemCandidate,
  type ProblemRef,
} from '@/lib/problems/match-problems';
import { candidateCells, coarseCellOf, distanceM } from '@/lib/problems/problem-geometry';

const HOT = 'housing.no-hot-water';
const POTHOLE = 'transport.pothole';
const PORTAL = 'public-services.portal-failure';
const RULES: ReadonlyMap<string, DuplicateRule> = new Map([
  [HOT, { radiusM: 1500, windowHours: 24 }],
  [POTHOLE, { radiusM: 300, windowHours: 336 }],
  [PORTAL, { radiusM: 100_000, windowHours: 6 }],
]);
const BALASHIKHA = [55.79639, 37.93828] as const;
const BALASHIKHA_OKTMO = '46704000001';
const PODOLSK_OKTMO = '46760000001';
const T0 = Date.parse('2026-03-10T06:00:00Z');
const HOUR = 3600_000;
const EARTH_R = 6371007.180918475;
type Pt = readonly [number, number];

/** A point `north` and `east` metres from `from` (exact along a meridian on H3's sphere). */
function offset(from: Pt, north: number, east = 0): [number, number] {
  const lat = from[0] + (north / EARTH_R) * (180 / Math.PI);
  const lon = from[1] + (east / (EARTH_R * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
  return [lat, lon];
}

function complaint(at: number, point: Pt | null = BALASHIKHA, over: Partial<ProblemCandidate> = {}) {
  const categoryCode = over.categoryCode === undefined ? HOT : over.categoryCode;
  return {
    categoryCode,
    blockCode: categoryCode ? categoryCode.split('.')[0]! : null,
    municipalityOktmo: BALASHIKHA_OKTMO,
    lat: point ? point[0] : null,
    lon: point ? point[1] : null,
    receivedAt: new Date(at),
    ...over,
  } satisfies ProblemCandidate;
}

function known(id: number, point: Pt | null, first: number, last = first): KnownProblem {
  return {
    id,
    categoryCode: HOT,
    municipalityOktmo: BALASHIKHA_OKTMO,
    lat: point ? point[0] : null,
    lon: point ? point[1] : null,
    firstAt: new Date(first),
    lastAt: new Date(last),
  };
}

/** A deterministic pseudo-random sequence in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

/** Problem refs as group labels: 'e<id>' for stored ones, 'n<index>' for new ones. */
const labels = (refs: (ProblemRef | null)[]) =>
  refs.map((r) => (r === null ? null : 'existing' in r ? `e${r.existing}` : `n${r.created}`));

describe('matchProblems', () => {
  it('300 complaints of no-hot-water within 1 km over 10 hours make one problem', () => {
    const rnd = lcg(7);
    const batch = Array.from({ length: 300 }, () => {
      const r = 500 * Math.sqrt(rnd());
      const a = 2 * Math.PI * rnd();
      return complaint(T0 + rnd() * 10 * HOUR, offset(BALASHIKHA, r * Math.cos(a), r * Math.sin(a)));
    });
    const { refs, created } = matchProblems(batch, [], RULES);
    expect(created).toHaveLength(1);
    expect(new Set(labels(refs))).toEqual(new Set(['n0']));
    // The anchor is the earliest complaint's point, whatever the input order.
    const first = batch.reduce((a, b) => (a.receivedAt < b.receivedAt ? a : b));
    expect([created[0]!.lat, created[0]!.lon]).toEqual([first.lat, first.lon]);
    expect(created[0]).toMatchObject({
      categoryCode: HOT,
      blockCode: 'housing',
      municipalityOktmo: BALASHIKHA_OKTMO,
    });
    expect(created[0]!.h3Coarse).toMatch(/^86/);
  });

  it('the same complaints split into two problems by a gap longer than the window', () => {
    const batch = Array.from({ length: 300 }, (_, i) =>
      complaint(i < 150 ? T0 + i * 60_000 : T0 + 40 * HOUR + i * 60_000, offset(BALASHIKHA, (i % 10) * 50)),
    );
    const { refs, created } = matchProblems(batch, [], RULES);
    expect(created).toHaveLength(2);
    const l = labels(refs);
    expect(l.filter((x) => x === 'n0')).toHaveLength(150);
    expect(l.filter((x) => x === 'n1')).toHaveLength(150);
    expect(l.slice(150).every((x) => x === 'n1')).toBe(true);
  });

  it('another category at the same spot is a separate problem', () => {
    const { refs, created } = matchProblems(
      [complaint(T0), complaint(T0 + HOUR, BALASHIKHA, { categoryCode: POTHOLE }), complaint(T0 + 2 * HOUR)],
      [known(1, BALASHIKHA, T0 - HOUR)],
      RULES,
    );
    expect(labels(refs)).toEqual(['e1', 'n0', 'e1']);
    expect(created[0]).toMatchObject({ categoryCode: POTHOLE, blockCode: 'transport' });
  });

  it('joins just inside the radius and starts a new problem just outside it', () => {
    const inside = offset(BALASHIKHA, 1499);
    const outside = offset(BALASHIKHA, 0, 1501);
    expect(distanceM(BALASHIKHA[0], BALASHIKHA[1], inside[0], inside[1])).toBeCloseTo(1499, 0);
    expect(distanceM(BALASHIKHA[0], BALASHIKHA[1], outside[0], outside[1])).toBeGreaterThan(1500);
    const { refs } = matchProblems(
      [complaint(T0, inside), complaint(T0, outside)],
      [known(1, BALASHIKHA, T0 - HOUR)],
      RULES,
    );
    expect(labels(refs)).toEqual(['e1', 'n0']);
  });

  it('the nearest of two eligible problems wins, also across a cell border', () => {
    // 5 km apart, so any point between them is in different res-6 cells from one of the anchors.
    const a = BALASHIKHA;
    const b = offset(BALASHIKHA, 2500);
    const nearB = offset(BALASHIKHA, 1300);
    const nearA = offset(BALASHIKHA, 1200);
    const { refs } = matchProblems(
      [complaint(T0, nearB), complaint(T0, nearA)],
      [known(1, a, T0 - HOUR), known(2, b, T0 - HOUR)],
      RULES,
    );
    expect(labels(refs)).toEqual(['e2', 'e1']);
  });

  it('finds a problem anchored in a neighbouring cell for every direction', () => {
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      const p = offset(BALASHIKHA, 1450 * Math.cos(rad), 1450 * Math.sin(rad));
      const { refs } = matchProblems([complaint(T0, p)], [known(9, BALASHIKHA, T0)], RULES);
      expect(labels(refs), `bearing ${bearing}`).toEqual(['e9']);
    }
  });

  it('a region-wide category joins across 60 km without the cell filter', () => {
    const far = offset(BALASHIKHA, -60_000, 20_000);
    const { refs, created } = matchProblems(
      [
        complaint(T0, BALASHIKHA, { categoryCode: PORTAL }),
        complaint(T0 + HOUR, far, { categoryCode: PORTAL, municipalityOktmo: PODOLSK_OKTMO }),
        complaint(T0 + 8 * HOUR, far, { categoryCode: PORTAL }),
      ],
      [],
      RULES,
    );
    expect(labels(refs)).toEqual(['n0', 'n0', 'n1']);
    expect(created).toHaveLength(2);
  });

  it('complaints without coordinates join only an unlocated problem of their category and municipality', () => {
    const stored = [known(1, null, T0 - HOUR), known(2, BALASHIKHA, T0 - HOUR)];
    const { refs, created } = matchProblems(
      [
        complaint(T0, null),
        complaint(T0, null, { municipalityOktmo: PODOLSK_OKTMO }),
        complaint(T0, null, { categoryCode: POTHOLE }),
        complaint(T0, null, { municipalityOktmo: null }),
        complaint(T0 + HOUR, null, { municipalityOktmo: PODOLSK_OKTMO }),
        complaint(T0 + HOUR, null, { municipalityOktmo: null }),
        complaint(T0 + 30 * HOUR, null),
      ],
      stored,
      RULES,
    );
    // Podolsk's second post joins the first; posts placed nowhere never join; 30 h later is past the window.
    expect(labels(refs)).toEqual(['e1', 'n0', 'n1', 'n2', 'n0', 'n3', 'n4']);
    expect(created[0]).toMatchObject({
      municipalityOktmo: PODOLSK_OKTMO,
      lat: null,
      lon: null,
      h3Coarse: null,
    });
  });

  it('a located complaint does not join an unlocated problem of its town', () => {
    const { refs } = matchProblems([complaint(T0)], [known(1, null, T0 - HOUR)], RULES);
    expect(labels(refs)).toEqual(['n0']);
  });

  it('a complaint without a category gets no problem', () => {
    const { refs, created } = matchProblems(
      [complaint(T0, BALASHIKHA, { categoryCode: null }), complaint(T0, null, { categoryCode: null })],
      [known(1, BALASHIKHA, T0)],
      RULES,
    );
    expect(refs).toEqual([null, null]);
    expect(created).toEqual([]);
  });

  it('a late arrival dated before the problem joins within the window, not beyond it', () => {
    const stored = [known(1, BALASHIKHA, T0, T0 + 5 * HOUR)];
    const { refs } = matchProblems(
      [complaint(T0 - 20 * HOUR), complaint(T0 - 30 * HOUR), complaint(T0 + 2 * HOUR)],
      stored,
      RULES,
    );
    expect(labels(refs)).toEqual(['e1', 'n0', 'e1']);
  });

  it('the window runs from the last complaint, including those of the same batch', () => {
    const stored = [known(1, BALASHIKHA, T0, T0)];
    // 20 h steps: each is within 24 h of the previous one, but the last is 80 h after the problem began.
    const batch = [1, 2, 3, 4].map((k) => complaint(T0 + k * 20 * HOUR));
    expect(labels(matchProblems(batch, stored, RULES).refs)).toEqual(['e1', 'e1', 'e1', 'e1']);
    const gap = [complaint(T0 + 25 * HOUR)];
    expect(labels(matchProblems(gap, stored, RULES).refs)).toEqual(['n0']);
  });

  it('batch order does not matter: complaints are taken by time', () => {
    const batch = [
      complaint(T0 + 30 * HOUR),
      complaint(T0),
      complaint(T0 + 10 * HOUR),
      complaint(T0 + 20 * HOUR),
    ];
    const { refs, created } = matchProblems(batch, [], RULES);
    expect(labels(refs)).toEqual(['n0', 'n0', 'n0', 'n0']);
    expect(created).toHaveLength(1);
  });

  it('the anchor does not drift: a chain 250 m apart with a 300 m radius splits every other point', () => {
    const chain = Array.from({ length: 7 }, (_, i) =>
      complaint(T0 + i * HOUR, offset(BALASHIKHA, 250 * i), { categoryCode: POTHOLE }),
    );
    const { refs, created } = matchProblems(chain, [], RULES);
    expect(labels(refs)).toEqual(['n0', 'n0', 'n1', 'n1', 'n2', 'n2', 'n3']);
    expect(created.map((p) => p.lat)).toEqual([0, 2, 4, 6].map((i) => chain[i]!.lat));
  });

  it('uses the column defaults for a category without a rule', () => {
    const other = 'housing.roof-leak';
    const { refs } = matchProblems(
      [
        complaint(T0, BALASHIKHA, { categoryCode: other }),
        complaint(T0 + 47 * HOUR, offset(BALASHIKHA, 290), { categoryCode: other }),
        complaint(T0 + 47 * HOUR, offset(BALASHIKHA, 310), { categoryCode: other }),
      ],
      [],
      RULES,
    );
    expect(labels(refs)).toEqual(['n0', 'n0', 'n1']);
    expect(DEFAULT_DUPLICATE_RULE).toEqual({ radiusM: 300, windowHours: 48 });
  });
});

describe('candidateCells', () => {
  it('always holds the cell of an anchor within the radius, and prunes the ring for small radii', () => {
    const rnd = lcg(11);
    let cells300 = 0;
    let samples300 = 0;
    for (let i = 0; i < 20_000; i++) {
      const p: [number, number] = [54.3 + rnd() * 2, 35.5 + rnd() * 5];
      const radius = [50, 100, 300, 1500, 3000][i % 5]!;
      const d = i % 2 ? radius : radius * Math.sqrt(rnd());
      const bearing = 2 * Math.PI * rnd();
      const anchor = offset(p, d * Math.cos(bearing), d * Math.sin(bearing));
      const cells = candidateCells(coarseCellOf(p[0], p[1]), p[0], p[1], radius);
      // The plain-JS haversine agrees with h3-js to the millimetre.
      expect(distanceM(p[0], p[1], anchor[0], anchor[1])).toBeCloseTo(greatCircleDistance(p, anchor, 'm'), 3);
      expect(cells, `${p} r=${radius} d=${d}`).toContain(coarseCellOf(anchor[0], anchor[1]));
      if (radius === 300) {
        cells300 += cells.length;
        samples300 += 1;
      }
    }
    expect(cells300 / samples300).toBeLessThan(2);
  });
});
