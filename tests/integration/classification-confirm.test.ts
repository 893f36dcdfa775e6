import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { classifierExamples, complaintEvents, complaints } from '@/db/schema';
import { retrainClassifier } from '@/lib/classifier-learning/retrain-classifier';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { aComplaint } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { api } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

/** A text the seed classifier files by itself: no category from the source. */
const CLEAR_TEXT = 'Третий день нет горячей воды в доме, управляющая компания не отвечает';

async function filedByClassifier(): Promise<number> {
  const { category: _none, ...input } = aComplaint({ text: CLEAR_TEXT });
  const [created] = await recordComplaints(app.ctx, [input]);
  const id = created!.id!;
  const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
  expect(row).toMatchObject({ classSource: 'classifier', categoryCode: 'housing.no-hot-water' });
  return id;
}

async function lessonsOf(id: number): Promise<{ label: string }[]> {
  return rowsOf<{ label: string }>(
    await app.ctx.db.execute(sql`select label from classifier_examples where complaint_id = ${id}`),
  );
}

describe("an operator's answer on a complaint the classifier filed", () => {
  it('confirms the same category: nothing moves, the category becomes the operator’s, and it is a lesson', async () => {
    const id = await filedByClassifier();
    const [before] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    const res = await api.postClassification<{ category: string; executor: string; dueAt: string }>(id, {
      category: 'housing.no-hot-water',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      category: 'housing.no-hot-water',
      executor: before!.executorCode,
      dueAt: before!.dueAt.toISOString(),
    });
    const [after] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    expect(after).toMatchObject({
      classSource: 'operator',
      status: before!.status,
      blockCode: before!.blockCode,
      executorCode: before!.executorCode,
    });
    const events = await app.ctx.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id));
    expect(events.filter((e) => e.type === 'classified')).toMatchObject([
      { reason: 'housing.no-hot-water', comment: 'confirmed the classifier' },
    ]);
    expect(await lessonsOf(id)).toEqual([{ label: 'housing.no-hot-water' }]);

    // Decided once: a second answer is no longer a confirmation but a refusal (use /reclassification).
    const again = await api.postClassification(id, { category: 'housing.no-hot-water' });
    expect(again.status).toBe(409);
  });

  it('corrects another category as a reclassification would, and that is the lesson', async () => {
    const id = await filedByClassifier();
    const res = await api.postClassification<{ category: string; block: string }>(id, {
      category: 'transport.pothole',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ category: 'transport.pothole', block: 'transport' });
    const [after] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    expect(after).toMatchObject({ classSource: 'operator', categoryCode: 'transport.pothole' });
    expect(await lessonsOf(id)).toEqual([{ label: 'transport.pothole' }]);
  });

  it('refuses a complaint whose category the source gave', async () => {
    const [created] = await recordComplaints(app.ctx, [aComplaint()]);
    const res = await api.postClassification(created!.id!, { category: 'transport.pothole' });
    expect(res.status).toBe(409);
    expect(await lessonsOf(created!.id!)).toEqual([]);
  });

  it('a filed letter rejected as spam (for its language, say) teaches nothing; a queued one teaches «no complaint»', async () => {
    const filed = await filedByClassifier();
    const { category: _none, ...vague } = aComplaint({ text: 'ааа ну вы поняли короче' });
    const [queued] = await recordComplaints(app.ctx, [vague]);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, queued!.id!));
    expect(row!.categoryCode).toBeNull();
    await recordTransitions(app.ctx, [
      transitionTo(filed, 'rejected'),
      transitionTo(queued!.id!, 'rejected'),
    ]);
    expect(await lessonsOf(filed)).toEqual([]);
    expect(await lessonsOf(queued!.id!)).toEqual([{ label: '__none__' }]);
  });

  it('does not judge a candidate on a held-out slice of spam alone: it skips and says why', async () => {
    const at = new Date();
    await app.ctx.db.insert(classifierExamples).values(
      Array.from({ length: 150 }, (_, i) => ({
        text: `реклама ${i}: лучшие окна недорого, звоните`,
        label: '__none__',
        blockCode: null,
        origin: 'decision' as const,
        createdAt: at,
        createdBy: 'operator:test',
      })),
    );
    const result = await retrainClassifier(app.ctx, { requestedBy: 'system:cli', force: true });
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/мало решений с категорией/),
    });
  });
});
