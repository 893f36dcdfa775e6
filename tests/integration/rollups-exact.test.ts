import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { classifyComplaint } from '@/lib/lifecycle/classify-complaint';
import { reclassifyComplaint } from '@/lib/lifecycle/reclassify-complaint';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { ALLOWED_TRANSITIONS, type ComplaintStatus } from '@/lib/domain/statuses';
import { PANEL_QUERIES } from '@/tests/support/raw-queries/panel-queries';
import { rebuildRollups } from '@/lib/rollups/rebuild-rollups';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo, intakeStatus } from '../helpers/lifecycle';
import { createTestApp, type TestApp } from '../helpers/test-context';

const ROLLUPS = [
  'rollup_hourly',
  'rollup_hourly_scope',
  'rollup_minute',
  'rollup_h3_hourly',
  'rollup_category_hourly',
  'rollup_open',
  'rollup_open_cells',
];
const CATEGORIES = [
  'housing.no-hot-water',
  'transport.pothole',
  'health.clinic-queue',
  'ecology.tko-overflow',
  'construction.long-term',
];
const SOURCES = ['dobrodel', 'incident', 'governor-hotline', 'call-112'];

let clock = new Date('2026-11-18T09:00:00+03:00');
let app: TestApp;

/** A deterministic PRNG, so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTS = ['n', 'resolved', 'on_time', 'late', 'very_late'];

/** A rollup's rows with any non-zero count, normalised for comparison. */
async function tableRows(table: string): Promise<string[]> {
  const rows = rowsOf<Record<string, unknown>>(await app.ctx.db.execute(sql.raw(`select * from ${table}`)));
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          COUNTS.includes(k) ? Number(v) : k === 'bucket' ? new Date(String(v)).toISOString() : v,
        ]),
      ),
    )
    .filter((r) => COUNTS.some((c) => (r[c] ?? 0) !== 0))
    .map((r) => JSON.stringify(r))
    .sort();
}

beforeAll(async () => {
  app = await createTestApp({ now: () => clock });
});
afterAll(() => app.close());

describe('incremental rollups', () => {
  it('equal counting the raw rows after random intake, status changes and SLA ticks', async () => {
    const random = rng(42);
    const towns = Object.values(TOWNS);
    const status = new Map<number, ComplaintStatus>();
    let placedByOperator = 0;
    let reclassified = 0;
    for (let round = 0; round < 12; round += 1) {
      const batch = Array.from({ length: 40 }, () => {
        const [lat, lon] = towns[Math.floor(random() * towns.length)]!;
        const noPoint = random() < 0.1;
        const bare = random() < 0.1;
        return aComplaint({
          source: SOURCES[Math.floor(random() * SOURCES.length)]!,
          // Half the bare messages say too little for the classifier and wait in the operator queue.
          ...(bare && random() < 0.5 ? { text: 'Здравствуйте, подскажите, куда обратиться' } : {}),
          category: bare ? undefined : CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
          block: undefined,
          lat: noPoint ? undefined : lat + (random() - 0.5) * 0.05,
          lon: noPoint ? undefined : lon + (random() - 0.5) * 0.05,
          receivedAt: new Date(clock.getTime() - random() * 6 * 24 * 3600_000).toISOString(),
        });
      });
      for (const r of await recordComplaints(app.ctx, batch))
        if (r.status === 'created') status.set(r.id!, intakeStatus(r));
      // An operator files half the queue, placing some in Balashikha (refused for one placed elsewhere).
      const queued = [...status].filter(([, s]) => s === 'new' && random() < 0.5).map(([id]) => id);
      for (const id of queued) {
        const decided = await classifyComplaint(app.ctx, {
          complaintId: id,
          category: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
          municipality: random() < 0.6 ? '46704000000' : undefined,
        });
        if (decided.status !== 'applied') continue;
        status.set(id, 'routed');
        if (decided.municipality === '46704000000') placedByOperator += 1;
      }
      // And corrects the category of a few: open ones never resolved move between blocks; others are refused.
      const wrong = [...status].filter(([, s]) => s !== 'new' && random() < 0.05).map(([id]) => id);
      for (const id of wrong) {
        const corrected = await reclassifyComplaint(app.ctx, {
          complaintId: id,
          category: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
        });
        if (corrected.status === 'applied') reclassified += 1;
      }
      const ids = [...status.keys()].filter(() => random() < 0.3);
      const moves = ids.map((id) => {
        const allowed = ALLOWED_TRANSITIONS[status.get(id)!];
        return transitionTo(id, allowed[Math.floor(random() * allowed.length)]!, clock.toISOString());
      });
      for (const r of await recordTransitions(app.ctx, moves))
        if (r.status === 'applied') status.set(r.complaintId, r.to);
      clock = new Date(clock.getTime() + (1 + random() * 20) * 3600_000);
      await advanceSlaClock(app.ctx);
    }

    for (const query of PANEL_QUERIES) {
      expect(await query.fromRollups(app.ctx.db, clock), query.name).toEqual(
        await query.fromRaw(app.ctx.db, clock),
      );
    }
    const incremental = await Promise.all(ROLLUPS.map(tableRows));
    await rebuildRollups(app.ctx.db, clock);
    const rebuilt = await Promise.all(ROLLUPS.map(tableRows));
    ROLLUPS.forEach((table, i) => expect(incremental[i], table).toEqual(rebuilt[i]));
    expect(incremental[5]!.length).toBeGreaterThan(0);
    expect(placedByOperator).toBeGreaterThan(0);
    expect(reclassified).toBeGreaterThan(0);
  });

  it('the SLA clock moves a complaint to late at its due time and to very late at 3× its deadline', async () => {
    clock = new Date('2026-12-01T10:00:00+03:00');
    const deadline = app.ctx.reference.categories.get('housing.no-hot-water')!.deadlineHours * 3600_000;
    const [created] = await recordComplaints(app.ctx, [aComplaint({ receivedAt: clock.toISOString() })]);
    const sla = async () =>
      rowsOf<{ sla_state: string }>(
        await app.ctx.db.execute(sql`select sla_state from complaints where id = ${created!.id}`),
      )[0]!.sla_state;
    let moved = 0;
    app.ctx.changes.subscribe((c) => (moved += c.slaMoved));

    clock = new Date(clock.getTime() + deadline - 1000);
    await advanceSlaClock(app.ctx);
    expect(await sla()).toBe('on_time');
    clock = new Date(clock.getTime() + 1000);
    await advanceSlaClock(app.ctx);
    expect(await sla()).toBe('late');
    clock = new Date(clock.getTime() + 2 * deadline);
    await advanceSlaClock(app.ctx);
    expect(await sla()).toBe('very_late');
    expect(moved).toBeGreaterThanOrEqual(2);
  });
});
