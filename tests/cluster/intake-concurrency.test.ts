/**
 * Issue 14's "40 clients of 1,000-item batches", on the production build (Next's own request handling, which
 * the in-process test replaces) and PostgreSQL: every answer within about 2 s, each refusal a 503 with
 * Retry-After and the documented body (the body refused unread, the connection kept), every acknowledged
 * item stored under the id it was acknowledged with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatchClients } from '../helpers/batch-clients';
import { openSql, type Sql } from './support/cluster-facts';
import { startPostgres, type ThrowawayPostgres } from './support/postgres';
import { killAllNodes, spawnNode, type NodeProcess } from './support/spawn-node';

const CLIENTS = 40;
const ITEMS = 1_000;
const WORST_ANSWER_MS = 2_500;

let pg: ThrowawayPostgres;
let node: NodeProcess;

beforeAll(async () => {
  pg = await startPostgres();
  node = await spawnNode({ databaseUrl: pg.url, nodeId: 'intake-a', bootstrap: true });
});

afterAll(async () => {
  await node?.stop(5_000).catch(() => {});
  killAllNodes();
  await pg?.destroy();
});

describe('40 clients of 1,000-item batches on one node', () => {
  it('answers every request within about 2 s, refuses the excess with 503 + Retry-After, loses nothing acknowledged', async () => {
    const { sourceKey, source } = node.secrets!;
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const bodies = Array.from({ length: CLIENTS }, (_v, client) =>
      JSON.stringify({
        complaints: Array.from({ length: ITEMS }, (_w, i) => ({
          source,
          externalId: `many-${client}-${i}`,
          receivedAt,
          text: 'Во дворе третий день не вывозят мусор, контейнеры переполнены.',
          lat: 55.7963 + ((i % 50) - 25) * 0.002,
          lon: 37.938 + ((client % 20) - 10) * 0.003,
          category: 'housing.stairwell-cleaning',
        })),
      }),
    );
    const answers = await runBatchClients({ port: node.port, token: sourceKey, bodies });

    const acked = new Map<string, number>();
    for (const answer of answers) {
      if (answer.status === 200) {
        for (const r of (JSON.parse(answer.body) as { results: { externalId: string; id: number }[] })
          .results)
          acked.set(r.externalId, r.id);
        continue;
      }
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(answer.body)).toEqual({
        error: { status: 503, code: 'overloaded', message: expect.any(String), errors: expect.any(Array) },
      });
    }
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    const taken = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    console.log(
      `intake 40×1,000 on the build: ${answers.length} answers, ${taken.length} stored, ${refused.length} refused; ` +
        `p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(0)} ms, ` +
        `worst ${times.at(-1)!.toFixed(0)} ms (stored ${Math.max(...taken.map((a) => a.ms)).toFixed(0)} ms, ` +
        `refused ${Math.max(...refused.map((a) => a.ms)).toFixed(0)} ms)`,
    );
    expect(taken).toHaveLength(CLIENTS);
    expect(refused.length).toBeGreaterThan(0);
    expect(times.at(-1)!).toBeLessThan(WORST_ANSWER_MS);

    const sql: Sql = openSql(pg.url);
    try {
      const rows = await sql<{ external_id: string; id: number }[]>`
        select external_id, id::int as id from complaints where external_id like 'many-%'`;
      const stored = new Map(rows.map((r) => [r.external_id, r.id]));
      expect(acked.size).toBe(CLIENTS * ITEMS);
      expect(stored.size).toBe(acked.size);
      for (const [externalId, id] of acked) expect(stored.get(externalId)).toBe(id);
    } finally {
      await sql.end();
    }
  });
});
