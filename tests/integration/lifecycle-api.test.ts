import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintEvents, complaints } from '@/db/schema';
import { aComplaint } from '../helpers/complaint-factory';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;

async function newComplaint(receivedAt = new Date(Date.now() - 3600_000).toISOString()): Promise<number> {
  const res = await api.postComplaints<IngestReply>(aComplaint({ receivedAt }));
  return res.body.results[0]!.id!;
}

async function history(id: number) {
  return app.ctx.db
    .select({ type: complaintEvents.type, from: complaintEvents.fromStatus, to: complaintEvents.toStatus })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.id));
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

const PROOF = { photoUrls: ['https://photos.example.org/fix/1.jpg'], answer: 'Лампа заменена' };

describe('POST /api/v1/complaints/{id}/events', () => {
  it('routes on intake, walks routed → in_progress → resolved → closed → reopened and records each step', async () => {
    const id = await newComplaint();
    const steps: Record<string, unknown>[] = [
      { status: 'in_progress' },
      { status: 'resolved', ...PROOF },
      { status: 'closed' },
      { status: 'reopened' },
    ];
    for (const step of steps) {
      const res = await api.postEvent<{ to: string }>(id, step);
      expect(res.status).toBe(201);
      expect(res.body.to).toBe(step.status);
    }
    expect(await history(id)).toEqual([
      { type: 'created', from: null, to: 'new' },
      { type: 'status', from: 'new', to: 'routed' },
      { type: 'status', from: 'routed', to: 'in_progress' },
      { type: 'status', from: 'in_progress', to: 'resolved' },
      { type: 'status', from: 'resolved', to: 'closed' },
      { type: 'status', from: 'closed', to: 'reopened' },
    ]);
    // Each step through the API is the caller's: the actor comes from the identity (the suite's admin token).
    const actors = await app.ctx.db
      .select({ actor: complaintEvents.actor })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, id))
      .orderBy(asc(complaintEvents.id));
    for (const { actor } of actors.slice(2)) expect(actor).toMatch(/^user:t-admin-/);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row!.status).toBe('reopened');
    expect(row!.resolvedAt).toBeNull();
    expect(row!.reopenCount).toBe(1);
  });

  it('refuses an illegal transition with 409, names the allowed ones and changes nothing', async () => {
    const id = await newComplaint();
    const res = await api.postEvent<ErrorReply>(id, { status: 'closed' });
    expect(res.status).toBe(409);
    expect(res.body.error.errors![0]).toEqual({
      field: 'status',
      message: 'cannot go from "routed" to "closed"; allowed: in_progress, resolved, rejected, on_vote',
    });
    expect(await history(id)).toHaveLength(2);
  });

  it('404 for a complaint that does not exist', async () => {
    const res = await api.postEvent<ErrorReply>(987654321, { status: 'routed' });
    expect(res.status).toBe(404);
    expect(res.body.error.errors![0]!.field).toBe('id');
  });

  it('400 for an unknown status, a bad id and an event dated before the last one', async () => {
    const id = await newComplaint('2026-11-01T10:00:00+03:00');
    const unknown = await api.postEvent<ErrorReply>(id, { status: 'teleported' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.errors![0]!.field).toBe('status');
    const badId = await api.postEvent<ErrorReply>('abc', { status: 'routed' });
    expect(badId.status).toBe(400);
    const early = await api.postEvent<ErrorReply>(id, {
      status: 'in_progress',
      at: '2026-10-31T10:00:00+03:00',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.errors![0]!.field).toBe('at');
    expect(await history(id)).toHaveLength(2);
  });

  it('moves the summary: a resolved complaint leaves open', async () => {
    const before = await api.summary<{ open: number }>();
    const id = await newComplaint();
    expect((await api.summary<{ open: number }>()).body.open).toBe(before.body.open + 1);
    await api.postEvent(id, { status: 'in_progress' });
    expect((await api.postEvent(id, { status: 'resolved', ...PROOF })).status).toBe(201);
    expect((await api.summary<{ open: number }>()).body.open).toBe(before.body.open);
  });
});

describe('GET /api/v1/summary', () => {
  it('counts today, last hour, open and overdue per scope and refuses unknown codes', async () => {
    const old = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    await api.postComplaints({
      complaints: [aComplaint({ receivedAt: old }), aComplaint({ receivedAt: new Date().toISOString() })],
    });
    const region = await api.summary<{ today: number; lastHour: number; open: number; overdue: number }>();
    expect(region.status).toBe(200);
    expect(region.body.overdue).toBeGreaterThanOrEqual(1);
    expect(region.body.lastHour).toBeGreaterThanOrEqual(1);
    const health = await api.summary<{ open: number }>('?block=health');
    expect(health.body.open).toBe(0);
    const balashikha = await api.summary<{ open: number }>('?block=housing&municipality=46704000000');
    expect(balashikha.body.open).toBe(region.body.open);
    const bad = await api.summary<ErrorReply>('?block=space');
    expect(bad.status).toBe(400);
    expect(bad.body.error.errors![0]!.field).toBe('block');
    const badMunicipality = await api.summary<ErrorReply>('?municipality=123');
    expect(badMunicipality.body.error.errors![0]!.field).toBe('municipality');
  });
});
