/**
 * deploy/haproxy.cfg in front of two nodes on one PostgreSQL: what the balancer itself must get right. Socket.IO
 * long-polling stays on one node (the sticky cookie), the nodes see the client's address and never one a client
 * wrote, /metrics is per node, and a node that dies, hangs or drains leaves the rotation in time without a
 * read through the balancer failing (a killed node may cut the one answer it was writing; nothing else).
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, type Balancer } from './support/balancer';
import { eventually } from './support/cluster-facts';
import { startPostgres, type ThrowawayPostgres } from './support/postgres';
import {
  killAllNodes,
  METRICS_TOKEN,
  spawnNode,
  type ClusterSecrets,
  type NodeProcess,
} from './support/spawn-node';
import { watchWall } from './support/wall-watch';

let pg: ThrowawayPostgres;
let n1: NodeProcess;
let n2: NodeProcess;
let balancer: Balancer;
let secrets: ClusterSecrets;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  pg = await startPostgres();
  n1 = await spawnNode({ databaseUrl: pg.url, nodeId: 'n1', bootstrap: true });
  secrets = n1.secrets!;
  n2 = await spawnNode({ databaseUrl: pg.url, nodeId: 'n2' });
  balancer = await startBalancer([n1, n2]);
});

afterAll(async () => {
  await balancer?.stop();
  await Promise.all([n1?.stop(), n2?.stop()]);
  killAllNodes();
  await pg?.destroy();
});

/**
 * GETs through the balancer one after another while `during` runs: the statuses that were not 200, and apart
 * from them the reads whose answer stopped midway (`cut`): a node killed while writing one cannot finish it,
 * and the balancer, which has passed its headers on, cannot resend it. Only the one read in flight can be cut.
 */
async function readThroughout(
  during: () => Promise<void>,
): Promise<{ reads: number; failed: string[]; cut: number }> {
  let done = false;
  let reads = 0;
  let cut = 0;
  const failed: string[] = [];
  const reader = (async () => {
    while (!done) {
      reads++;
      try {
        const res = await fetch(`${balancer.url}/api/v1/summary`, {
          headers: bearer(secrets.operatorToken),
          signal: AbortSignal.timeout(5000),
        });
        if (res.status !== 200) failed.push(`HTTP ${res.status}`);
        try {
          await res.text();
        } catch {
          cut++;
        }
      } catch (error) {
        failed.push((error as Error).message);
      }
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await reader;
  }
  return { reads, failed, cut };
}

/** A node is back in the rotation: its own check passed `rise` times (the balancer logs it UP). */
const upAgain = (nodeId: string, since: number) =>
  balancer.waitForLog(new RegExp(`nodes/${nodeId} is UP`), 10_000, since);

describe('the balancer (deploy/haproxy.cfg)', () => {
  it('keeps a long-polling Socket.IO session on one node with its sticky cookie', async () => {
    const polling = await Promise.all(
      [0, 1, 2, 3].map((k) =>
        watchWall(balancer.url, { name: `polling-${k}`, token: secrets.operatorToken, mode: 'polling' }),
      ),
    );
    try {
      const before = polling.map((w) => w.latest()!.today);
      const res = await fetch(`${balancer.url}/api/v1/complaints`, {
        method: 'POST',
        headers: { ...bearer(secrets.sourceKey), 'content-type': 'application/json' },
        body: JSON.stringify({
          source: secrets.source,
          externalId: 'lb-sticky-1',
          receivedAt: new Date(Date.now() - 1000).toISOString(),
          text: 'Не горит фонарь у дома 3',
          lat: 55.7963,
          lon: 37.938,
          category: 'transport.street-lighting',
        }),
      });
      expect(res.status).toBe(200);
      for (const [k, w] of polling.entries())
        await eventually(async () => (w.latest()!.today > before[k]! ? true : undefined), 10_000, w.name);
      expect(polling.map((w) => w.disconnects)).toEqual([0, 0, 0, 0]);
      // Both nodes hold sessions: the cookie pins each client, it does not herd them onto one node.
      expect(new Set(polling.map((w) => w.node())).size).toBe(2);
    } finally {
      for (const w of polling) w.close();
    }
    // The control: the same clients without a cookie jar lose their session to the other node.
    const withoutCookie = await Promise.all(
      [0, 1, 2, 3].map(
        () =>
          new Promise<boolean>((resolve) => {
            const socket = io(balancer.url, {
              auth: { token: secrets.operatorToken },
              transports: ['polling'],
              forceNew: true,
              reconnection: false,
            });
            const finish = (ok: boolean) => {
              clearTimeout(timer);
              socket.close();
              resolve(ok);
            };
            const timer = setTimeout(() => finish(false), 5000);
            socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, () => {}));
            socket.on('wall:snapshot', () => finish(true));
            socket.on('connect_error', () => finish(false));
            socket.on('disconnect', () => finish(false));
          }),
      ),
    );
    expect(withoutCookie.filter(Boolean).length).toBeLessThan(4);
  });

  it("tells the nodes the client's address, never one the client wrote", async () => {
    const issueKey = (url: string, forwardedFor: string) =>
      fetch(`${url}/api/v1/source-keys`, {
        method: 'POST',
        headers: {
          ...bearer(secrets.adminToken),
          'content-type': 'application/json',
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify({ source: 'media', label: 'lb address' }),
      });
    const lastAuditAddress = async () => {
      const res = await fetch(`${n1.url}/api/v1/audit?limit=1`, { headers: bearer(secrets.adminToken) });
      const { entries } = (await res.json()) as { entries: { action: string; address: string | null }[] };
      expect(entries[0]!.action).toBe('source_key_issued');
      return entries[0]!.address;
    };
    expect((await issueKey(balancer.url, '198.51.100.7')).status).toBe(201);
    expect(await lastAuditAddress()).toBe('127.0.0.1');
    // A node believes the header from its trusted balancer's address (here: this machine's loopback).
    expect((await issueKey(n2.url, '203.0.113.9')).status).toBe(201);
    expect(await lastAuditAddress()).toBe('203.0.113.9');
  });

  it('serves /metrics per node only', async () => {
    const through = await fetch(`${balancer.url}/metrics`, { headers: bearer(METRICS_TOKEN) });
    expect(through.status).toBe(404);
    expect(((await through.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const direct = await fetch(`${n2.url}/metrics`, { headers: bearer(METRICS_TOKEN) });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toMatch(/^cur_leader(\{[^}]*\})? [01]$/m);
  });

  it('takes a killed node out within a second and a half; no read through it fails unless cut mid-answer', async () => {
    const since = balancer.mark();
    let downAfter = Number.NaN;
    try {
      const { reads, failed, cut } = await readThroughout(async () => {
        await new Promise((r) => setTimeout(r, 1000));
        const killedAt = Date.now();
        n2.kill('SIGKILL');
        await balancer.waitForLog(/nodes\/n2 is DOWN/, 5000, since);
        downAfter = Date.now() - killedAt;
        await new Promise((r) => setTimeout(r, 1000));
      });
      expect(downAfter).toBeLessThanOrEqual(1500);
      expect(reads).toBeGreaterThan(20);
      expect(failed).toEqual([]);
      // A cut read is one the balancer logged as ended by the node during the answer (SD); at most one.
      const cutInLog =
        balancer
          .logs()
          .slice(since)
          .match(/ SD[-A-Z]{2} /g)?.length ?? 0;
      expect(cut).toBeLessThanOrEqual(1);
      expect(cut).toBe(cutInLog);
    } finally {
      // Back before the next test even when this one failed, so one failure does not take the others down.
      const back = balancer.mark();
      n2 = await spawnNode({ databaseUrl: pg.url, nodeId: 'n2', port: n2.port });
      await upAgain('n2', back);
    }
  });

  it('takes a hung node out within three seconds and back when it answers again', async () => {
    const since = balancer.mark();
    const stoppedAt = Date.now();
    let resumed: number;
    n2.kill('SIGSTOP');
    try {
      await balancer.waitForLog(/nodes\/n2 is DOWN/, 6000, since);
      expect(Date.now() - stoppedAt).toBeLessThanOrEqual(3000);
      const { failed, cut } = await readThroughout(() => new Promise((r) => setTimeout(r, 1000)));
      expect(failed).toEqual([]);
      expect(cut).toBe(0);
    } finally {
      resumed = balancer.mark();
      n2.kill('SIGCONT');
    }
    await upAgain('n2', resumed);
  });

  it('takes a draining node (SIGTERM) out while it finishes; no read through it fails', async () => {
    const since = balancer.mark();
    let exit: Awaited<NodeProcess['exited']> | undefined;
    const { failed, cut } = await readThroughout(async () => {
      await new Promise((r) => setTimeout(r, 500));
      n2.kill('SIGTERM');
      exit = await n2.exited;
      // An idle node finishes its drain before the balancer's second failed check, so the takeout may come
      // after the exit (refused connections are resent meanwhile); reads go on until it has come.
      await balancer.waitForLog(/nodes\/n2 is DOWN/, 3000, since);
      await new Promise((r) => setTimeout(r, 500));
    });
    // A drain finishes every answer it started: nothing is cut, unlike a kill.
    expect(failed).toEqual([]);
    expect(cut).toBe(0);
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
