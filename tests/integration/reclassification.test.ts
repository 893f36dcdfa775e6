import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaintEvents, complaints, problems } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { computeDeadlines } from '@/lib/sla/deadline';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { api, type ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

const BALASHIKHA = '46704000000';

interface Applied {
  fromCategory: string;
  category: string;
  block: string;
  fromExecutor: string;
  executor: string;
  dueAt: string;
}

async function stored(overrides: Parameters<typeof aComplaint>[0] = {}) {
  const [created] = await recordComplaints(app.ctx, [aComplaint(overrides)]);
  expect(created).toMatchObject({ status: 'created', complaintStatus: 'routed' });
  return created!.id!;
}

const rowOf = async (id: number) =>
  (await app.ctx.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
const eventsOf = (id: number) =>
  app.ctx.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id));

describe('correcting the category of an open complaint', () => {
  it('moves it to the new block, deadlines, problem and executor, keeping its status', async () => {
    const receivedAt = new Date(Date.now() - 3 * 3600_000);
    const id = await stored({ receivedAt: receivedAt.toISOString(), text: 'Яма на дороге у дома 5' });
    await recordTransitions(app.ctx, [transitionTo(id, 'in_progress')]);
    const before = await rowOf(id);
    expect(before).toMatchObject({ categoryCode: 'housing.no-hot-water', status: 'in_progress' });
    const oldProblem = before.problemId!;

    const res = await api.postReclassification<Applied>(id, { category: 'construction.long-term' });
    expect(res.status).toBe(201);
    const { dueAt } = computeDeadlines(receivedAt, { hours: 192, workingDays: 8 });
    expect(res.body).toMatchObject({
      fromCategory: 'housing.no-hot-water',
      category: 'construction.long-term',
      block: 'construction',
      fromExecutor: before.executorCode,
      dueAt: dueAt.toISOString(),
    });
    expect(res.body.executor).not.toBe(before.executorCode);

    const after = await rowOf(id);
    expect(after).toMatchObject({
      status: 'in_progress',
      blockCode: 'construction',
      categoryCode: 'construction.long-term',
      classSource: 'operator',
      executorCode: res.body.executor,
      slaState: 'on_time',
    });
    expect(after.dueAt.toISOString()).toBe(dueAt.toISOString());
    expect(after.problemId).not.toBe(oldProblem);
    // Its old problem held only this complaint: it is gone, not left as an empty problem.
    expect(await app.ctx.db.select().from(problems).where(eq(problems.id, oldProblem))).toEqual([]);

    const events = await eventsOf(id);
    expect(events.find((e) => e.type === 'classified')).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      // The actor is the caller's identity (the suite's admin token), not anything the body says.
      actor: expect.stringMatching(/^user:t-admin-/),
      reason: 'construction.long-term',
      comment: 'was housing.no-hot-water',
    });
    expect(events.filter((e) => e.type === 'routed').at(-1)).toMatchObject({
      executorCode: res.body.executor,
      fromExecutorCode: before.executorCode,
    });
  });

  it('leaves a shared problem one complaint lighter and joins a problem of the new category', async () => {
    const [lat, lon] = TOWNS.balashikha;
    const near = { lat, lon, category: 'transport.pothole', text: 'Яма на дороге' };
    const first = await stored(near);
    const second = await stored({ ...near, lon: lon + 0.0002 });
    const third = await stored({
      lat,
      lon: lon + 0.0004,
      category: 'housing.yard-snow',
      text: 'Снег во дворе',
    });
    const shared = (await rowOf(first)).problemId!;
    expect((await rowOf(second)).problemId).toBe(shared);

    const res = await api.postReclassification<Applied>(second, {
      category: 'housing.yard-snow',
      comment: 'речь о снеге во дворе',
    });
    expect(res.status).toBe(201);
    expect((await eventsOf(second)).find((e) => e.type === 'classified')?.comment).toBe(
      'was transport.pothole: речь о снеге во дворе',
    );
    expect(res.body.executor).toBe(`adm-${BALASHIKHA}`);
    expect((await rowOf(second)).problemId).toBe((await rowOf(third)).problemId);
    const [left] = await app.ctx.db.select().from(problems).where(eq(problems.id, shared));
    expect(left).toMatchObject({ complaints: 1, openComplaints: 1 });

    // Every problem still counts exactly the complaints that point at it.
    const drift = rowsOf<{ id: number }>(
      await app.ctx.db.execute(sql`
        select p.id from problems p
        left join (select problem_id, count(*) as n,
                          count(*) filter (where status in ('new', 'routed', 'in_progress', 'reopened')) as o
                   from complaints where problem_id is not null group by problem_id) c on c.problem_id = p.id
        where p.complaints <> coalesce(c.n, 0) or p.open_complaints <> coalesce(c.o, 0)`),
    );
    expect(drift).toEqual([]);
  });

  it('refuses what it cannot correct, naming the field and changing nothing', async () => {
    const open = await stored();
    const unknown = await api.postReclassification<ErrorReply>(open, { category: 'housing.unicorns' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.errors!.map((e) => e.field)).toEqual(['category']);
    const empty = await api.postReclassification<ErrorReply>(open, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.errors!.map((e) => e.field)).toEqual(['category']);
    const same = await api.postReclassification<ErrorReply>(open, { category: 'housing.no-hot-water' });
    expect(same.status).toBe(409);

    const done = await stored();
    await recordTransitions(app.ctx, [transitionTo(done, 'in_progress'), transitionTo(done, 'resolved')]);
    const resolved = await api.postReclassification<ErrorReply>(done, { category: 'transport.pothole' });
    expect(resolved.status).toBe(409);
    expect(resolved.body.error.errors![0]!.message).toContain('"resolved"');

    const again = await stored();
    await recordTransitions(app.ctx, [
      transitionTo(again, 'in_progress'),
      transitionTo(again, 'resolved'),
      transitionTo(again, 'reopened'),
    ]);
    const reopened = await api.postReclassification<ErrorReply>(again, { category: 'transport.pothole' });
    expect(reopened.status).toBe(409);
    expect(reopened.body.error.errors![0]!.message).toContain('re-route it instead');

    const [queued] = await recordComplaints(app.ctx, [
      aComplaint({ category: undefined, text: 'Здравствуйте, подскажите пожалуйста' }),
    ]);
    const fromQueue = await api.postReclassification<ErrorReply>(queued!.id!, {
      category: 'transport.pothole',
    });
    expect(fromQueue.status).toBe(409);
    expect(fromQueue.body.error.errors![0]!.message).toContain('operator queue');
    expect(
      (await api.postReclassification<ErrorReply>(999_999_999, { category: 'transport.pothole' })).status,
    ).toBe(404);

    for (const id of [open, done, again, queued!.id!]) {
      expect((await eventsOf(id)).some((e) => e.type === 'classified')).toBe(false);
    }
    expect((await rowOf(open)).categoryCode).toBe('housing.no-hot-water');
  });
});
