import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaintEvents, complaints, rollupExecutorDaily } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { ALLOWED_TRANSITIONS, COMPLAINT_STATUSES, type ComplaintStatus } from '@/lib/domain/statuses';
import { aComplaint } from '../helpers/complaint-factory';
import { PROOF, transitionTo } from '../helpers/lifecycle';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

/** A message no classifier can place: it stays `new` in the operator queue. */
const VAGUE = { category: undefined, text: 'Здравствуйте, подскажите пожалуйста' } as const;

/** Steps from `routed` that bring a complaint to each status. */
const PATH: Record<ComplaintStatus, ComplaintStatus[]> = {
  new: [],
  routed: [],
  in_progress: ['in_progress'],
  resolved: ['in_progress', 'resolved'],
  closed: ['in_progress', 'resolved', 'closed'],
  reopened: ['in_progress', 'resolved', 'reopened'],
  rejected: ['rejected'],
  on_vote: ['on_vote'],
};

async function complaintsIn(status: ComplaintStatus, n: number): Promise<number[]> {
  const items = Array.from({ length: n }, () => aComplaint(status === 'new' ? VAGUE : {}));
  const created = await recordComplaints(app.ctx, items);
  const ids = created.map((r) => r.id!);
  for (const r of created) expect(r.complaintStatus).toBe(status === 'new' ? 'new' : 'routed');
  for (const step of PATH[status]) {
    const results = await recordTransitions(
      app.ctx,
      ids.map((id) => transitionTo(id, step)),
    );
    expect(results.every((r) => r.status === 'applied')).toBe(true);
  }
  return ids;
}

const eventsOf = async (id: number) =>
  app.ctx.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id));

describe('the transition table', () => {
  it('applies exactly the allowed transitions from every status and refuses the rest without a trace', async () => {
    for (const from of COMPLAINT_STATUSES) {
      const ids = await complaintsIn(from, COMPLAINT_STATUSES.length);
      const before = await Promise.all(ids.map(async (id) => (await eventsOf(id)).length));
      const results = await recordTransitions(
        app.ctx,
        COMPLAINT_STATUSES.map((to, i) => transitionTo(ids[i]!, to)),
      );
      for (const [i, to] of COMPLAINT_STATUSES.entries()) {
        const allowed = ALLOWED_TRANSITIONS[from].includes(to);
        // A complaint still without a category has no executor: only a rejection can follow from the queue.
        const expected = from === 'new' ? to === 'rejected' : allowed;
        const result = results[i]!;
        expect(result.status, `${from} → ${to}`).toBe(expected ? 'applied' : 'rejected');
        const after = (await eventsOf(ids[i]!)).length;
        expect(after, `${from} → ${to} events`).toBe(before[i]! + (expected ? 1 : 0));
        if (!expected && result.status === 'rejected') expect(result.code).toBe('illegal');
      }
    }
  });
});

describe('proof and reasons', () => {
  it('refuses a resolution without a photo or an answer and a rejection without a reason, naming the field', async () => {
    const [id] = await complaintsIn('in_progress', 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'resolved', answer: PROOF.answer }, 'photoUrls'],
      [{ status: 'resolved', photoUrls: [...PROOF.photoUrls] }, 'answer'],
      [{ status: 'resolved', photoUrls: [], answer: PROOF.answer }, 'photoUrls'],
      [{ status: 'resolved', photoUrls: ['ftp://x/y.jpg'], answer: PROOF.answer }, 'photoUrls.0'],
      [{ status: 'rejected' }, 'reason'],
      [{ status: 'rejected', reason: 'boring' }, 'reason'],
      [{ status: 'on_vote', photoUrls: [...PROOF.photoUrls] }, 'photoUrls'],
    ];
    for (const [body, field] of cases) {
      const res = await api.postEvent<ErrorReply>(id!, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.errors!.map((e) => e.field)).toContain(field);
    }
    expect(await eventsOf(id!)).toHaveLength(3);
    const ok = await api.postEvent(id!, { status: 'resolved', ...PROOF });
    expect(ok.status).toBe(201);
    const [stored] = (await eventsOf(id!)).filter((e) => e.toStatus === 'resolved');
    expect(stored!.photoUrls).toEqual(PROOF.photoUrls);
    expect(stored!.answer).toBe(PROOF.answer);
  });

  it('stores the rejection reason and keeps the history append-only in the database', async () => {
    const [id] = await complaintsIn('routed', 1);
    expect((await api.postEvent(id!, { status: 'rejected', reason: 'not_competence' })).status).toBe(201);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id!));
    expect(row!.rejectionReason).toBe('not_competence');
    await expect(
      app.ctx.db.execute(sql`update complaint_events set actor = 'x' where complaint_id = ${id!}`),
    ).rejects.toThrow();
    await expect(
      app.ctx.db.execute(sql`delete from complaint_events where complaint_id = ${id!}`),
    ).rejects.toThrow();
    expect(await eventsOf(id!)).toHaveLength(3);
  });
});

describe('routing, re-routing and quality', () => {
  it('routes on intake by the rules and records the rule', async () => {
    const res = await api.postComplaints<IngestReply & { results: { executor?: string }[] }>(aComplaint());
    const { id, executor } = res.body.results[0]!;
    expect(executor).toBeTruthy();
    const history = await api.history<{
      events: { type: string; to: string; executor: string; rule: string }[];
    }>(id!);
    expect(history.body.events[1]).toMatchObject({ type: 'status', to: 'routed', executor });
    expect(history.body.events[1]!.rule).toBeTruthy();
  });

  it('re-routes an open complaint, refuses a closed one, and counts a reopen against the executor that resolved', async () => {
    const [id] = await complaintsIn('in_progress', 1);
    const bad = await api.postRouting<ErrorReply>(id!, { executor: 'nobody' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.errors![0]!.field).toBe('executor');
    const moved = await api.postRouting<{ from: string; to: string }>(id!, { executor: 'min-housing' });
    expect(moved.status).toBe(201);
    expect(moved.body.to).toBe('min-housing');
    const again = await api.postRouting<ErrorReply>(id!, { executor: 'min-housing' });
    expect(again.status).toBe(409);

    await recordTransitions(app.ctx, [transitionTo(id!, 'resolved'), transitionTo(id!, 'reopened')]);
    const closed = await api.postRouting<ErrorReply>(id!, { executor: 'min-health' });
    expect(closed.status).toBe(201); // reopened is open again: it can be passed on
    const rows = await app.ctx.db
      .select()
      .from(rollupExecutorDaily)
      .where(eq(rollupExecutorDaily.executorCode, 'min-housing'));
    expect(rows.reduce((s, r) => s + r.resolved, 0)).toBe(1);
    expect(rows.reduce((s, r) => s + r.reopened, 0)).toBe(1);
    const history = await api.history<{
      events: { type: string; fromExecutor: string | null; executor: string }[];
    }>(id!);
    expect(history.body.events.filter((e) => e.type === 'routed').map((e) => e.executor)).toEqual([
      'min-housing',
      'min-health',
    ]);

    const quality = await api.quality<{ rows: { code: string; reopenRate: number; resolved: number }[] }>(
      '?block=housing',
    );
    expect(quality.body.rows.find((r) => r.code === 'min-housing')).toMatchObject({
      resolved: 1,
      reopenRate: 1,
    });
    const byMunicipality = await api.quality<{ rows: { code: string }[] }>('?by=municipality&block=housing');
    expect(byMunicipality.body.rows.map((r) => r.code)).toContain('46704000000');
    const wrong = await api.quality<ErrorReply>('?by=nobody&days=0');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.errors!.map((e) => e.field).sort()).toEqual(['by', 'days']);
  });

  it('sends an unsure message to the operator queue; the operator classifies it and it is routed', async () => {
    const [id] = await complaintsIn('new', 1);
    const queue = await api.triage<{ total: number; items: { id: number; suggestions: unknown[] }[] }>(
      '?limit=500',
    );
    expect(queue.body.items.map((i) => i.id)).toContain(id);
    const res = await api.postClassification<{ executor: string; block: string }>(id!, {
      category: 'housing.lift-broken',
    });
    expect(res.status).toBe(201);
    expect(res.body.block).toBe('housing');
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id!));
    expect(row).toMatchObject({
      status: 'routed',
      categoryCode: 'housing.lift-broken',
      classSource: 'operator',
    });
    expect(row!.executorCode).toBe(res.body.executor);
    const twice = await api.postClassification<ErrorReply>(id!, { category: 'housing.lift-broken' });
    expect(twice.status).toBe(409);
    const unknown = await api.postClassification<ErrorReply>(id!, { category: 'housing.unicorns' });
    expect(unknown.status).toBe(400);
    const open = rowsOf<{ n: string | number }>(
      await app.ctx.db.execute(
        sql`select on_time + late + very_late as n from rollup_open where municipality_oktmo = '*' and block_code = ''`,
      ),
    );
    expect(Number(open[0]?.n ?? 0)).toBe(
      (
        await app.ctx.db
          .select()
          .from(complaints)
          .where(sql`block_code is null and status in ('new', 'routed', 'in_progress', 'reopened')`)
      ).length,
    );
  });
  it('lets the operator place an unplaced message when classifying it, and routes it to that administration', async () => {
    const [created] = await recordComplaints(app.ctx, [
      aComplaint({
        ...VAGUE,
        lat: undefined,
        lon: undefined,
        text: 'Здравствуйте, подскажите, в Котельниках',
      }),
    ]);
    const id = created!.id!;
    const before = (await app.ctx.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
    expect(before).toMatchObject({ status: 'new', municipalityOktmo: null });

    const bad = await api.postClassification<ErrorReply>(id, {
      category: 'housing.yard-snow',
      municipality: '12345678901',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.errors!.map((e) => e.field)).toEqual(['municipality']);
    const malformed = await api.postClassification<ErrorReply>(id, {
      category: 'housing.yard-snow',
      municipality: 'Балашиха',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.errors!.map((e) => e.field)).toEqual(['municipality']);

    const res = await api.postClassification<{ executor: string; municipality: string | null }>(id, {
      category: 'housing.yard-snow',
      municipality: '46704000000',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ municipality: '46704000000', executor: 'adm-46704000000' });
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row).toMatchObject({
      status: 'routed',
      municipalityOktmo: '46704000000',
      placeSource: 'operator',
      executorCode: 'adm-46704000000',
    });
    const [classified] = await app.ctx.db
      .select()
      .from(complaintEvents)
      .where(sql`${complaintEvents.complaintId} = ${id} and ${complaintEvents.type} = 'classified'`);
    expect(classified).toMatchObject({ reason: 'housing.yard-snow', comment: 'municipality 46704000000' });

    // A message placed by its coordinates keeps its municipality: the operator cannot move it elsewhere.
    const [placed] = await complaintsIn('new', 1);
    const moved = await api.postClassification<ErrorReply>(placed!, {
      category: 'housing.yard-snow',
      municipality: '46751000000',
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.errors!.map((e) => e.field)).toEqual(['municipality']);
    const same = await api.postClassification<{ municipality: string }>(placed!, {
      category: 'housing.yard-snow',
      municipality: '46704000000',
    });
    expect(same.status).toBe(201);
    expect(same.body.municipality).toBe('46704000000');
  });
  it('refuses a step whose expected status is out of date, so a late click cannot undo a colleague', async () => {
    const [queued] = await complaintsIn('new', 1);
    await api.postClassification(queued!, { category: 'housing.yard-snow' });
    const events = async () =>
      (await app.ctx.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, queued!)))
        .length;
    const before = await events();
    const late = await api.postEvent<ErrorReply>(queued!, {
      status: 'rejected',
      reason: 'spam',
      expectedStatus: 'new',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.errors).toEqual([
      { field: 'expectedStatus', message: expect.stringContaining('"routed" by now') },
    ]);
    expect(await events()).toBe(before);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, queued!));
    expect(row!.status).toBe('routed');
    const wrong = await api.postEvent<ErrorReply>(queued!, {
      status: 'in_progress',
      expectedStatus: 'maybe',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.errors!.map((e) => e.field)).toEqual(['expectedStatus']);
    const current = await api.postEvent(queued!, { status: 'in_progress', expectedStatus: 'routed' });
    expect(current.status).toBe(201);
  });
  it('shows the operator the whole text of a queued message, with personal data masked', async () => {
    const text =
      'Здравствуйте, подскажите пожалуйста, куда обратиться. Звоните мне по номеру +7 916 123-45-67, я давно жду ответа и никак не могу дождаться. Уже третий раз пишу сюда, и всё без толку, никто не отвечает вообще.';
    const [created] = await recordComplaints(app.ctx, [aComplaint({ ...VAGUE, text })]);
    expect(created!.complaintStatus).toBe('new');
    const queue = await api.triage<{ items: { id: number; text: string; excerpt: string }[] }>('?limit=500');
    const item = queue.body.items.find((i) => i.id === created!.id)!;
    expect(item.text).toBe(text.replace('+7 916 123-45-67', '[телефон]'));
    expect(item.excerpt.length).toBeLessThan(item.text.length);
  });
});
