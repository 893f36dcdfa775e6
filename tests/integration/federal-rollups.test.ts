import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getRegions } from '@/app/api/v1/regions/route';
import { GET as getRegion } from '@/app/api/v1/regions/[code]/route';
import { rowsOf } from '@/db/client';
import type { FederalOverview, FederalRegionDetail } from '@/lib/federal/types';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { ALLOWED_TRANSITIONS, type ComplaintStatus } from '@/lib/domain/statuses';
import { rebuildRollups } from '@/lib/rollups/rebuild-rollups';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { intakeStatus, transitionTo } from '../helpers/lifecycle';
import { authedRequest } from '../helpers/identities';
import type { ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const REGIONS: [string, number, number][] = [
  ['RU-MOS', ...TOWNS.podolsk],
  ['RU-TA', 55.7963, 49.1088],
  ['RU-SPE', 59.9386, 30.3141],
  ['RU-CHU', 64.7337, 177.5089],
  ['UA-40', 44.6167, 33.5254],
];
const CATEGORIES = ['housing.no-hot-water', 'transport.pothole', 'health.clinic-queue', undefined];

let clock = new Date('2026-11-16T09:00:00+03:00');
let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => clock });
});
afterAll(() => app.close());

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = async (query: ReturnType<typeof sql>) =>
  rowsOf<Record<string, unknown>>(await app.ctx.db.execute(query))
    .map((r) =>
      JSON.stringify(
        Object.fromEntries(
          // PostgreSQL gives counts as bigint (a BigInt or a digit string by driver); PGlite as numbers.
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'bigint' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : v,
          ]),
        ),
      ),
    )
    .sort();

const regionDaily = () =>
  rows(sql`select day::text as day, region_code, block_code, received, resolved, resolved_on_time
    from rollup_region_daily where received <> 0 or resolved <> 0 or resolved_on_time <> 0`);
const regionOpen = () =>
  rows(sql`select region_code, block_code, on_time, late, very_late from rollup_region_open
    where on_time <> 0 or late <> 0 or very_late <> 0`);

describe('region rollups', () => {
  it('equal direct counts of the complaints and events, and rebuildRollups reproduces them', async () => {
    const random = rng(7);
    const status = new Map<number, ComplaintStatus>();
    for (let round = 0; round < 8; round++) {
      const batch = Array.from({ length: 50 }, () => {
        const [region, lat, lon] = REGIONS[Math.floor(random() * REGIONS.length)]!;
        return aComplaint({
          region,
          lat: lat + (random() - 0.5) * 0.02,
          lon: lon + (random() - 0.5) * 0.02,
          category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
          block: undefined,
          receivedAt: new Date(clock.getTime() - random() * 5 * 24 * 3600_000).toISOString(),
        });
      });
      for (const r of await recordComplaints(app.ctx, batch))
        if (r.status === 'created') status.set(r.id!, intakeStatus(r));
      const moves = [...status.keys()]
        .filter(() => random() < 0.35)
        .map((id) => {
          const allowed = ALLOWED_TRANSITIONS[status.get(id)!];
          return transitionTo(id, allowed[Math.floor(random() * allowed.length)]!, clock.toISOString());
        });
      for (const r of await recordTransitions(app.ctx, moves))
        if (r.status === 'applied') status.set(r.complaintId, r.to);
      clock = new Date(clock.getTime() + (2 + random() * 30) * 3600_000);
      await advanceSlaClock(app.ctx);
    }

    const direct = await rows(sql`
      select day, region_code, block_code, sum(received) as received, sum(resolved) as resolved,
        sum(on_time) as resolved_on_time
      from (
        select (received_at at time zone 'Europe/Moscow')::date::text as day, region_code,
          coalesce(block_code, '') as block_code, 1 as received, 0 as resolved, 0 as on_time
        from complaints
        union all
        select (e.at at time zone 'Europe/Moscow')::date::text, c.region_code, coalesce(c.block_code, ''), 0, 1,
          case when e.at <= c.due_at then 1 else 0 end
        from complaint_events e join complaints c on c.id = e.complaint_id
        where e.type = 'status' and e.to_status = 'resolved') x
      group by 1, 2, 3`);
    const incremental = await regionDaily();
    expect(incremental).toEqual(direct);
    const directOpen = await rows(sql`
      select region_code, coalesce(block_code, '') as block_code,
        count(*) filter (where sla_state = 'on_time') as on_time, count(*) filter (where sla_state = 'late') as late,
        count(*) filter (where sla_state = 'very_late') as very_late
      from complaints where status in ('new', 'routed', 'in_progress', 'reopened') group by 1, 2`);
    const open = await regionOpen();
    expect(open).toEqual(directOpen);
    expect(new Set(open.map((r) => JSON.parse(r).region_code)).size).toBe(REGIONS.length);
    expect(open.some((r) => JSON.parse(r).late > 0)).toBe(true);
    expect(incremental.some((r) => JSON.parse(r).resolved > 0)).toBe(true);

    await rebuildRollups(app.ctx.db, clock);
    expect(await regionDaily()).toEqual(incremental);
    expect(await regionOpen()).toEqual(open);
  }, 180_000);

  it('GET /api/v1/regions lists all 85 regions with the rollup numbers and network totals', async () => {
    const reply = await getRegions(await authedRequest('http://t/api/v1/regions'));
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as FederalOverview;
    expect(body.regions).toHaveLength(85);
    expect(body.homeRegion).toBe('RU-MOS');
    expect(body.days).toHaveLength(7);
    const tatarstan = body.regions.find((r) => r.code === 'RU-TA')!;
    expect(tatarstan).toMatchObject({
      name: 'Республика Татарстан',
      capital: { name: 'Казань' },
      home: false,
    });
    expect(tatarstan.trend).toHaveLength(7);
    const [direct] = rowsOf<{ open: string | number; overdue: string | number }>(
      await app.ctx.db
        .execute(sql`select count(*) as open, count(*) filter (where sla_state <> 'on_time') as overdue
        from complaints where region_code = 'RU-TA' and status in ('new', 'routed', 'in_progress', 'reopened')`),
    );
    expect(tatarstan.open).toBe(Number(direct!.open));
    expect(tatarstan.overdue).toBe(Number(direct!.overdue));
    expect(tatarstan.lastDataAt).not.toBeNull();
    const silent = body.regions.find((r) => r.code === 'RU-NEN')!;
    expect(silent).toMatchObject({ today: 0, open: 0, lastDataAt: null, live: false, overdueShare: null });
    expect(body.totals.open).toBe(body.regions.reduce((s, r) => s + r.open, 0));
    expect(body.totals.regions).toBe(85);
    expect(body.totals.live + body.totals.silent).toBe(85);
  });

  it('GET /api/v1/regions/{code} gives the card, 404 for an unknown code and 400 for a malformed one', async () => {
    const params = (code: string) => ({ params: Promise.resolve({ code }) });
    const ok = await getRegion(await authedRequest('http://t/api/v1/regions/ru-ta'), params('ru-ta'));
    expect(ok.status).toBe(200);
    const card = (await ok.json()) as FederalRegionDetail;
    expect(card.region.code).toBe('RU-TA');
    expect(card.blocks.length).toBeGreaterThan(0);
    expect(card.latest.length).toBeGreaterThan(0);
    expect(card.latest.every((l) => typeof l.excerpt === 'string')).toBe(true);
    const missing = await getRegion(await authedRequest('http://t/api/v1/regions/RU-ZZZ'), params('RU-ZZZ'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorReply).error.errors![0]!.field).toBe('code');
    const bad = await getRegion(
      await authedRequest('http://t/api/v1/regions/tatarstan'),
      params('tatarstan'),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorReply).error.errors![0]!.field).toBe('code');
  });
});
