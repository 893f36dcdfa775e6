import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { getBriefing } from '@/lib/briefing/get-briefing';
import type { Briefing } from '@/lib/briefing/types';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import type { ComplaintStatus } from '@/lib/domain/statuses';
import { reconstructBacklogHistory } from '@/lib/rollups/backlog-history';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { intakeStatus, transitionTo } from '../helpers/lifecycle';
import { createTestApp, type TestApp } from '../helpers/test-context';

/**
 * Every figure of the briefing against a direct count over complaints, complaint_events and problems for the
 * same Moscow week boundaries. Two weeks of complaints and lifecycle steps go through the real intake and
 * transition writers with fixed timestamps, some of them on the very edges of the weeks.
 */

const HOUR = 3_600_000;
const W46 = new Date('2026-11-09T00:00:00+03:00');
const W47 = new Date('2026-11-16T00:00:00+03:00');
const W48 = new Date('2026-11-23T00:00:00+03:00');
const NOW = new Date('2026-11-23T10:30:00+03:00');
const CATEGORIES = [
  'housing.no-hot-water',
  'transport.pothole',
  'health.clinic-queue',
  'ecology.dump',
  'social.benefits',
];
const HOME = sql.raw(`region_code = 'RU-MOS'`);

let app: TestApp;
let briefing: Briefing;
const iso = (d: Date) => d.toISOString();

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await app.ctx.db.execute(query));
  return Number(row?.n ?? 0);
}

/** Complaints received in [start, start + hours·count), spread one per `stepHours`. */
function batch(start: Date, n: number, stepHours: number, town: readonly [number, number], category: string) {
  return Array.from({ length: n }, (_, i) =>
    aComplaint({
      lat: town[0] + (i % 3) * 0.0005,
      lon: town[1],
      category,
      receivedAt: iso(new Date(start.getTime() + i * stepHours * HOUR)),
    }),
  );
}

beforeAll(async () => {
  app = await createTestApp({ now: () => NOW });
  const items = [
    // Week 46: a steady background in five towns.
    ...batch(new Date(W46.getTime() + 2 * HOUR), 40, 4, TOWNS.balashikha, CATEGORIES[0]!),
    ...batch(new Date(W46.getTime() + 5 * HOUR), 24, 6, TOWNS.podolsk, CATEGORIES[1]!),
    ...batch(new Date(W46.getTime() + 7 * HOUR), 10, 15, TOWNS.mytishchi, CATEGORIES[2]!),
    ...batch(new Date(W46.getTime() + 9 * HOUR), 2, 30, TOWNS.kolomna, CATEGORIES[3]!),
    // The edges: the last second of week 46 and the first instant of week 47 (Moscow midnight).
    aComplaint({ receivedAt: iso(new Date(W47.getTime() - 1000)), category: CATEGORIES[4]! }),
    aComplaint({ receivedAt: iso(W47), category: CATEGORIES[4]! }),
    // Week 47: Podolsk grows, Balashikha falls, a burst in Kolomna (a tension point), a few more elsewhere.
    ...batch(new Date(W47.getTime() + 3 * HOUR), 32, 5, TOWNS.balashikha, CATEGORIES[0]!),
    ...batch(new Date(W47.getTime() + 4 * HOUR), 45, 3, TOWNS.podolsk, CATEGORIES[1]!),
    ...batch(new Date(W47.getTime() + 50 * HOUR), 16, 0.5, TOWNS.kolomna, CATEGORIES[3]!),
    ...batch(new Date(W47.getTime() + 6 * HOUR), 8, 19, TOWNS.sergievPosad, CATEGORIES[2]!),
    aComplaint({ receivedAt: iso(new Date(W48.getTime() - 1000)), category: CATEGORIES[4]! }),
    // The week under way: not part of week 47.
    aComplaint({ receivedAt: iso(new Date(W48.getTime() + HOUR)), category: CATEGORIES[4]! }),
    // Another region's center (the federal view shares the tables): never part of this briefing.
    ...Array.from({ length: 7 }, (_, i) =>
      aComplaint({
        region: 'RU-SPE',
        lat: undefined,
        lon: undefined,
        text: 'Яма на дороге у дома',
        category: CATEGORIES[1]!,
        receivedAt: iso(new Date(W47.getTime() + (10 + i) * HOUR)),
      }),
    ),
  ];
  const created = (await recordComplaints(app.ctx, items)).filter((r) => r.status === 'created');
  expect(created).toHaveLength(items.length);

  // Lifecycle: a deterministic mix of on-time and late resolutions, reopens, votes and rejections.
  const status = new Map<number, ComplaintStatus>(created.map((r) => [r.id!, intakeStatus(r)]));
  const received = new Map(created.map((r, i) => [r.id!, new Date(items[i]!.receivedAt).getTime()]));
  const ids = [...status.keys()];
  const step = async (id: number, to: ComplaintStatus, at: number): Promise<void> => {
    // Another region's complaint stays `new` on intake (no executor of ours): it is taken in work first.
    if (to === 'resolved' && status.get(id) === 'new') await step(id, 'in_progress', at - 60_000);
    const [r] = await recordTransitions(app.ctx, [transitionTo(id, to, iso(new Date(at)))]);
    expect(r?.status, `${id} → ${to}`).toBe('applied');
    status.set(id, to);
  };
  for (const [i, id] of ids.entries()) {
    const t0 = received.get(id)!;
    if (t0 >= W48.getTime()) continue;
    const kind = i % 7;
    if (kind === 0) await step(id, 'resolved', t0 + 3 * HOUR);
    if (kind === 1)
      await step(id, 'resolved', t0 + 10 * 24 * HOUR > NOW.getTime() ? t0 + 30 * HOUR : t0 + 10 * 24 * HOUR);
    if (kind === 2) {
      await step(id, 'resolved', t0 + 2 * HOUR);
      await step(id, 'reopened', t0 + 30 * HOUR);
    }
    if (kind === 3) await step(id, 'on_vote', t0 + 20 * HOUR);
    if (kind === 4) await step(id, 'rejected', t0 + HOUR);
    if (kind === 5) await step(id, 'in_progress', t0 + 5 * HOUR);
  }
  // The hourly backlog record, as the simulator replays it after a bulk load.
  await reconstructBacklogHistory(app.ctx.db, new Date(W46.getTime() - 7 * 24 * HOUR), NOW);
  briefing = await getBriefing(app.ctx, { year: 2026, week: 47 });
}, 120_000);
afterAll(() => app.close());

const spans = () => [
  { key: 'current' as const, start: W47, end: W48 },
  { key: 'previous' as const, start: W46, end: W47 },
];

describe('the briefing of 2026-W47 equals direct counts', () => {
  it('addresses the Moscow week and the one before', () => {
    expect(briefing.week).toMatchObject({ id: '2026-W47', start: iso(W47), end: iso(W48), complete: true });
    expect(briefing.week.label).toBe('16–22 ноября 2026');
    expect(briefing.previousWeek).toMatchObject({ id: '2026-W46', start: iso(W46), end: iso(W47) });
  });

  it('leaves other regions out (the test data has them in the same week)', async () => {
    const foreign =
      await count(sql`select count(*) as n from complaint_events e join complaints c on c.id = e.complaint_id
      where c.region_code <> 'RU-MOS' and e.type = 'status' and e.to_status in ('resolved', 'on_vote')
        and e.at >= ${iso(W47)}::timestamptz and e.at < ${iso(W48)}::timestamptz`);
    expect(foreign).toBeGreaterThan(0);
  });

  it('complaints received, in total and by block', async () => {
    for (const { key, start, end } of spans()) {
      const within = sql`received_at >= ${iso(start)}::timestamptz and received_at < ${iso(end)}::timestamptz and ${HOME}`;
      expect(briefing.headline.received[key]).toBe(
        await count(sql`select count(*) as n from complaints where ${within}`),
      );
      const byBlock = rowsOf<{ block_code: string; n: string | number }>(
        await app.ctx.db.execute(
          sql`select block_code, count(*) as n from complaints where ${within} group by 1`,
        ),
      );
      for (const block of briefing.blocks)
        expect(block[key], `${key} ${block.code}`).toBe(
          Number(byBlock.find((r) => r.block_code === block.code)?.n ?? 0),
        );
    }
    expect(briefing.headline.received.current).toBeGreaterThan(100);
    const housing = briefing.blocks.find((b) => b.code === 'housing')!;
    expect(housing.changePct).toBe(
      Math.round(((housing.current - housing.previous) / housing.previous) * 100),
    );
  });

  it('resolutions, on-time share, reopens, photo proof and votes', async () => {
    for (const { key, start, end } of spans()) {
      const within = sql`e.at >= ${iso(start)}::timestamptz and e.at < ${iso(end)}::timestamptz
        and exists (select 1 from complaints c where c.id = e.complaint_id and c.${HOME})`;
      const resolved = await count(sql`select count(*) as n from complaint_events e
        where e.type = 'status' and e.to_status = 'resolved' and ${within}`);
      const onTime =
        await count(sql`select count(*) as n from complaint_events e join complaints c on c.id = e.complaint_id
        where e.type = 'status' and e.to_status = 'resolved' and e.at <= c.due_at and ${within}`);
      const withPhotos = await count(sql`select count(*) as n from complaint_events e
        where e.type = 'status' and e.to_status = 'resolved' and cardinality(e.photo_urls) > 0 and ${within}`);
      const reopened = await count(sql`select count(*) as n from complaint_events e
        where e.type = 'status' and e.to_status = 'reopened' and e.from_status in ('resolved', 'closed') and ${within}`);
      const voted = await count(sql`select count(*) as n from complaint_events e
        where e.type = 'status' and e.to_status = 'on_vote' and ${within}`);
      expect(resolved, key).toBeGreaterThan(0);
      expect(briefing.headline.resolved[key]).toBe(resolved);
      expect(briefing.fixed.resolved[key]).toBe(resolved);
      expect(briefing.headline.onTime[key]).toEqual({
        resolved,
        resolvedOnTime: onTime,
        share: onTime / resolved,
      });
      expect(briefing.fixed.withPhotos[key]).toBe(withPhotos);
      expect(briefing.fixed.resolutions[key]).toBe(resolved);
      expect(briefing.headline.reopened[key]).toBe(reopened);
      // Every category of this test is outside the vote-eligible list: each vote is counted as a breach.
      expect(briefing.votes.count[key]).toBe(0);
      if (key === 'current') expect(briefing.votes.notEligible.count).toBe(voted);
    }
    expect(briefing.headline.onTime.current.share).toBeGreaterThan(0);
    expect(briefing.headline.onTime.current.share).toBeLessThan(1);
    expect(briefing.headline.reopened.current).toBeGreaterThan(0);
    expect(briefing.votes.items).toEqual([]);
    expect(briefing.votes.notEligible.count).toBeGreaterThan(0);
    expect(briefing.fixed.examples.length).toBeGreaterThan(0);
    for (const ex of briefing.fixed.examples) {
      expect(ex.photoCount).toBeGreaterThan(0);
      expect(ex.answer.length).toBeGreaterThan(0);
      // The test photos live on example.org: never shown as images.
      expect(ex.photoUrl).toBeNull();
    }
  });

  it('new problems and the problems the week fed', async () => {
    for (const { key, start, end } of spans()) {
      expect(briefing.headline.newProblems[key]).toBe(
        await count(sql`select count(*) as n from problems
          where first_at >= ${iso(start)}::timestamptz and first_at < ${iso(end)}::timestamptz`),
      );
      expect(briefing.headline.problemsTouched[key]).toBe(
        await count(sql`select count(distinct problem_id) as n from complaints
          where received_at >= ${iso(start)}::timestamptz and received_at < ${iso(end)}::timestamptz and ${HOME}`),
      );
    }
    // The top problems are category × municipality lines of the week, counted straight from the complaints.
    const top = briefing.problems.flatMap((b) => b.problems);
    expect(top.length).toBeGreaterThan(0);
    expect(new Set(top.map((p) => p.key)).size).toBe(top.length);
    for (const p of top) {
      const of = sql`category_code = ${p.category} and municipality_oktmo = ${p.municipality} and ${HOME}`;
      const n = (start: Date, end: Date) =>
        count(sql`select count(*) as n from complaints where ${of}
          and received_at >= ${iso(start)}::timestamptz and received_at < ${iso(end)}::timestamptz`);
      expect(p.current).toBe(await n(W47, W48));
      expect(p.previous).toBe(await n(W46, W47));
      expect(p.open).toBe(
        await count(sql`select count(*) as n from complaints where ${of}
          and received_at >= ${iso(W47)}::timestamptz and received_at < ${iso(W48)}::timestamptz
          and status in ('new', 'routed', 'in_progress', 'reopened')`),
      );
      // A solved handful is routine work, never a top problem.
      expect(p.open > 0 || p.current > 3, p.key).toBe(true);
    }
  });

  it('overdue and open at the end of each week, replayed from the event history', async () => {
    for (const { key, end } of spans()) {
      const [row] = rowsOf<{ open: string | number; overdue: string | number }>(
        await app.ctx.db.execute(sql`
          select count(*) as open, count(*) filter (where c.due_at <= ${iso(end)}::timestamptz) as overdue
          from (select distinct on (complaint_id) complaint_id, to_status from complaint_events
                where at <= ${iso(end)}::timestamptz order by complaint_id, at desc, id desc) last
          join complaints c on c.id = last.complaint_id
          where last.to_status in ('new', 'routed', 'in_progress', 'reopened') and c.${HOME}`),
      );
      expect(briefing.headline.openAtEnd[key]).toBe(Number(row!.open));
      expect(briefing.headline.overdueAtEnd[key]).toBe(Number(row!.overdue));
    }
    expect(briefing.headline.overdueAtEnd.current).toBeGreaterThan(0);
  });

  it('ranks municipalities per 10,000 residents above the minimum count', async () => {
    const rows = rowsOf<{ oktmo: string; n: string | number; population: string | number }>(
      await app.ctx.db.execute(sql`
        select c.municipality_oktmo as oktmo, count(*) as n, m.population
        from complaints c join municipalities m on m.oktmo = c.municipality_oktmo
        where c.received_at >= ${iso(W47)}::timestamptz and c.received_at < ${iso(W48)}::timestamptz and c.${HOME}
        group by 1, 3 having count(*) >= ${briefing.municipalities.minCount}`),
    );
    const expected = rows
      .map((r) => ({ oktmo: r.oktmo, per10k: (Number(r.n) * 10_000) / Number(r.population) }))
      .sort((a, b) => b.per10k - a.per10k);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const ranked = briefing.municipalities.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.oktmo)).toEqual(expected.map((r) => r.oktmo));
    ranked.forEach((r, i) => expect(r.per10k.current).toBeCloseTo(expected[i]!.per10k, 9));
    expect(briefing.municipalities.lagging).toEqual(expected.slice(0, 8).map((r) => r.oktmo));
    // Balashikha fell from 40 to 32 complaints with both weeks above the minimum: the one that improved.
    expect(briefing.municipalities.improved).toEqual(['46704000000']);
  });

  it('has no incidents where the detector found none (the table is the one source of the incidents slide)', () => {
    expect(briefing.tension.incidents).toEqual([]);
    expect(briefing.problems.flatMap((b) => b.problems).every((p) => p.incident === null)).toBe(true);
  });
});
