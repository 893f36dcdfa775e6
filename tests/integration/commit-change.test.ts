import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '@/db/client';
import type { CommittedChange } from '@/lib/commit/change-bus';
import { commitChange } from '@/lib/commit/commit-change';
import { HOME_REGION } from '@/lib/domain/home-region';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint } from '../helpers/complaint-factory';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { anAnswer, clearWebhooks, deliveryRows, SECRET, webhookApi } from '../helpers/webhook-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const DIMS = {
  regionCode: HOME_REGION,
  municipalityOktmo: '46704000000',
  blockCode: 'housing',
  h3Coarse: null,
};

let app: TestApp;
let log: string[] = [];
let heard: CommittedChange[] = [];

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  app.ctx.changes.subscribe((change) => {
    log.push('published');
    heard.push(change);
  });
  // Marks the moment the transaction has committed (or rolled back), to order it against the publish.
  const transaction = app.ctx.db.transaction.bind(app.ctx.db);
  vi.spyOn(app.ctx.db, 'transaction').mockImplementation((async (...args: Parameters<typeof transaction>) => {
    try {
      const value = await transaction(...args);
      log.push('committed');
      return value;
    } catch (error) {
      log.push('rolled back');
      throw error;
    }
  }) as typeof transaction);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app.close();
});
beforeEach(async () => {
  await clearWebhooks(app.ctx);
  const put = await webhookApi.put('dobrodel', { url: 'https://example.org/hook', secret: SECRET });
  expect(put.status).toBe(201);
  log = [];
  heard = [];
});

const lateInHousing = async () =>
  Number(
    rowsOf<{ late: number | string }>(
      await app.ctx.db.execute(sql`
        select coalesce(sum(late), 0) as late from rollup_open where municipality_oktmo = ${DIMS.municipalityOktmo}
          and block_code = ${DIMS.blockCode}`),
    )[0]!.late,
  );

describe('the commit step', () => {
  it('applies the delta and queues the answers in the transaction, and publishes only after the commit', async () => {
    const lateBefore = await lateInHousing();
    const value = await commitChange(app.ctx, { lane: 'exclusive', items: 1 }, async (_tx, unit) => {
      expect(unit.now).toEqual(NOW);
      unit.delta.moveSla(DIMS, 'on_time', 'late', 1);
      unit.answers.push(anAnswer({ status: 'routed' }));
      unit.change.transitions.push({
        complaintId: 1,
        blockCode: 'housing',
        from: 'routed',
        to: 'routed',
        at: NOW,
      });
      log.push('body');
      return 42;
    });

    expect(value).toBe(42);
    expect(log).toEqual(['body', 'committed', 'published']);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.transitions).toEqual([
      { complaintId: 1, blockCode: 'housing', from: 'routed', to: 'routed', at: NOW },
    ]);
    expect(await deliveryRows(app.ctx)).toHaveLength(1);
    expect(await lateInHousing()).toBe(lateBefore + 1);
  });

  it('publishes nothing, queues nothing and counts nothing when the body throws', async () => {
    const lateBefore = await lateInHousing();
    const failing = commitChange(app.ctx, { lane: 'exclusive', items: 1 }, async (tx, unit) => {
      unit.delta.moveSla(DIMS, 'on_time', 'late', 1);
      unit.answers.push(anAnswer({ status: 'routed' }));
      unit.change.slaMoved = 1;
      await tx.execute(sql`select 1`);
      throw new Error('refused halfway');
    });

    await expect(failing).rejects.toThrow('refused halfway');
    expect(log).toEqual(['rolled back']);
    expect(heard).toEqual([]);
    expect(await deliveryRows(app.ctx)).toEqual([]);
    expect(await lateInHousing()).toBe(lateBefore);
  });

  it('publishes nothing when the body filled no change, and keeps the writer free after either outcome', async () => {
    await commitChange(app.ctx, { lane: 'exclusive', items: 3 }, async () => 'nothing');
    expect(log).toEqual(['committed']);
    expect(heard).toEqual([]);
    expect(app.ctx.writer.backlog).toBe(0);
  });

  it('opens no transaction on the shared lane when prepare finds nothing to write', async () => {
    const body = vi.fn(async () => 'written');
    const value = await commitChange(app.ctx, { lane: 'shared', prepare: async () => false }, body);
    expect(value).toBeUndefined();
    expect(body).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('announces a merged intake commit once, whole callers in their order, after it committed', async () => {
    const item = () => aComplaint({ receivedAt: new Date(NOW.getTime() - 60_000).toISOString() });
    const calls = [[item()], [item(), item()], [item()]];
    const results = await Promise.all(calls.map((items) => recordComplaints(app.ctx, items)));

    const idsOf = (r: { id?: number }[]) => r.map((c) => c.id!).sort((a, b) => a - b);
    const [first, second, third] = results.map(idsOf);
    const announced = heard.map((h) => h.created.map((c) => c.id));
    // Callers that arrive in the same turn of the event loop share one commit; a commit never splits a caller,
    // and within it the callers' rows come caller by caller, in the order they called.
    const callers = [first!, second!, third!];
    const callerOf = new Map(callers.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
    for (const group of announced) {
      const members = [...new Set(group.map((id) => callerOf.get(id)!))].sort((a, b) => a - b);
      expect(group).toEqual(members.flatMap((i) => callers[i]!));
    }
    expect(announced.flat().sort((a, b) => a - b)).toEqual(callers.flat().sort((a, b) => a - b));
    expect(log.filter((e) => e === 'published')).toHaveLength(announced.length);
    expect(log.at(-1)).toBe('published');
    expect(log.indexOf('published')).toBeGreaterThan(log.indexOf('committed'));
  });
});
