/**
 * Issue 14's database outage, on the production build: one node on a throwaway PostgreSQL, a writer posting
 * through keep-alive connections, a screen subscribed, /healthz polled like a balancer; PostgreSQL is stopped
 * (`pg_ctl stop -m fast`) for 10 s and started again on the same folder. Asserted:
 *   - every answer comes within 2 s; while the database is gone they are 503 `database_unavailable` with
 *     Retry-After (the first one within 2 s of the stop), never a bare 500 or a hang;
 *   - /healthz answers 503 within a second while it is gone;
 *   - the screen is told `server:status` down within 2 s, and ok again on recovery;
 *   - intake succeeds again within 3 s of the database's return, by itself;
 *   - every acknowledged item is stored, under the id it was acknowledged with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSql, type Sql } from './support/cluster-facts';
import { send, startFaultWriter, watchStatus, type Answer } from './support/fault-client-a';
import { startPostgres, type ThrowawayPostgres } from './support/postgres';
import { killAllNodes, spawnNode, type NodeProcess } from './support/spawn-node';

const OUTAGE_MS = 10_000;

let pg: ThrowawayPostgres;
let node: NodeProcess;

beforeAll(async () => {
  pg = await startPostgres();
  node = await spawnNode({ databaseUrl: pg.url, nodeId: 'outage-a', bootstrap: true });
});

afterAll(async () => {
  await node?.stop(5_000).catch(() => {});
  killAllNodes();
  await pg?.destroy();
});

describe('PostgreSQL stopped for 10 s under a writer and a screen', () => {
  it('answers 503 with Retry-After within 2 s, /healthz 503 within 1 s, tells the screen, recovers within 3 s, loses nothing acknowledged', async () => {
    const secrets = node.secrets!;
    const screen = await watchStatus(node.url, secrets.operatorToken);
    const writer = startFaultWriter({
      url: node.url,
      token: secrets.sourceKey,
      source: secrets.source,
      prefix: 'outage',
      lanes: 2,
      batchSize: 50,
      pauseMs: 100,
      maxWaitMs: 500,
    });
    const health: Answer[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        health.push((await send(node.url, { path: '/healthz' })).answer);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(writer.acked.size).toBeGreaterThan(0);

    const stopAt = performance.now();
    await pg.stop();
    const stoppedAt = performance.now();
    await new Promise((r) => setTimeout(r, OUTAGE_MS - (performance.now() - stopAt)));
    const startAt = performance.now();
    await pg.start();
    const backAt = performance.now();
    // Until the writer has a success sent after the return, and a while more to see it keeps working.
    const deadline = backAt + 10_000;
    while (
      performance.now() < deadline &&
      !writer.answers.some(
        (a) => a.at >= backAt && a.status === 200 && a.at + a.ms < performance.now() - 1_000,
      )
    )
      await new Promise((r) => setTimeout(r, 100));
    await writer.stop();
    polling = false;
    await poller;
    screen.close();

    const answers = writer.answers;
    const whileDown = answers.filter((a) => a.at >= stoppedAt && a.at + a.ms <= startAt);
    const firstRefusal = answers.find((a) => a.at >= stopAt && a.status === 503);
    const firstSuccess = answers.find((a) => a.at >= backAt && a.status === 200);
    const healthDown = health.filter((h) => h.at >= stoppedAt + 1_000 && h.at + h.ms <= startAt);
    const downStatus = screen.statuses.find((s) => s.at >= stopAt && s.status.database === 'down');
    const upStatus = screen.statuses.find((s) => s.at >= startAt && s.status.database === 'ok');
    const worst = Math.max(...answers.map((a) => a.ms));
    const worstHealth = Math.max(...health.map((h) => h.ms));
    const report = {
      stopMs: Math.round(stoppedAt - stopAt),
      requests: answers.length,
      whileDown: whileDown.length,
      statuses: [...new Set(answers.map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`))],
      firstRefusalMs: firstRefusal ? Math.round(firstRefusal.at + firstRefusal.ms - stopAt) : null,
      worstAnswerMs: Math.round(worst),
      worstHealthzMs: Math.round(worstHealth),
      screenDownMs: downStatus ? Math.round(downStatus.at - stopAt) : null,
      screenUpMs: upStatus ? Math.round(upStatus.at - backAt) : null,
      recoveryMs: firstSuccess ? Math.round(firstSuccess.at + firstSuccess.ms - backAt) : null,
      acknowledged: writer.acked.size,
    };
    console.log(`database outage: ${JSON.stringify(report)}`);

    expect(whileDown.length).toBeGreaterThan(10);
    for (const a of whileDown) {
      expect(a.status).toBe(503);
      expect(a.code).toBe('database_unavailable');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Nothing else ever: no bare 500, no transport error, no hang.
    expect(answers.every((a) => a.status === 200 || (a.status === 503 && a.retryAfter !== null))).toBe(true);
    expect(worst).toBeLessThan(2_000);
    expect(report.firstRefusalMs).not.toBeNull();
    expect(report.firstRefusalMs!).toBeLessThan(2_000 + report.stopMs);
    expect(healthDown.length).toBeGreaterThan(10);
    for (const h of healthDown) expect(h.status).toBe(503);
    expect(worstHealth).toBeLessThan(1_000);
    expect(report.screenDownMs).not.toBeNull();
    expect(report.screenDownMs!).toBeLessThan(2_000 + report.stopMs);
    expect(report.screenUpMs).not.toBeNull();
    expect(report.screenUpMs!).toBeLessThan(3_000);
    expect(report.recoveryMs).not.toBeNull();
    expect(report.recoveryMs!).toBeLessThan(3_000);

    const sql: Sql = openSql(pg.url);
    try {
      const ids = [...writer.acked.keys()];
      const rows = await sql<{ external_id: string; id: number }[]>`
        select external_id, id::int as id from complaints where external_id = any(${ids})`;
      const stored = new Map(rows.map((r) => [r.external_id, r.id]));
      expect(stored.size).toBe(ids.length);
      for (const [externalId, id] of writer.acked) expect(stored.get(externalId)).toBe(id);
    } finally {
      await sql.end();
    }
  });
});
