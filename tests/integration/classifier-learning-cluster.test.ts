import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import type { CommittedChange } from '@/lib/commit/change-bus';
import { idiomLetters } from '../fixtures/classifier-idiom';
import { createTestCluster, type TestCluster } from '../helpers/cluster-apps';
import { TEST_DB } from '../helpers/test-context';

let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.close();
  cluster = null;
});

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(TEST_DB !== 'postgres')('the classifier on several nodes', () => {
  it('is retrained once, by the leader, and the other node hears the new version through the feed', async () => {
    cluster = await createTestCluster(2, () => ({
      classifierRetrain: { afterDecisions: 100, checkMs: 100 },
    }));
    const [a, b] = cluster.nodes as [
      NonNullable<TestCluster['nodes'][0]>,
      NonNullable<TestCluster['nodes'][1]>,
    ];
    await Promise.all([a.start(), b.start()]);
    const heard = new Map<string, CommittedChange[]>([
      ['n1', []],
      ['n2', []],
    ]);
    a.ctx.changes.subscribe((c) => c.classifier && heard.get('n1')!.push(c));
    b.ctx.changes.subscribe((c) => c.classifier && heard.get('n2')!.push(c));

    // 150 decisions at once (as operators' decisions are stored), enough for the leader's schedule.
    const letters = idiomLetters(150, 21);
    const values = sql.join(
      letters.map((l) => sql`(${l.text}, ${l.category}, 'decision', now(), 'user:1')`),
      sql`, `,
    );
    await a.ctx.db.execute(
      sql`insert into classifier_examples (text, label, origin, created_at, created_by) values ${values}`,
    );
    const live = await until(async () => {
      const [row] = rowsOf<{ id: string | number }>(
        await a.ctx.db.execute(
          sql`select id from classifier_versions where status = 'live' and trained_from > 0`,
        ),
      );
      return row ? Number(row.id) : undefined;
    }, 30_000);
    // Both nodes hear it within seconds: the one that trained in-process, the other from the change feed.
    await until(() => (heard.get('n1')!.length > 0 && heard.get('n2')!.length > 0 ? true : undefined), 5_000);
    expect(
      heard
        .get('n1')!
        .concat(heard.get('n2')!)
        .every((c) => c.classifier === live),
    ).toBe(true);
    // One candidate, trained once by the leader; plus the seed model stored as the version it replaced.
    const versions = rowsOf<{ status: string; requested_by: string }>(
      await a.ctx.db.execute(sql`select status, requested_by from classifier_versions order by id`),
    );
    expect(versions).toEqual([
      { status: 'retired', requested_by: 'system:retrain' },
      { status: 'live', requested_by: 'system:retrain' },
    ]);
  }, 60_000);
});
