import { sql } from 'drizzle-orm';
import { cellToLatLng } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPlaybackRoute } from '@/app/api/v1/playback/route';
import { rowsOf } from '@/db/client';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { countersAt, indexCounters } from '@/lib/playback/counters';
import type { PlaybackCounters, PlaybackData, PlaybackScope } from '@/lib/playback/types';
import { reconstructBacklogHistory } from '@/lib/rollups/backlog-history';
import { startOfMoscowDay } from '@/lib/domain/moscow-time';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/lib/domain/time-units';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { authedRequest } from '../helpers/identities';
import type { ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/** 12:30 Moscow time: the 24-hour replay starts at 12:30 the day before, with a Moscow midnight inside. */
const NOW = new Date('2026-11-23T09:30:00Z');
const MIDNIGHT = Date.parse('2026-11-22T21:00:00Z');
const BALASHIKHA = '46704000000';
const CATEGORIES = [
  'housing.no-hot-water',
  'transport.pothole',
  'health.clinic-queue',
  'ecology.tko-overflow',
];

let app: TestApp;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function playback<T = PlaybackData>(query: string) {
  const response = await getPlaybackRoute(await authedRequest(`http://test.local/api/v1/playback${query}`));
  return { status: response.status, body: (await response.json()) as T };
}

const iso = (ms: number) => new Date(ms).toISOString();

function scopeSql(scope: PlaybackScope) {
  return sql`${scope.block ? sql`and c.block_code = ${scope.block}` : sql``}
    ${scope.municipality ? sql`and c.municipality_oktmo = ${scope.municipality}` : sql``}`;
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number | string }>(await app.ctx.db.execute(query))[0]!.n);
}

/** The counters at `at` counted from the raw rows and the event history, not from any rollup. */
async function direct(scope: PlaybackScope, at: number): Promise<Omit<PlaybackCounters, 'backlogAt'>> {
  const midnight = startOfMoscowDay(new Date(at)).getTime();
  const received = (from: number) =>
    count(sql`select count(*) as n from complaints c where c.received_at >= ${iso(from)}::timestamptz
      and c.received_at < ${iso(at)}::timestamptz ${scopeSql(scope)}`);
  const hour = iso(Math.floor(at / HOUR_MS) * HOUR_MS);
  // Open at the hour: the last event at or before it left the complaint open.
  const past = {
    all: sql``,
    due: sql`and c.due_at <= ${hour}::timestamptz`,
    veryLate: sql`and c.very_late_at <= ${hour}::timestamptz`,
  };
  const openAt = (only: keyof typeof past) =>
    count(sql`select count(*) as n from complaints c where c.received_at <= ${hour}::timestamptz ${scopeSql(scope)}
      ${past[only]}
      and (select e.to_status from complaint_events e where e.complaint_id = c.id and e.at <= ${hour}::timestamptz
        order by e.at desc, e.id desc limit 1) in ('new', 'routed', 'in_progress', 'reopened')`);
  return {
    at,
    today: await received(midnight),
    lastHour: await received(at - HOUR_MS),
    resolvedToday:
      await count(sql`select count(*) as n from complaint_events e join complaints c on c.id = e.complaint_id
      where e.to_status = 'resolved' and e.at >= ${iso(midnight)}::timestamptz and e.at < ${iso(at)}::timestamptz
      ${scopeSql(scope)}`),
    open: await openAt('all'),
    overdue: await openAt('due'),
    veryLate: await openAt('veryLate'),
  };
}

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  const random = rng(7);
  const towns = Object.values(TOWNS);
  // Eight days of complaints, plus a few on both sides of Moscow midnight.
  const times = Array.from({ length: 420 }, () => NOW.getTime() - random() * 8 * DAY_MS);
  times.push(MIDNIGHT - 30_000, MIDNIGHT - 1, MIDNIGHT, MIDNIGHT + 30_000, MIDNIGHT + MINUTE_MS);
  const items = times.map((t, i) => {
    const [lat, lon] = i % 3 === 0 ? TOWNS.balashikha : towns[Math.floor(random() * towns.length)]!;
    const noPoint = random() < 0.1;
    return aComplaint({
      receivedAt: iso(t),
      category: CATEGORIES[i % CATEGORIES.length],
      lat: noPoint ? undefined : lat + (random() - 0.5) * 0.04,
      lon: noPoint ? undefined : lon + (random() - 0.5) * 0.04,
      text: noPoint ? 'Яма на дороге в Балашихе у школы' : undefined,
    });
  });
  const results = await recordComplaints(app.ctx, items);
  const moves = results.flatMap((r, i) => {
    if (r.status !== 'created' || r.complaintStatus !== 'routed' || random() > 0.4) return [];
    const at = Math.min(NOW.getTime() - 1000, times[i]! + random() * 10 * HOUR_MS);
    return [transitionTo(r.id!, 'resolved', iso(at))];
  });
  for (const r of await recordTransitions(app.ctx, moves)) expect(r.status).toBe('applied');
  await reconstructBacklogHistory(app.ctx.db, new Date(NOW.getTime() - 9 * DAY_MS), NOW);
}, 120_000);
afterAll(() => app.close());

describe('GET /api/v1/playback', () => {
  const scopes: [string, PlaybackScope][] = [
    ['', {}],
    ['&block=housing', { block: 'housing' }],
    [`&municipality=${BALASHIKHA}`, { municipality: BALASHIKHA }],
  ];

  it.each(scopes)(
    '24h%s: the counters at every clock equal direct counts of the rows',
    async (query, scope) => {
      const { status, body } = await playback(`?span=24h${query}`);
      expect(status).toBe(200);
      expect(body.to).toBe('2026-11-23T09:30:00.000Z');
      expect(body.from).toBe('2026-11-22T09:30:00.000Z');
      const index = indexCounters(body);
      const clocks = [MIDNIGHT - MINUTE_MS, MIDNIGHT, MIDNIGHT + MINUTE_MS, MIDNIGHT + 2 * MINUTE_MS];
      for (let t = Date.parse(body.from); t <= Date.parse(body.to); t += 53 * MINUTE_MS) clocks.push(t);
      clocks.push(Date.parse(body.to));
      let nonZero = 0;
      for (const at of clocks) {
        const counters = countersAt(index, at);
        const { backlogAt, ...numbers } = counters;
        expect(backlogAt).toBe(Math.floor(at / HOUR_MS) * HOUR_MS);
        expect(numbers, iso(at)).toEqual(await direct(scope, at));
        if (counters.today > 0) nonZero += 1;
      }
      expect(nonZero).toBeGreaterThan(10);
    },
  );

  it.each(scopes)(
    '24h%s: the map holds every located complaint of the window, in order',
    async (query, scope) => {
      const { body } = await playback(`?span=24h${query}`);
      if (body.map.kind !== 'points') throw new Error('24h must answer points');
      const mapFrom = Date.parse(body.map.from);
      expect(mapFrom).toBe(Date.parse(body.from) - 2 * HOUR_MS);
      expect(body.map.sampleEvery).toBe(1);
      expect(body.map.t.length).toBe(
        await count(sql`select count(*) as n from complaints c where c.lon is not null
        and c.received_at >= ${iso(mapFrom)}::timestamptz and c.received_at < ${body.to}::timestamptz ${scopeSql(scope)}`),
      );
      expect(body.map.t.length).toBeGreaterThan(0);
      expect([...body.map.t].sort((a, b) => a - b)).toEqual(body.map.t);
      expect(body.resolution).toBe(scope.municipality ? 8 : 6);
      for (const i of body.map.cell) expect(body.cells[i]).toBeTypeOf('string');
    },
  );

  it.each(scopes)(
    '7d%s: hourly counters equal direct counts, cells sum to the located complaints',
    async (query, scope) => {
      const { body } = await playback(`?span=7d${query}`);
      expect(body.stepMs).toBe(HOUR_MS);
      expect(body.from).toBe('2026-11-16T09:00:00.000Z');
      const index = indexCounters(body);
      for (let t = Date.parse(body.from); t <= Date.parse(body.to); t += 7 * HOUR_MS) {
        const { backlogAt: _, ...numbers } = countersAt(index, t);
        expect(numbers, iso(t)).toEqual(await direct(scope, t));
      }
      // A clock between hours reads the hour it is in: exact at that hour's start.
      expect(countersAt(index, MIDNIGHT + 20 * MINUTE_MS).at).toBe(MIDNIGHT);
      if (body.map.kind !== 'cells') throw new Error('7d must answer cells');
      const total = body.map.n.reduce((a, b) => a + b, 0);
      const located = await count(sql`select count(*) as n from complaints c where c.h3_coarse is not null
      and c.received_at >= ${body.map.from}::timestamptz and c.received_at < ${body.to}::timestamptz ${scopeSql(scope)}`);
      if (scope.municipality) {
        // Fine cells whose centre lies in the municipality: all of them inside, together about its complaints.
        for (const h3 of body.cells) {
          const [lat, lon] = cellToLatLng(h3);
          expect(app.ctx.locator.locate(lon, lat)).toBe(BALASHIKHA);
        }
        expect(total).toBeGreaterThan(located * 0.8);
        expect(total).toBeLessThanOrEqual(located + 5);
      } else expect(total).toBe(located);
      expect(body.map.hourStart).toHaveLength(7 * 24 + 6 + 1);
      expect(Date.parse(body.series.from)).toBeLessThanOrEqual(Date.parse(body.map.from));
    },
  );

  it('answers the counters at `at` with the payload', async () => {
    const at = '2026-11-23T00:17:00+03:00';
    const { body } = await playback<PlaybackData & { countersAt: Record<string, unknown> }>(
      `?span=24h&block=housing&at=${encodeURIComponent(at)}`,
    );
    const expected = await direct({ block: 'housing' }, Date.parse(at));
    expect(body.countersAt).toMatchObject({ ...expected, at: iso(Date.parse(at)) });
  });

  it.each([
    ['', 'span', 'is required'],
    ['?span=3d', 'span', 'must be "24h" or "7d"'],
    ['?span=24h&block=weather', 'block', 'is not a block code from /api/v1/reference'],
    ['?span=24h&municipality=123', 'municipality', 'must be an 11-digit OKTMO code'],
    ['?span=24h&municipality=99999999999', 'municipality', 'is not an OKTMO code from /api/v1/reference'],
    [
      '?span=7d&at=yesterday',
      'at',
      'must be an ISO 8601 date-time with an offset, e.g. 2026-11-22T14:35:00+03:00',
    ],
  ])('refuses %s with 400 naming %s', async (query, field, message) => {
    const { status, body } = await playback<ErrorReply>(query);
    expect(status).toBe(400);
    expect(body.error.errors).toContainEqual({ field, message });
  });
});
