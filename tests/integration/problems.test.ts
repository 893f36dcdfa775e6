import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getProblemRoute } from '@/app/api/v1/problems/[id]/route';
import { GET as listProblemsRoute } from '@/app/api/v1/problems/route';
import type { Tx } from '@/db/client';
import { complaints, problems } from '@/db/schema';
import { ensurePartitionsFor } from '@/lib/partitions/ensure-partitions';
import type { ProblemScope } from '@/lib/problems/problem-scope';
import { adjustOpenProblems, joinProblems } from '@/lib/problems/join-problems';
import type { ProblemCandidate } from '@/lib/problems/match-problems';
import { getLargestProblems } from '@/lib/problems/get-largest-problems';
import { getProblem } from '@/lib/problems/get-problem';
import { getProblemCounts } from '@/lib/panels/get-problem-counts';
import { duplicateRulesOf } from '@/lib/reference/duplicate-rules';
import { startOfMoscowDay } from '@/lib/domain/moscow-time';
import { TOWNS } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import type { ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

type Item = ProblemCandidate & { open: boolean; text?: string };

const T0 = Date.parse('2026-03-10T06:00:00Z');
const HOUR = 3600_000;
const NOW = new Date(T0 + 10 * HOUR);
const HOT = 'housing.no-hot-water';
const POTHOLE = 'transport.pothole';
const PORTAL = 'public-services.portal-failure';
const [BAL_LAT, BAL_LON] = TOWNS.balashikha;
const [POD_LAT, POD_LON] = TOWNS.podolsk;
const BASE = 'http://test.local';

let app: TestApp;
let balashikha: string;
let podolsk: string;
let rules: ReturnType<typeof duplicateRulesOf>;
let statements = 0;

/** The transaction with its raw statements counted. */
const counted = (tx: Tx): Tx =>
  new Proxy(tx, {
    get: (target, prop) =>
      prop !== 'execute'
        ? Reflect.get(target, prop)
        : (...args: Parameters<Tx['execute']>) => {
            statements += 1;
            return target.execute(...args);
          },
  });

function item(at: number, lat: number | null, lon: number | null, extra: Partial<Item> = {}): Item {
  const categoryCode = extra.categoryCode === undefined ? HOT : extra.categoryCode;
  return {
    categoryCode,
    blockCode: categoryCode ? categoryCode.split('.')[0]! : null,
    municipalityOktmo: lat === null ? balashikha : app.ctx.locator.locate(lon!, lat),
    lat,
    lon,
    receivedAt: new Date(at),
    open: true,
    ...extra,
  };
}

/** Joins a batch in its own transaction and stores its complaints with their problem, as intake will. */
async function intake(batch: Item[]): Promise<(number | null)[]> {
  statements = 0;
  const ids = await app.ctx.db.transaction((tx) => joinProblems(counted(tx), batch, rules));
  expect(statements).toBeLessThanOrEqual(3);
  const dates = batch.map((b) => b.receivedAt);
  await ensurePartitionsFor(app.ctx.db, dates);
  await app.ctx.db.insert(complaints).values(
    batch.map(({ open, text, ...place }, i) => ({
      ...place,
      sourceCode: 'dobrodel',
      externalId: `p-${place.receivedAt.getTime()}-${i}-${Math.random()}`,
      text: text ?? 'Нет горячей воды',
      status: open ? ('new' as const) : ('resolved' as const),
      statusAt: place.receivedAt,
      dueAt: new Date(place.receivedAt.getTime() + 24 * HOUR),
      veryLateAt: new Date(place.receivedAt.getTime() + 72 * HOUR),
      problemId: ids[i],
    })),
  );
  return ids;
}

const row = async (id: number) => (await app.ctx.db.select().from(problems).where(eq(problems.id, id)))[0]!;

const near = (metresNorth: number, metresEast = 0): [number, number] => [
  BAL_LAT + metresNorth / 111_200,
  BAL_LON + metresEast / (111_200 * Math.cos((BAL_LAT * Math.PI) / 180)),
];

let first: (number | null)[], second: (number | null)[], hotId: number;

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  rules = duplicateRulesOf(app.ctx.reference);
  balashikha = app.ctx.locator.locate(BAL_LON, BAL_LAT)!;
  podolsk = app.ctx.locator.locate(POD_LON, POD_LAT)!;

  first = await intake([
    // 120 posts about one outage within 500 m over 5 hours; every fourth already resolved.
    ...Array.from({ length: 120 }, (_, i) =>
      item(T0 + i * 150_000, ...near(((i * 37) % 500) - 250, ((i * 53) % 500) - 250), {
        open: i % 4 !== 0,
        text: i === 119 ? 'Нет горячей воды, мой телефон +7 (916) 123-45-67' : undefined,
      }),
    ),
    // Three potholes 1 km apart in Podolsk; the first already fixed.
    ...[0, 1, 2].map((k) =>
      item(T0 + HOUR, POD_LAT + k / 111.2, POD_LON, { categoryCode: POTHOLE, open: k !== 0 }),
    ),
    item(T0 + HOUR, null, null),
    item(T0 + 2 * HOUR, null, null),
    item(T0, BAL_LAT, BAL_LON, { categoryCode: null, blockCode: null }),
    item(T0, BAL_LAT, BAL_LON, { categoryCode: PORTAL }),
  ]);
  hotId = first[0]!;
  second = await intake([
    ...Array.from({ length: 30 }, (_, i) => item(T0 + 8 * HOUR + i * 60_000, ...near(100, 100))),
    item(T0 - 2 * HOUR, ...near(-200)), // delivered late, dated before the problem began
    item(T0 + HOUR, POD_LAT + 1 / 111.2 + 0.0004, POD_LON, { categoryCode: POTHOLE }),
    item(T0 + 3 * HOUR, null, null),
    item(T0 + 5 * HOUR, POD_LAT, POD_LON, { categoryCode: PORTAL }), // 40 km away, one problem region-wide
    item(T0 + 40 * HOUR, ...near(0)), // the outage ended a day before: a new problem
  ]);
});
afterAll(() => app.close());

describe('joinProblems', () => {
  it('groups the first batch: one outage, three potholes, one unlocated problem, none without a category', () => {
    expect(new Set(first.slice(0, 120))).toEqual(new Set([hotId]));
    const potholes = first.slice(120, 123);
    expect(new Set(potholes).size).toBe(3);
    expect(first[123]).toBe(first[124]);
    expect(new Set([hotId, ...potholes, first[123]]).size).toBe(5);
    expect(first[125]).toBeNull();
    expect(typeof first[126]).toBe('number');
  });

  it('stores each new problem with its counts, span and anchor', async () => {
    const pothole = await row(first[120]!);
    expect(pothole).toMatchObject({ categoryCode: POTHOLE, blockCode: 'transport', complaints: 1 });
    expect(pothole).toMatchObject({
      municipalityOktmo: podolsk,
      openComplaints: 0,
      lat: POD_LAT,
      lon: POD_LON,
    });
    expect(pothole.h3Coarse).toMatch(/^86/);
    const unlocated = await row(first[123]!);
    expect(unlocated).toMatchObject({ complaints: 3, openComplaints: 3, lat: null, h3Coarse: null });
    expect(unlocated.municipalityOktmo).toBe(balashikha);
    expect(unlocated.lastAt).toEqual(new Date(T0 + 3 * HOUR));
  });

  it('the second batch joins the first batch’s problems and updates their rows', async () => {
    expect(new Set(second.slice(0, 31))).toEqual(new Set([hotId]));
    expect(second[31]).toBe(first[121]);
    expect(second[32]).toBe(first[123]);
    expect(second[33]).toBe(first[126]);
    expect([hotId, ...first]).not.toContain(second[34]);
    const hot = await row(hotId);
    expect(hot).toMatchObject({ complaints: 151, openComplaints: 90 + 31, municipalityOktmo: balashikha });
    expect(hot.firstAt).toEqual(new Date(T0 - 2 * HOUR));
    expect(hot.lastAt).toEqual(new Date(T0 + 8 * HOUR + 29 * 60_000));
    // The anchor stayed where the problem began, whatever joined later.
    expect([hot.lat, hot.lon]).toEqual(near(-250, -250));
    expect(await row(first[121]!)).toMatchObject({ complaints: 2, openComplaints: 2 });
  });

  it('joins a batch of 2,000 with three statements', async () => {
    // 1,000 grid points 0.6 km and more apart, each reported twice; the last one is a pothole in Podolsk.
    const batch = Array.from({ length: 2000 }, (_, i) => {
      const p = i % 1000;
      return item(T0 + 20 * HOUR + i * 1000, BAL_LAT + (p % 40) / 100, BAL_LON + Math.floor(p / 40) / 100, {
        categoryCode: p % 2 ? POTHOLE : 'housing.roof-leak',
      });
    });
    batch[1999] = item(T0 + 20 * HOUR, POD_LAT + 2 / 111.2, POD_LON, { categoryCode: POTHOLE });
    statements = 0;
    const started = performance.now();
    const ids = await app.ctx.db.transaction((tx) => joinProblems(counted(tx), batch, rules));
    const ms = performance.now() - started;
    expect(statements).toBe(3);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(ids.slice(1000, 1999)).toEqual(ids.slice(0, 999));
    expect(new Set(ids.slice(0, 1000)).size).toBe(1000);
    expect(ids[1999]).toBe(first[122]);
    console.info(`joinProblems: 2,000 complaints → 1,000 new problems + 1 joined in ${ms.toFixed(0)} ms`);
    const stored = await row(ids[998]!);
    expect(stored).toMatchObject({ categoryCode: 'housing.roof-leak', complaints: 2, openComplaints: 2 });
    expect(stored.lat).toBeCloseTo(BAL_LAT + 38 / 100, 9);
    expect(stored.lastAt).toEqual(new Date(T0 + 20 * HOUR + 1998 * 1000));
    expect(await row(first[122]!)).toMatchObject({ complaints: 2, openComplaints: 2 });
  });

  it('adjustOpenProblems moves open counts by the lifecycle’s deltas', async () => {
    const before = await row(first[120]!);
    const deltas = new Map([hotId, first[120]!, first[122]!].map((id, i) => [id, [-5, 1, 0][i]!]));
    await app.ctx.db.transaction((tx) => adjustOpenProblems(tx, deltas));
    expect((await row(hotId)).openComplaints).toBe(116);
    expect((await row(first[120]!)).openComplaints).toBe(before.openComplaints + 1);
    expect((await row(first[122]!)).openComplaints).toBe(2);
    await app.ctx.db.transaction((tx) => adjustOpenProblems(tx, new Map([[first[120]!, -1]])));
  });
});

describe('problem queries', () => {
  it('getProblemCounts counts new problems since a time and the open ones now', async () => {
    const counts = (scope: ProblemScope, since: number) =>
      getProblemCounts(app.ctx.db, scope, new Date(since));
    // Hot water (151), the unlocated one (3), the next day's (1) and 500 roof leaks × 2 from the large batch.
    const housing = { newProblems: 503, complaintsInNew: 1155, openProblems: 503, openComplaints: 1120 };
    expect(await counts({ blockCode: 'housing' }, startOfMoscowDay(new Date(T0)).getTime())).toEqual(housing);
    // The outage began (its late complaint) before T0: not new since T0, still open.
    const sinceT0 = await counts({ blockCode: 'housing', municipalityOktmo: balashikha }, T0);
    expect(sinceT0.newProblems).toBe(sinceT0.openProblems - 1);
    const pod = await counts({ blockCode: 'transport', municipalityOktmo: podolsk }, T0 + 50 * HOUR);
    expect(pod).toEqual({ newProblems: 0, complaintsInNew: 0, openProblems: 2, openComplaints: 4 });
  });

  it('getLargestProblems ranks open problems by complaints since the time, in scope', async () => {
    const largest = (scope: ProblemScope, since: number, limit?: number) =>
      getLargestProblems(app.ctx.db, scope, new Date(since), limit);
    const top = await largest({}, T0 - 3 * HOUR, 2);
    expect(top.map((p) => p.id)).toEqual([hotId, first[123]]);
    expect(top[0]).toMatchObject({
      categoryCode: HOT,
      complaints: 151,
      complaintsSince: 151,
      openComplaints: 116,
    });
    const [lately] = await largest({ blockCode: 'housing' }, T0 + 7 * HOUR);
    expect(lately).toMatchObject({ id: hotId, complaintsSince: 30 });
    const inPodolsk = await largest({ municipalityOktmo: podolsk }, T0 - 3 * HOUR);
    // The fixed pothole is closed; the portal failure belongs to Balashikha, where it began.
    expect(inPodolsk.map((p) => p.id).sort()).toEqual([first[121], first[122]].sort());
  });

  it('getProblem returns the problem with its newest complaints, masked', async () => {
    const detail = await getProblem(app.ctx.db, hotId);
    expect(detail).toMatchObject({ id: hotId, complaints: 151, categoryCode: HOT });
    expect(detail!.items).toHaveLength(151);
    const times = detail!.items.map((c) => c.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(detail!.items.at(-1)!.receivedAt).toEqual(new Date(T0 - 2 * HOUR));
    const withPhone = detail!.items.find((c) => c.excerpt.includes('телефон'))!;
    expect(withPhone.excerpt).not.toContain('123-45-67');
    expect(detail!.items.filter((c) => c.status === 'resolved')).toHaveLength(30);
    expect(await getProblem(app.ctx.db, 987_654_321)).toBeNull();
  });
});

describe('problem routes', () => {
  const list = async (query: string) => {
    const res = await listProblemsRoute(
      new NextRequest(await authedRequest(`${BASE}/api/v1/problems${query}`)),
    );
    return { status: res.status, body: (await res.json()) as ErrorReply & { problems: { id: number }[] } };
  };
  const one = async (id: string) => {
    const params = Promise.resolve({ id });
    const res = await getProblemRoute(await authedRequest(`${BASE}/api/v1/problems/${id}`), { params });
    return { status: res.status, body: (await res.json()) as ErrorReply & { id: number; items: unknown[] } };
  };

  it('GET /api/v1/problems lists the largest open problems of today', async () => {
    const res = await list(`?block=housing&municipality=${balashikha}&limit=1`);
    expect(res.status).toBe(200);
    expect(res.body.problems.map((p) => p.id)).toEqual([hotId]);
    expect((await list('')).body.problems).toHaveLength(5);
  });

  it('GET /api/v1/problems names every bad parameter', async () => {
    const res = await list('?block=nope&municipality=123&limit=0&since=yesterday');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.errors!.map((e) => e.field)).toEqual(['block', 'municipality', 'limit', 'since']);
    expect((await list('?limit=abc')).body.error.errors![0]!.field).toBe('limit');
    expect((await list('?limit=51')).status).toBe(400);
  });

  it('GET /api/v1/problems/{id}: the problem, 400 for a bad id, 404 for an unknown one', async () => {
    const ok = await one(String(hotId));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: hotId, complaints: 151 });
    expect(ok.body.items).toHaveLength(151);
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const res = await one(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.errors![0]!.field).toBe('id');
    }
    const missing = await one('987654321');
    expect(missing.status).toBe(404);
    expect(missing.body.error.errors![0]!.field).toBe('id');
  });
});
