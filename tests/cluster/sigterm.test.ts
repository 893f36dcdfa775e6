/**
 * Issue 14's SIGTERM, on the production build: one node on a throwaway PostgreSQL, two clients hammering
 * writes each on its own keep-alive connection, a screen subscribed; SIGTERM mid-stream. Asserted:
 *   - the node exits by itself (code 0) within 10 s;
 *   - after the signal, a request is answered 200 (it was in flight), 503 `shutting_down` with Retry-After
 *     and `Connection: close`, or not at all (the port closed): nothing else, and none after the exit;
 *   - the screen stays connected until the node stops, not dropped first;
 *   - every acknowledged item is stored, under the id it was acknowledged with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSql, type Sql } from './support/cluster-facts';
import { startFaultWriter, watchStatus } from './support/fault-client-a';
import { startPostgres, type ThrowawayPostgres } from './support/postgres';
import { killAllNodes, spawnNode, type NodeProcess } from './support/spawn-node';

let pg: ThrowawayPostgres;
let node: NodeProcess;

beforeAll(async () => {
  pg = await startPostgres();
  node = await spawnNode({ databaseUrl: pg.url, nodeId: 'sigterm-a', bootstrap: true });
});

afterAll(async () => {
  killAllNodes();
  await pg?.destroy();
});

describe('SIGTERM with busy keep-alive connections', () => {
  it('refuses new writes, finishes those in flight, exits within 10 s, loses nothing acknowledged', async () => {
    const secrets = node.secrets!;
    const screen = await watchStatus(node.url, secrets.operatorToken);
    let screenGoneAt = 0;
    screen.socket.on('disconnect', () => (screenGoneAt ||= performance.now()));
    const writer = startFaultWriter({
      url: node.url,
      token: secrets.sourceKey,
      source: secrets.source,
      prefix: 'sigterm',
      lanes: 2,
      batchSize: 200,
      pauseMs: 0,
      maxWaitMs: 100,
    });
    await new Promise((r) => setTimeout(r, 4_000));
    expect(writer.acked.size).toBeGreaterThan(0);

    const signalAt = performance.now();
    const mark = node.mark();
    node.kill('SIGTERM');
    const exit = await Promise.race([
      node.exited,
      new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
    ]);
    const exitedAt = performance.now();
    await writer.stop();
    screen.close();

    const after = writer.answers.filter((a) => a.at + a.ms >= signalAt);
    const report = {
      exitMs: Math.round(exitedAt - signalAt),
      exit,
      acknowledged: writer.acked.size,
      answersAfterSignal: [...new Set(after.map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`))],
      refused: after.filter((a) => a.code === 'shutting_down').length,
      screenDroppedMsAfterSignal: screenGoneAt ? Math.round(screenGoneAt - signalAt) : null,
      log: node
        .logs()
        .slice(mark)
        .split('\n')
        .filter((l) => /shutting down|draining|drain deadline|shut down|deadline/.test(l))
        .map((l) => (JSON.parse(l) as { msg: string }).msg),
    };
    console.log(`sigterm: ${JSON.stringify(report)}`);

    expect(exit).not.toBeNull();
    expect(exit!.code).toBe(0);
    expect(report.exitMs).toBeLessThan(10_000);
    for (const a of after) {
      if (a.status === 200) continue;
      if (a.status === 0) continue;
      expect(a.status).toBe(503);
      expect(a.code).toBe('shutting_down');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(a.connection).toBe('close');
    }
    // Nothing was answered 200 after the process was gone.
    expect(writer.answers.filter((a) => a.status === 200 && a.at > exitedAt)).toHaveLength(0);
    // The screen was not dropped before the HTTP side was done (the drain's in-flight requests end first).
    expect(report.screenDroppedMsAfterSignal).not.toBeNull();

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
