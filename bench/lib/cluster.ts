/**
 * Several nodes of the app on one phase database, behind HAProxy from deploy/haproxy.cfg (the same balancer the
 * process-level tests start: tests/cluster/support/balancer.ts). The first node starts alone (it migrates the
 * fresh database), the others after it; all share the build and the database URL.
 */
import { readFileSync } from 'node:fs';
import { startBalancer, type Balancer } from '../../tests/cluster/support/balancer';
import type { BenchContext, PhaseName } from './context';
import { provisionBenchToken } from './identity';
import { createDatabase, dropDatabase } from './pg';
import { startServer, type RunningServer } from './server';

export interface ClusterNode extends RunningServer {
  nodeId: string;
}

export interface BenchCluster {
  nodes: ClusterNode[];
  balancer: Balancer;
  /** The balancer's URL: where the bench posts and screens connect. */
  url: string;
  databaseUrl: string;
  /** Starts a node again (after a kill) under its id, on its port, where the balancer expects it. */
  restart(node: ClusterNode): Promise<ClusterNode>;
}

const NODE_ENV = {
  // The balancer reaches the nodes on loopback and passes its own port in Host; it names the client.
  ALLOWED_HOSTS: '127.0.0.1,localhost',
  TRUSTED_PROXIES: '127.0.0.1',
  // The bench measures throughput, not the per-identity write limit (a person's 240 a minute).
  RATE_LIMIT_USER_WRITES_PER_MINUTE: '0',
};

export async function withCluster<T>(
  ctx: BenchContext,
  phase: PhaseName,
  size: number,
  work: (cluster: BenchCluster) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const databaseUrl = await createDatabase(ctx.pg, `${phase.replace(/-/g, '_')}${size}`);
  const nodes: ClusterNode[] = [];
  let balancer: Balancer | null = null;
  const start = async (nodeId: string, port?: number): Promise<ClusterNode> => {
    const server = await startServer(
      ctx.root,
      databaseUrl,
      `${phase}-${nodeId}`,
      { ...NODE_ENV, NODE_ID: nodeId, ...env },
      port,
    );
    return { ...server, nodeId };
  };
  try {
    await provisionBenchToken(databaseUrl);
    for (let i = 1; i <= size; i++) nodes.push(await start(`n${i}`));
    balancer = await startBalancer(nodes);
    const b = balancer;
    return await work({
      nodes,
      balancer: b,
      url: b.url,
      databaseUrl,
      restart: async (node) => {
        const since = b.mark();
        const again = await start(node.nodeId, node.port);
        nodes[nodes.indexOf(node)] = again;
        // Back in the rotation: two passed checks.
        await b.waitForLog(new RegExp(`nodes/${node.nodeId} is UP`), 10_000, since);
        return again;
      },
    });
  } finally {
    await balancer?.stop();
    await Promise.all(nodes.map((n) => n.stop()));
    if (!ctx.args.keepDatabases) await dropDatabase(ctx.pg, databaseUrl).catch(() => {});
  }
}

/** The node whose /metrics says `cur_leader 1` (loopback may scrape without the token), or null. */
export async function leaderOf(nodes: ClusterNode[], timeoutMs = 15_000): Promise<ClusterNode> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(
      nodes.map(async (n) => {
        try {
          const res = await fetch(`${n.url}/metrics`, { signal: AbortSignal.timeout(2000) });
          return /^cur_leader(\{[^}]*\})? 1$/m.test(await res.text());
        } catch {
          return false;
        }
      }),
    );
    const leaders = nodes.filter((_n, i) => states[i]);
    if (leaders.length === 1) return leaders[0]!;
    if (Date.now() > deadline)
      throw new Error(`no single leader among ${nodes.map((n) => n.nodeId).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sum of a gauge over its label sets in a node's /metrics (e.g. cur_screens_connected). */
export async function gaugeSum(node: ClusterNode, name: string): Promise<number> {
  const res = await fetch(`${node.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  let sum = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = new RegExp(`^${name}(\\{[^}]*\\})? ([0-9.e+-]+)$`).exec(line);
    if (m) sum += Number(m[2]);
  }
  return sum;
}

/** The `time` of the first log line matching `re` after byte `since` of a node's log, or null. */
export function logTime(node: ClusterNode, re: RegExp, since: number): number | null {
  let text: string;
  try {
    text = readFileSync(node.logFile, 'utf8').slice(since);
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    if (!re.test(line)) continue;
    try {
      return (JSON.parse(line) as { time: number }).time;
    } catch {
      return null;
    }
  }
  return null;
}

export function logSize(node: ClusterNode): number {
  try {
    return readFileSync(node.logFile, 'utf8').length;
  } catch {
    return 0;
  }
}
