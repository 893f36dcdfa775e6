import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaintEvents, complaints } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint } from '../helpers/complaint-factory';
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
});
