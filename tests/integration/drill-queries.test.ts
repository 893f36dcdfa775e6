import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { getDrillPayload } from '@/lib/drill/get-drill-payload';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { getMunicipalityCategories } from '@/lib/drill/get-municipality-categories';
import { getMunicipalityComplaints } from '@/lib/drill/get-municipality-complaints';
import { getMunicipalityHourOfWeek } from '@/lib/drill/get-municipality-hour-of-week';
import { getMunicipalityOnTime } from '@/lib/drill/get-municipality-on-time';
import { getMunicipalityOpenCells } from '@/lib/drill/get-municipality-open-cells';
import { getMunicipalityOverdue } from '@/lib/drill/get-municipality-overdue';
import { getMunicipalityTrend } from '@/lib/drill/get-municipality-trend';
import { getWeekOverWeek } from '@/lib/queries/get-week-over-week';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { DAY_MS, floorHour, HOUR_MS, WEEK_MS } from '@/lib/domain/time-units';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { createTestApp, type TestApp } from '../helpers/test-context';
import { startOfMoscowWeek } from '@/lib/domain/moscow-time';

// Wednesday afternoon: this week and the last both have days behind them.
const NOW = new Date('2026-11-18T15:20:00+03:00');
const BALASHIKHA = '46704000000';
const OPEN = `status in ('new', 'routed', 'in_progress', 'reopened')`;
const CATEGORIES = ['housing.no-hot-water', 'housing.no-heating', 'ecology.air-smell', 'ecology.dump'];
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();

let app: TestApp;

/** count(*) of complaints straight from the table, never from a rollup. */
async function count(where: string): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(
    await app.ctx.db.execute(sql.raw(`select count(*) as n from complaints where ${where}`)),
  );
  return Number(rows[0]!.n);
}

const iso = (d: Date) => `'${d.toISOString()}'::timestamptz`;
const scopes = [
  { name: 'all blocks', scope: { municipality: BALASHIKHA }, where: `municipality_oktmo = '${BALASHIKHA}'` },
  {
    name: 'housing',
    scope: { municipality: BALASHIKHA, block: 'housing' },
    where: `municipality_oktmo = '${BALASHIKHA}' and block_code = 'housing'`,
  },
] as const;

beforeAll(async () => {
  app = await createTestApp({ now: () => NOW });
  const towns = Object.values(TOWNS);
  // Five weeks of history in five towns and four categories of three blocks, with a fixed spread of hours.
  const history = Array.from({ length: 700 }, (_, i) => {
    const [lat, lon] = towns[i % 3 === 0 ? 1 + (i % 4) : 0]!;
    return aComplaint({
      lat: lat + ((i % 7) - 3) * 0.004,
      lon: lon + ((i % 5) - 2) * 0.006,
      category: CATEGORIES[i % CATEGORIES.length],
      receivedAt: at(((i * 7919) % (35 * 24 * 60)) * 60_000 + 30_000),
    });
  });
  const created = await recordComplaints(app.ctx, history);
  const ids = created.filter((r) => r.status === 'created').map((r) => r.id!);
  expect(ids.length).toBeGreaterThan(650);
  // Some resolved today, some on time and some late, so the on-time share is neither 0 nor 1.
  await recordTransitions(
    app.ctx,
    ids.slice(0, 260).map((id) => transitionTo(id, 'in_progress', at(3 * HOUR_MS))),
  );
  await recordTransitions(
    app.ctx,
    ids.slice(0, 200).map((id) => transitionTo(id, 'resolved', at(2 * HOUR_MS))),
  );
  await advanceSlaClock(app.ctx);
}, 120_000);

afterAll(() => app.close());

describe.each(scopes)('drill-down queries ($name) equal direct counts', ({ scope, where }) => {
  it('trend: per Moscow day, the municipality and the region per 10,000 residents', async () => {
    const population = { municipality: 569_040, region: 0 };
    for (const m of app.ctx.reference.municipalities.values()) population.region += m.population;
    expect(app.ctx.reference.municipalities.get(BALASHIKHA)!.population).toBe(population.municipality);
    const trend = await getMunicipalityTrend(app.ctx.db, scope, NOW, population);
    expect(trend.days).toHaveLength(30);
    const blockOnly = 'block' in scope ? `and block_code = '${scope.block}'` : '';
    const day = `to_char(received_at at time zone 'Europe/Moscow', 'YYYY-MM-DD')`;
    let sum = 0;
    for (const d of trend.days) {
      const n = await count(`${where} and ${day} = '${d.date}'`);
      const region = await count(`municipality_oktmo is not null ${blockOnly} and ${day} = '${d.date}'`);
      expect(d.count, d.date).toBe(n);
      expect(d.per10k).toBeCloseTo((n * 10_000) / population.municipality, 9);
      expect(d.regionPer10k).toBeCloseTo((region * 10_000) / population.region, 9);
      sum += n;
    }
    expect(sum).toBeGreaterThan(0);
    expect(trend.per10k).toBeCloseTo((sum * 10_000) / population.municipality, 9);
  });

  it('hour of week: every Moscow weekday × hour of the last four whole weeks', async () => {
    const pattern = await getMunicipalityHourOfWeek(app.ctx.db, scope, NOW);
    const end = floorHour(NOW);
    const start = new Date(end.getTime() - 4 * WEEK_MS);
    const rows = rowsOf<{ dow: string | number; hour: string | number; n: string | number }>(
      await app.ctx.db.execute(
        sql.raw(`select extract(isodow from received_at at time zone 'Europe/Moscow') as dow,
          extract(hour from received_at at time zone 'Europe/Moscow') as hour, count(*) as n
          from complaints where ${where} and received_at >= ${iso(start)} and received_at < ${iso(end)}
          group by 1, 2`),
      ),
    );
    const expected = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (const r of rows) expected[Number(r.dow) - 1]![Number(r.hour)] = Number(r.n);
    expect(pattern.counts).toEqual(expected);
    expect(pattern.total).toBe(
      await count(`${where} and received_at >= ${iso(start)} and received_at < ${iso(end)}`),
    );
    expect(pattern.total).toBeGreaterThan(0);
    expect(pattern.max).toBe(Math.max(...expected.flat()));
  });

  it('week: this week to date against the same span of last week', async () => {
    const week = await getWeekOverWeek(app.ctx.db, scope, NOW);
    const weekStart = startOfMoscowWeek(NOW);
    const lastWeekStart = new Date(weekStart.getTime() - WEEK_MS);
    expect(week.thisWeekToDate).toBe(await count(`${where} and received_at >= ${iso(weekStart)}`));
    expect(week.lastWeekToDate).toBe(
      await count(
        `${where} and received_at >= ${iso(lastWeekStart)} and received_at <= ${iso(new Date(NOW.getTime() - WEEK_MS))}`,
      ),
    );
    const monday = week.days[0]!;
    expect(monday.lastWeek).toBe(
      await count(
        `${where} and received_at >= ${iso(lastWeekStart)} and received_at < ${iso(new Date(lastWeekStart.getTime() + DAY_MS))}`,
      ),
    );
  });

  it('top categories: this week per category', async () => {
    const top = await getMunicipalityCategories(app.ctx.db, scope, NOW);
    expect(top.length).toBeGreaterThan(0);
    const weekStart = startOfMoscowWeek(NOW);
    for (const c of top)
      expect(c.thisWeek, c.category).toBe(
        await count(`${where} and category_code = '${c.category}' and received_at >= ${iso(weekStart)}`),
      );
    const counts = top.map((c) => c.thisWeek);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('overdue: the backlog counts, the oldest list and the executors holding them', async () => {
    const overdue = await getMunicipalityOverdue(app.ctx.db, scope, NOW, app.ctx.reference.executors);
    const late = await count(`${where} and ${OPEN} and sla_state = 'late'`);
    const veryLate = await count(`${where} and ${OPEN} and sla_state = 'very_late'`);
    expect(late + veryLate).toBeGreaterThan(0);
    expect(overdue.late).toBe(late);
    expect(overdue.veryLate).toBe(veryLate);
    expect(overdue.breachNext24h).toBe(
      await count(
        `${where} and ${OPEN} and sla_state = 'on_time' and due_at > ${iso(NOW)} and due_at <= ${iso(new Date(NOW.getTime() + DAY_MS))}`,
      ),
    );
    expect(overdue.oldest.length).toBe(Math.min(12, late + veryLate));
    const dues = overdue.oldest.map((o) => o.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(overdue.oldest.every((o) => o.executor.length > 0 && o.municipality === BALASHIKHA)).toBe(true);
    const held = overdue.executors.reduce((s, e) => s + e.late + e.veryLate, 0);
    const executors = await count(`true`).then(async () =>
      rowsOf<{ n: string | number }>(
        await app.ctx.db.execute(
          sql.raw(
            `select count(distinct executor_code) as n from complaints where ${where} and ${OPEN} and sla_state <> 'on_time'`,
          ),
        ),
      ),
    );
    if (Number(executors[0]!.n) <= 6) expect(held).toBe(late + veryLate);
  });

  it('on-time share: resolutions by the due time over 30 days, and the region’s', async () => {
    const share = await getMunicipalityOnTime(app.ctx.db, scope, NOW);
    const resolved = await count(`${where} and resolved_at is not null`);
    const onTime = await count(`${where} and resolved_at is not null and resolved_at <= due_at`);
    expect(resolved).toBeGreaterThan(0);
    expect(share.resolved).toBe(resolved);
    expect(share.rate).toBeCloseTo(onTime / resolved, 9);
    const blockOnly = 'block' in scope ? `and block_code = '${scope.block}'` : '';
    const regionResolved = await count(
      `municipality_oktmo is not null ${blockOnly} and resolved_at is not null`,
    );
    const regionOnTime = await count(
      `municipality_oktmo is not null ${blockOnly} and resolved_at is not null and resolved_at <= due_at`,
    );
    expect(share.regionRate).toBeCloseTo(regionOnTime / regionResolved, 9);
  });

  it('open cells: open complaints per fine cell, overdue at this moment', async () => {
    const cells = await getMunicipalityOpenCells(app.ctx.db, scope, NOW);
    expect(cells.reduce((s, c) => s + c.open, 0)).toBe(
      await count(`${where} and ${OPEN} and h3_fine is not null`),
    );
    expect(cells.reduce((s, c) => s + c.overdue, 0)).toBe(
      await count(`${where} and ${OPEN} and h3_fine is not null and due_at <= ${iso(NOW)}`),
    );
    const top = cells[0]!;
    expect(top.open).toBe(await count(`${where} and ${OPEN} and h3_fine = '${top.h3}'`));
  });

  it('bbox: the open complaints inside the view, most overdue first, capped', async () => {
    const [lat, lon] = TOWNS.balashikha;
    const bbox: [number, number, number, number] = [lon - 0.006, lat - 0.006, lon + 0.013, lat + 0.013];
    const inBox = `lat between ${bbox[1]} and ${bbox[3]} and lon between ${bbox[0]} and ${bbox[2]}`;
    const expected = await count(`${where} and ${OPEN} and ${inBox}`);
    expect(expected).toBeGreaterThan(3);
    const all = await getMunicipalityComplaints(app.ctx.db, scope, bbox, NOW);
    expect(all.truncated).toBe(false);
    expect(all.complaints).toHaveLength(expected);
    for (const c of all.complaints) {
      expect(c.lat).toBeGreaterThanOrEqual(bbox[1]);
      expect(c.lon).toBeLessThanOrEqual(bbox[2]);
      expect(c.overdue).toBe(Date.parse(c.dueAt) <= NOW.getTime());
      expect(c.excerpt).not.toBe('');
    }
    const capped = await getMunicipalityComplaints(app.ctx.db, scope, bbox, NOW, 3);
    expect(capped.truncated).toBe(true);
    expect(capped.complaints.map((c) => c.id)).toEqual(all.complaints.slice(0, 3).map((c) => c.id));
  });
});

describe('the drill payload', () => {
  it('assembles every part for the municipality and the block', async () => {
    const payload = await getDrillPayload(app.ctx, BALASHIKHA, 'housing', NOW);
    expect(payload.municipality).toMatchObject({
      oktmo: BALASHIKHA,
      shortName: 'Балашиха',
      population: 569_040,
    });
    expect(payload.block).toBe('housing');
    expect(payload.asOf).toBe(NOW.toISOString());
    expect(payload.trend.days).toHaveLength(30);
    expect(payload.hourOfWeek.counts).toHaveLength(7);
    expect(payload.topCategories.every((c) => c.category.startsWith('housing.'))).toBe(true);
    expect(payload.cells.length).toBeGreaterThan(0);
  });
});
