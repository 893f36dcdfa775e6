import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaints } from '@/db/schema';
import type { CommittedChange } from '@/lib/commit/change-bus';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { rerouteComplaint } from '@/lib/lifecycle/reroute-complaint';
import type { AnswerPayload } from '@/lib/webhooks/answer-payload';
import { PanelHub } from '@/lib/realtime/panel-hub';
import { getSummary } from '@/lib/queries/get-summary';
import { aComplaint } from '../helpers/complaint-factory';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { clearWebhooks, SECRET, webhookApi } from '../helpers/webhook-fixtures';

const NOW = new Date('2026-11-18T12:00:00+03:00');
const BLOCK = 'housing';

let app: TestApp;
let heard: CommittedChange[] = [];
let panels: PanelHub;

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  app.ctx.changes.subscribe((change) => heard.push(change));
});
afterAll(() => app.close());
beforeEach(async () => {
  await clearWebhooks(app.ctx);
  const put = await webhookApi.put('dobrodel', { url: 'https://example.org/hook', secret: SECRET });
  expect(put.status).toBe(201);
  panels = new PanelHub(app.ctx, { refreshMs: 60_000 });
  panels.hasListeners = (block) => block === BLOCK;
});
afterEach(() => panels.stop());

/** A routed complaint of the housing block, stored before the test listens. */
async function routed(): Promise<{ id: number; executor: string }> {
  const receivedAt = new Date(NOW.getTime() - 3_600_000).toISOString();
  const [created] = await recordComplaints(app.ctx, [aComplaint({ receivedAt })]);
  expect(created).toMatchObject({ status: 'created', complaintStatus: 'routed' });
  heard = [];
  return { id: created!.id!, executor: created!.executor! };
}

const otherExecutor = (than: string) =>
  [...app.ctx.reference.executors.keys()].find((code) => code !== than)!;

const queuedAnswers = async () =>
  rowsOf<{ complaint_id: string | number; event: string; payload: AnswerPayload | string }>(
    await app.ctx.db.execute(sql`select complaint_id, event, payload from webhook_deliveries order by id`),
  ).map((r) => ({
    complaintId: Number(r.complaint_id),
    event: r.event,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as AnswerPayload,
  }));

describe('re-routing a complaint', () => {
  it('tells the source channel who holds it now and refreshes its block panel, not the live counts', async () => {
    const { id, executor } = await routed();
    const to = otherExecutor(executor);
    await panels.get(BLOCK);
    const updated: string[] = [];
    panels.onUpdate((block) => updated.push(block));
    const summaryBefore = await getSummary(app.ctx.db, {}, NOW);

    const result = await rerouteComplaint(app.ctx, {
      complaintId: id,
      executor: to,
      actor: 'operator:petrova',
    });

    expect(result).toMatchObject({ status: 'applied', from: executor, to });
    const answers = await queuedAnswers();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      complaintId: id,
      event: 'complaint.routed',
      payload: {
        status: 'routed',
        executor: { code: to, name: app.ctx.reference.executors.get(to)!.name },
        at: NOW.toISOString(),
      },
    });
    expect(heard).toEqual([
      {
        created: [],
        transitions: [
          {
            complaintId: id,
            blockCode: BLOCK,
            from: 'routed',
            to: 'routed',
            at: NOW,
            executor: { from: executor, to },
          },
        ],
        slaMoved: 0,
      },
    ]);

    await panels.refreshDue();
    expect(updated).toEqual([BLOCK]);
    const panel = await panels.get(BLOCK);
    expect(panel.quality.executors.find((e) => e.code === to)).toMatchObject({ openNow: 1 });
    expect(panel.quality.executors.find((e) => e.code === executor)?.openNow ?? 0).toBe(0);
    expect(await getSummary(app.ctx.db, {}, NOW)).toEqual(summaryBefore);
  });

  it('queues nothing and publishes nothing when the re-route is refused', async () => {
    const { id, executor } = await routed();

    const same = await rerouteComplaint(app.ctx, { complaintId: id, executor });
    const missing = await rerouteComplaint(app.ctx, { complaintId: 999_999_999, executor });

    expect(same).toMatchObject({ status: 'rejected', code: 'illegal' });
    expect(missing).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await queuedAnswers()).toEqual([]);
    expect(heard).toEqual([]);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row!.executorCode).toBe(executor);
  });
});
