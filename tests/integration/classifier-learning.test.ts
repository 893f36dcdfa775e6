import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaints } from '@/db/schema';
import type { ClassifierMetrics } from '@/db/schema/classifier-versions';
import { POST as postRetrain } from '@/app/api/v1/classifier/retrain/route';
import { GET as getVersions } from '@/app/api/v1/classifier/versions/route';
import { POST as postRollback } from '@/app/api/v1/classifier/versions/[id]/rollback/route';
import { CATEGORIES } from '@/db/seed/categories';
import { classifyText, liveModelVersion, setLiveModel } from '@/lib/classify/classify-text';
import { syncLiveClassifier } from '@/lib/classifier-learning/live-classifier';
import { startRetrainSchedule } from '@/lib/classifier-learning/retrain-schedule';
import { importLabelled } from '@/lib/classifier-learning/import-labelled';
import type { Role } from '@/lib/domain/access';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { IDIOM_CATEGORIES, idiomLetters, type IdiomLetter } from '../fixtures/classifier-idiom';
import { aComplaint } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import { api } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const BASE = 'http://test.local/api/v1/classifier';
const BLOCK_OF = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));
const DECISIONS = 150;
const SPAM = [
  'Купите недорого дрова с доставкой, звоните',
  'Лучшие кредиты без справок, переходите по ссылке',
  'ааааа ыыыы проверка проверка',
  'Продаю гараж, торг уместен',
  'Заработок от 100 000 в неделю не выходя из дома',
];

interface Stored {
  status: 'live' | 'refused';
  version: number;
  reason: string | null;
  metrics: ClassifierMetrics;
}

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

async function retrain(role: Role = 'admin') {
  const response = await postRetrain(await authedRequest(`${BASE}/retrain`, { method: 'POST' }, role));
  return { status: response.status, body: (await response.json()) as Stored & { message?: string } };
}

async function rollback(id: number, role: Role = 'admin') {
  const response = await postRollback(
    await authedRequest(`${BASE}/versions/${id}/rollback`, { method: 'POST' }, role),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function versions(role: Role = 'admin') {
  const response = await getVersions(await authedRequest(`${BASE}/versions`, {}, role));
  return {
    status: response.status,
    body: (await response.json()) as {
      versions: { id: number; status: string; reason: string | null; requestedBy: string }[];
    },
  };
}

/** Letters arrive without a category; the operator decides each one through the API, as the room does. */
async function operatorsDecide(letters: readonly IdiomLetter[]): Promise<number> {
  const created = await recordComplaints(
    app.ctx,
    letters.map((l) => aComplaint({ text: l.text, category: undefined })),
  );
  let decisions = 0;
  for (const [i, letter] of letters.entries()) {
    const id = created[i]!.id!;
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
    if (row!.status === 'new' && row!.categoryCode === null) {
      const res = await api.postClassification(id, { category: letter.category });
      expect(res.status).toBe(201);
      decisions++;
    } else if (row!.categoryCode !== letter.category) {
      const res = await api.postReclassification(id, { category: letter.category });
      expect(res.status).toBe(201);
      decisions++;
    }
    // Now and then a letter is junk: rejected as spam, it teaches «no complaint».
    if (i % 15 === 7) {
      const [junk] = await recordComplaints(app.ctx, [
        aComplaint({ text: SPAM[i % SPAM.length]!, category: undefined }),
      ]);
      const [stored] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, junk!.id!));
      if (stored!.status === 'new') {
        const res = await api.postEvent(junk!.id!, { status: 'rejected', reason: 'spam' });
        expect(res.status).toBe(201);
        decisions++;
      }
    }
  }
  return decisions;
}

const examples = async () =>
  rowsOf<{ origin: string; label: string | null; n: string | number }>(
    await app.ctx.db.execute(
      sql`select origin, label, count(*) as n from classifier_examples group by origin, label`,
    ),
  );

describe('the classifier learns from the operators of its center', () => {
  let taught: Stored;

  it('writes every decision as a labelled example, in the decision’s commit', async () => {
    // The most recent decisions (the held-out slice) are worded differently from the earlier ones.
    const decisions =
      (await operatorsDecide(idiomLetters(DECISIONS - 40, 16, 'first'))) +
      (await operatorsDecide(idiomLetters(40, 17, 'last')));
    const counted = await examples();
    const total = counted.filter((r) => r.origin === 'decision').reduce((s, r) => s + Number(r.n), 0);
    expect(total).toBe(decisions);
    expect(counted.some((r) => r.label === '__none__')).toBe(true);
    expect(new Set(counted.map((r) => r.label))).toEqual(new Set([...IDIOM_CATEGORIES, '__none__']));
  }, 120_000);

  it('refuses the classifier routes to everyone but an admin', async () => {
    for (const role of ['operator', 'analyst'] as const) {
      expect((await retrain(role)).status).toBe(403);
      expect((await versions(role)).status).toBe(403);
      expect((await rollback(1, role)).status).toBe(403);
    }
  });

  it('retrains on demand; the new version beats the seed model on the held-out decisions and goes live', async () => {
    const { status, body } = await retrain();
    expect(status).toBe(201);
    taught = body;
    const { candidate, live, heldOut } = body.metrics;
    console.info(
      `held-out ${heldOut} decisions: seed model coverage ${live!.coverage} at ${live!.confidentAccuracy} confident, ` +
        `top guess ${live!.overallAccuracy}; taught version coverage ${candidate.coverage} at ` +
        `${candidate.confidentAccuracy}, top guess ${candidate.overallAccuracy}`,
    );
    expect(body.status).toBe('live');
    expect(body.reason).toBeNull();
    expect(heldOut).toBeGreaterThanOrEqual(20);
    expect(candidate.coverage).toBeGreaterThan(live!.coverage + 0.3);
    expect(candidate.confidentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(candidate.overallAccuracy).toBeGreaterThan(live!.overallAccuracy);
    expect(liveModelVersion()).toBe(body.version);

    // Intake now routes the town's own words by itself.
    const [fresh] = await recordComplaints(app.ctx, [
      aComplaint({ text: 'Добрый день! Вулкан опять не греет. Надоело.', category: undefined }),
    ]);
    const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, fresh!.id!));
    expect(row).toMatchObject({ categoryCode: 'housing.no-heating', classSource: 'classifier' });
    expect(classifyText('семёрку ждали час двадцать').blockCode).toBe(BLOCK_OF.get('transport.bus-interval'));
  }, 120_000);

  it('rebuilds the live version from the database alone, to the same answers (what another node does)', async () => {
    const texts = [...idiomLetters(30, 5, 'last'), ...idiomLetters(12, 6, 'first')].map((l) => l.text);
    const before = texts.map((t) => classifyText(t));
    setLiveModel(null);
    const started = performance.now();
    await syncLiveClassifier(app.ctx);
    console.info(`live version rebuilt from its examples in ${Math.round(performance.now() - started)} ms`);
    expect(liveModelVersion()).toBe(taught.version);
    expect(texts.map((t) => classifyText(t))).toEqual(before);
  }, 60_000);

  it('refuses a worse version (poisoned history) and keeps the live one', async () => {
    // A «past years» file with the town's words under the wrong categories.
    const rotated = new Map(
      IDIOM_CATEGORIES.map((c, i) => [c, IDIOM_CATEGORIES[(i + 1) % IDIOM_CATEGORIES.length]!]),
    );
    const poisoned = idiomLetters(400, 99, 'last').map((l) => `"${l.text}",${rotated.get(l.category)}`);
    const csv = ['text,category', ...poisoned, '"без метки",', '"чужой код",housing.nonsense'].join('\n');
    const report = await importLabelled(app.ctx, csv, { kind: 'system', name: 'test' });
    expect(report.imported).toBe(400);
    expect(report.refused).toEqual([
      { line: 402, reason: 'нет ни категории, ни блока' },
      { line: 403, reason: 'неизвестный код категории «housing.nonsense»' },
    ]);

    // A file labelled by block only is taken too: training labels it with the block's likeliest category.
    const byBlock = await importLabelled(
      app.ctx,
      'text;block\n"На Бетонке опять кратеры";transport\n"Продаю гараж";none\n',
      { kind: 'system', name: 'test' },
    );
    expect(byBlock).toEqual({ imported: 2, refused: [] });

    const { status, body } = await retrain();
    expect(status).toBe(201);
    console.info(
      `poisoned candidate: coverage ${body.metrics.candidate.coverage}, top guess ` +
        `${body.metrics.candidate.overallAccuracy}; refused: ${body.reason}`,
    );
    expect(body.status).toBe('refused');
    expect(body.reason).toMatch(/охват|точность/);
    expect(body.metrics.live!.version).toBe(taught.version);
    expect(liveModelVersion()).toBe(taught.version);
    const list = (await versions()).body.versions;
    expect(list.find((v) => v.status === 'live')!.id).toBe(taught.version);
  }, 120_000);

  it('rolls back to an earlier version on request, audited', async () => {
    const list = (await versions()).body.versions;
    const seed = list.find((v) => v.status === 'retired')!;
    const refused = list.find((v) => v.status === 'refused')!;
    expect((await rollback(refused.id)).status).toBe(409);
    expect((await rollback(999_999)).status).toBe(404);

    const { status, body } = await rollback(seed.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: seed.id, retired: taught.version });
    expect(liveModelVersion()).toBe(seed.id);
    const after = (await versions()).body.versions;
    expect(after.find((v) => v.id === taught.version)).toMatchObject({ status: 'retired' });
    const audited = rowsOf<{ action: string }>(
      await app.ctx.db.execute(
        sql`select action from audit_log where action like 'classifier_%' order by id`,
      ),
    ).map((r) => r.action);
    expect(audited).toEqual([
      'classifier_retrained',
      'classifier_examples_imported',
      'classifier_examples_imported',
      'classifier_retrained',
      'classifier_rolled_back',
    ]);
  }, 120_000);

  it('retrains by itself on the leader after N new decisions', async () => {
    const before = (await versions()).body.versions.length;
    // The seed model is live again: the town's letters go to the queue and the operators decide them.
    const decided = await operatorsDecide(idiomLetters(36, 18, 'last'));
    expect(decided).toBeGreaterThanOrEqual(30);
    const stop = startRetrainSchedule(app.ctx, { afterDecisions: 30, checkMs: 50 });
    try {
      const deadline = Date.now() + 60_000;
      while ((await versions()).body.versions.length === before && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await stop();
    }
    const list = (await versions()).body.versions;
    expect(list).toHaveLength(before + 1);
    // Judged like any other: the poisoned file above is still in the history, so it may well be refused.
    expect(list[0]).toMatchObject({ requestedBy: 'system:retrain' });
    expect(['live', 'refused']).toContain(list[0]!.status);
    expect(liveModelVersion()).toBe(list.find((v) => v.status === 'live')!.id);
  }, 120_000);
});
