import { and, eq, isNull, like, lt } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintEvents, complaints } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { listProgressableComplaints } from '@/lib/simulator/list-progressable-complaints';
import { createComplaintFactory } from '@/lib/simulator/generator';
import { createPlacer, loadTowns } from '@/lib/simulator/geography';
import { createLiveLoop } from '@/lib/simulator/live';
import { createSimulatedOperator, OPERATOR_MAX_WAIT_MS, SIMULATED_OPERATOR } from '@/lib/simulator/operator';
import { createRng } from '@/lib/simulator/random';
import { aComplaint } from '../helpers/complaint-factory';
import { createTestApp, type TestApp } from '../helpers/test-context';

const NOON = new Date('2026-11-18T12:00:00+03:00'); // a Wednesday: the daily rhythm is near its top
const MINUTE = 60_000;

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function queued(externalId: string, text: string) {
  const [result] = await recordComplaints(app!.ctx, [
    aComplaint({
      externalId,
      source: 'incident',
      receivedAt: new Date(NOON.getTime() - MINUTE).toISOString(),
      category: undefined,
      text,
      lat: undefined,
      lon: undefined,
    }),
  ]);
  // The premise: the classifier was not sure, so the message waits for a person.
  expect(result).toMatchObject({ status: 'created', complaintStatus: 'new' });
  return result!.id!;
}

async function rowOf(id: number) {
  const [row] = await app!.ctx.db.select().from(complaints).where(eq(complaints.id, id));
  return row!;
}

describe('simulated operator', () => {
  it('files a remembered message under its category and rejects an empty one, only after its wait', async () => {
    let now = NOON;
    app = await createTestApp({ now: () => now });
    const operator = createSimulatedOperator(app.ctx);
    const filed = await queued('sim-op-1', 'Разберитесь уже наконец, сил больше нет терпеть такое');
    const empty = await queued('sim-op-2', 'Когда это всё закончится? Третий раз пишу.');
    const stranger = await queued('other-1', 'Когда это всё закончится? Пишу снова.');
    operator.remember('sim-op-1', 'housing.no-hot-water');
    operator.remember('sim-op-2', null);

    const open = () => listProgressableComplaints(app!.ctx.db, { limit: 100 });
    now = new Date(NOON.getTime() + 2 * MINUTE);
    expect(await operator.work(await open(), now)).toBe(0);

    now = new Date(NOON.getTime() + OPERATOR_MAX_WAIT_MS + MINUTE);
    expect(await operator.work(await open(), now)).toBe(2);
    expect(await rowOf(filed)).toMatchObject({
      status: 'routed',
      categoryCode: 'housing.no-hot-water',
      blockCode: 'housing',
    });
    expect(await rowOf(empty)).toMatchObject({ status: 'rejected' });
    const [rejection] = await app.ctx.db
      .select()
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, empty), eq(complaintEvents.toStatus, 'rejected')));
    expect(rejection).toMatchObject({ actor: SIMULATED_OPERATOR, reason: 'insufficient_data' });
    // Not its own message: left for a person at /triage.
    expect(await rowOf(stranger)).toMatchObject({ status: 'new', categoryCode: null });
    expect(operator.remembered).toBe(0);
    // Decided once: a second pass finds nothing to do.
    expect(await operator.work(await open(), now)).toBe(0);
  });

  it('the live stream sends some bare posts that intake classifies, locates or queues, and the queue drains', async () => {
    // A running clock that can be moved forward: the loop draws arrivals for the time since its last tick.
    const started = Date.now();
    let shift = 0;
    app = await createTestApp({ now: () => new Date(NOON.getTime() + shift + (Date.now() - started)) });
    const { ctx } = app;
    const placer = createPlacer([...ctx.reference.municipalities.values()], loadTowns(), ctx.locator);
    const factory = createComplaintFactory({
      categories: [...ctx.reference.categories.values()],
      sourceCodes: [...ctx.reference.sources.keys()],
      placer,
      idPrefix: 'sim-t',
    });
    const loop = createLiveLoop(
      ctx,
      factory,
      placer,
      createRng(7),
      new Set(ctx.reference.categories.keys()),
      {
        model: { ratePerSecond: 400, incidentsPerDay: 0, seed: 7 },
        externalIdPrefix: 'sim-',
        tickMs: 100,
        progressMs: 200,
        unlabelled: true,
      },
    );
    const sim = like(complaints.externalId, 'sim-t%');
    loop.start();
    await expect
      .poll(async () => (await ctx.db.select().from(complaints).where(sim)).length, { timeout: 20_000 })
      .toBeGreaterThan(1500);
    await loop.stop();

    const rows = await ctx.db.select().from(complaints).where(sim);
    const bySource = (s: string) => rows.filter((r) => r.sourceCode === s);
    const bare = rows.filter((r) => r.classSource !== 'source');
    // Only social posts and hotline transcripts arrive without a rubric; the portal's never do.
    expect(bySource('dobrodel').every((r) => r.classSource === 'source')).toBe(true);
    expect(bare.every((r) => r.sourceCode === 'incident' || r.sourceCode === 'governor-hotline')).toBe(true);
    expect(bare.length).toBeGreaterThan(rows.length * 0.04);
    expect(bare.length).toBeLessThan(rows.length * 0.2);
    expect(bare.filter((r) => r.classSource === 'classifier').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.placeSource === 'text').length).toBeGreaterThan(0);
    const jump = ctx.now();
    const waiting = and(
      sim,
      isNull(complaints.categoryCode),
      eq(complaints.status, 'new'),
      lt(complaints.receivedAt, jump),
    );
    expect((await ctx.db.select().from(complaints).where(waiting)).length).toBeGreaterThan(0);

    // Half an hour later the simulated shift has decided every message it sent before.
    shift = OPERATOR_MAX_WAIT_MS + 5 * MINUTE;
    loop.start();
    await expect
      .poll(async () => (await ctx.db.select().from(complaints).where(waiting)).length, { timeout: 20_000 })
      .toBe(0);
    await loop.stop();
    const decided = await ctx.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.actor, SIMULATED_OPERATOR));
    expect(decided.length).toBeGreaterThan(0);
  }, 60_000);
});
