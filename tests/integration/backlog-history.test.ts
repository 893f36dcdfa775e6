import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { ALLOWED_TRANSITIONS, type ComplaintStatus } from '@/lib/domain/statuses';
import { getSummary } from '@/lib/queries/get-summary';
import { getSummaryRaw } from '@/tests/support/raw-queries/get-summary-raw';
import { reconstructBacklogHistory, recordBacklogHour } from '@/lib/rollups/backlog-history';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo, intakeStatus } from '../helpers/lifecycle';
import { createTestApp, type TestApp } from '../helpers/test-context';

const HOUR = 3_600_000;
const START = new Date('2026-11-02T06:00:00+03:00');
let clock = START;
let app: TestApp;

async function recorded(): Promise<string[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await app.ctx.db.execute(sql`select municipality_oktmo, block_code, bucket, on_time, late, very_late
      from rollup_open_hourly where on_time + late + very_late > 0 or municipality_oktmo = '*' and block_code = '*'`),
  );
  return rows
    .map((r) =>
      [
        r.municipality_oktmo,
        r.block_code,
        new Date(String(r.bucket)).toISOString(),
        r.on_time,
        r.late,
        r.very_late,
      ]
        .map(String)
        .join('|'),
    )
    .sort();
}

beforeAll(async () => {
  app = await createTestApp({ now: () => clock });
});
afterAll(() => app.close());

describe('the hourly backlog record', () => {
  it('taken live each hour equals the one replayed from the event history, and answers "a week ago"', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const towns = Object.values(TOWNS);
    const status = new Map<number, ComplaintStatus>();
    // Two days of hours: complaints arrive, move on, go overdue; the record is taken at each hour's start.
    for (let hour = 0; hour < 48; hour += 1) {
      clock = new Date(START.getTime() + hour * HOUR);
      await advanceSlaClock(app.ctx);
      await recordBacklogHour(app.ctx);
      const batch = Array.from({ length: 6 }, (_, i) => {
        const [lat, lon] = towns[(hour + i) % towns.length]!;
        const category = ['housing.no-hot-water', 'transport.pothole', 'health.clinic-queue'][i % 3]!;
        return aComplaint({
          lat,
          lon,
          category,
          receivedAt: new Date(clock.getTime() + (i + 1) * 60_000).toISOString(),
        });
      });
      clock = new Date(clock.getTime() + 30 * 60_000);
      for (const r of await recordComplaints(app.ctx, batch))
        if (r.status === 'created') status.set(r.id!, intakeStatus(r));
      const moves = [...status.keys()]
        .filter(() => random() < 0.15)
        .map((id) => {
          const allowed = ALLOWED_TRANSITIONS[status.get(id)!];
          return transitionTo(id, allowed[Math.floor(random() * allowed.length)]!, clock.toISOString());
        });
      for (const r of await recordTransitions(app.ctx, moves))
        if (r.status === 'applied') status.set(r.complaintId, r.to);
    }

    const live = await recorded();
    await app.ctx.db.execute(sql`delete from rollup_open_hourly`);
    await reconstructBacklogHistory(app.ctx.db, START, new Date(START.getTime() + 47 * HOUR));
    expect(await recorded()).toEqual(live);
    // The history has complaints that went late within the two days, so the comparison covers punctuality.
    expect(live.some((r) => Number(r.split('|')[4]) > 0)).toBe(true);

    // A week after hour 40, "open a week ago" is that hour's record and equals the replayed event history.
    clock = new Date(START.getTime() + 40 * HOUR + 7 * 24 * HOUR + 20 * 60_000);
    for (const scope of [{}, { block: 'housing' }, { municipality: '46704000000' }]) {
      const [fromRecord, fromEvents] = await Promise.all([
        getSummary(app.ctx.db, scope, clock),
        getSummaryRaw(app.ctx.db, scope, clock),
      ]);
      expect(fromRecord.weekAgo, JSON.stringify(scope)).toEqual(fromEvents.weekAgo);
    }
    const region = await getSummary(app.ctx.db, {}, clock);
    expect(region.weekAgo.open).toBeGreaterThan(0);
    expect(region.weekAgo.overdue).toBeGreaterThan(0);
    // An hour never recorded is unknown, not zero.
    clock = new Date(START.getTime() + 60 * 24 * HOUR);
    expect((await getSummary(app.ctx.db, {}, clock)).weekAgo.open).toBeNull();
  });
});
