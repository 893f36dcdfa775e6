import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postEvent } from '@/app/api/v1/complaints/[id]/events/route';
import { complaintEvents } from '@/db/schema';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint } from '../helpers/complaint-factory';
import { personalToken } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/**
 * Back-dating a lifecycle event turns an overdue complaint into an on-time one: only the roles the center lists
 * in BACKDATE_WINDOWS may, within their window (production default: operators and admins a day, executors not
 * at all). The event's actor is the caller's identity whatever the body claims.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let app: TestApp;
let saved: string | undefined;

beforeAll(async () => {
  saved = process.env.BACKDATE_WINDOWS;
  process.env.BACKDATE_WINDOWS = 'operator:1440,admin:1440';
  app = await createRegisteredTestApp();
});
afterAll(async () => {
  if (saved === undefined) delete process.env.BACKDATE_WINDOWS;
  else process.env.BACKDATE_WINDOWS = saved;
  await app?.close();
});

/** A routed complaint received five days ago (so an event three days back is still after it), and its executor. */
async function aComplaintOfDays(): Promise<{ id: number; executor: string }> {
  const [made] = await recordComplaints(app.ctx, [
    aComplaint({ receivedAt: new Date(Date.now() - 5 * DAY).toISOString() }),
  ]);
  expect(made).toMatchObject({ status: 'created', complaintStatus: 'routed' });
  const facts = await getComplaintFacts(app.ctx.db, made!.id!);
  return { id: made!.id!, executor: facts!.executor! };
}

async function post(id: number, bearer: string, body: Record<string, unknown>) {
  const response = await postEvent(
    new Request(`http://test.local/api/v1/complaints/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function lastEvent(id: number) {
  const rows = await app.ctx.db
    .select({ actor: complaintEvents.actor, to: complaintEvents.toStatus, at: complaintEvents.at })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.id));
  return rows.at(-1)!;
}

describe('back-dating `at` by role (BACKDATE_WINDOWS=operator:1440,admin:1440)', () => {
  it('an executor may not back-date, even three hours: 403 backdating_not_allowed naming `at`', async () => {
    const { id, executor } = await aComplaintOfDays();
    const token = await personalToken(app.ctx, 'executor', [executor]);
    const refused = await post(id, token, { status: 'in_progress', at: ago(3 * HOUR) });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { status: 403, code: 'backdating_not_allowed', errors: [{ field: 'at' }] },
    });
    expect((await lastEvent(id)).to).toBe('routed');

    // Without `at` the change is recorded now; a minute of clock skew is not back-dating.
    const now = await post(id, token, { status: 'in_progress' });
    expect(now.status).toBe(201);
    const { id: second } = await aComplaintOfDays();
    const skewed = await post(second, await personalToken(app.ctx, 'executor', [executor]), {
      status: 'in_progress',
      at: ago(60_000),
    });
    expect(skewed.status).toBe(201);
  });

  it('an operator may back-date three hours (201) but not three days (403)', async () => {
    const operator = await personalToken(app.ctx, 'operator');
    const { id } = await aComplaintOfDays();
    const late = await post(id, operator, { status: 'rejected', reason: 'spam', at: ago(3 * DAY) });
    expect(late.status).toBe(403);
    expect(late.body).toMatchObject({ error: { code: 'backdating_not_allowed', errors: [{ field: 'at' }] } });

    const at = ago(3 * HOUR);
    const recorded = await post(id, operator, { status: 'in_progress', at });
    expect(recorded.status).toBe(201);
    expect(new Date((await lastEvent(id)).at).toISOString()).toBe(at);
  });

  it('an admin too, within a day', async () => {
    const admin = await personalToken(app.ctx, 'admin');
    const { id } = await aComplaintOfDays();
    expect((await post(id, admin, { status: 'in_progress', at: ago(3 * DAY) })).status).toBe(403);
    expect((await post(id, admin, { status: 'in_progress', at: ago(20 * HOUR) })).status).toBe(201);
  });

  it('`at` omitted → 201 for every role that may move the complaint', async () => {
    const { id, executor } = await aComplaintOfDays();
    const facts = (await getComplaintFacts(app.ctx.db, id))!;
    const steps: [string, Record<string, unknown>][] = [
      [await personalToken(app.ctx, 'executor', [executor]), { status: 'in_progress' }],
      [
        await personalToken(app.ctx, 'operator'),
        { status: 'resolved', photoUrls: ['https://photos.example.org/fix/1.jpg'], answer: 'Сделано' },
      ],
      [await personalToken(app.ctx, 'admin'), { status: 'reopened' }],
      [await personalToken(app.ctx, 'municipal', [facts.municipality!]), { status: 'in_progress' }],
    ];
    for (const [token, body] of steps)
      expect((await post(id, token, body)).status, body.status as string).toBe(201);
  });
});

describe('the actor of an event is the caller', () => {
  it('records user:<login> whatever the body says', async () => {
    const { id, executor } = await aComplaintOfDays();
    const token = await personalToken(app.ctx, 'executor', [executor]);
    const answer = await post(id, token, { status: 'in_progress', actor: 'someone else' });
    expect(answer.status).toBe(201);
    const { actor } = await lastEvent(id);
    expect(actor).toMatch(/^user:t-executor-[0-9a-f]{8}$/);
    expect(JSON.stringify(answer.body)).not.toContain('someone else');

    const operator = await personalToken(app.ctx, 'operator');
    const spoof = await post(id, operator, {
      status: 'resolved',
      photoUrls: ['https://photos.example.org/fix/1.jpg'],
      answer: 'Сделано',
      actor: 'system:simulator',
    });
    expect(spoof.status).toBe(201);
    expect((await lastEvent(id)).actor).toMatch(/^user:t-operator-[0-9a-f]{8}$/);
  });
});
