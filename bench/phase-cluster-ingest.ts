/**
 * Phase: intake throughput with 1, 2 and 3 nodes on one PostgreSQL, each behind the balancer, in the same run;
 * for each size the COPY ceiling of the same rows on the same server, as in the one-node ingest phase.
 */
import os from 'node:os';
import postgres from 'postgres';
import { buildTemplates, type Reference } from './lib/complaints';
import { copyCeiling } from './lib/copy-ceiling';
import { gaugeSum, withCluster, type BenchCluster } from './lib/cluster';
import { phaseResult, scaled, type BenchContext } from './lib/context';
import { cpuMeter } from './lib/cpu';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { flatOut } from './lib/pacer';
import { postmasterPid } from './lib/pg';
import { sampleWaits, type WaitShare } from './lib/pg-waits';
import { figure, fmt, type PhaseResult } from './lib/report';
import { serverErrors } from './lib/server';
import { distribution } from './lib/stats';
import { connectWall } from './lib/wall-client';

const BATCH = 1000;
const SIZES = [1, 2, 3];

interface SizeResult {
  nodes: number;
  rate: number;
  ceiling: number;
  ratio: number;
  answerP99: number;
  nodesCpu: number;
  pgCpu: number;
  balancerCpu: number;
  perNode: Record<string, number>;
  rejected: number;
  failed: number;
  throttled: number;
  screens: number;
  waits: WaitShare[];
}

async function measure(ctx: BenchContext, cluster: BenchCluster, size: number): Promise<SizeResult> {
  const ref = await getJson<Reference>(`${cluster.url}/api/v1/reference`);
  const now = Date.now();
  const templates = buildTemplates(ref, buildPointPool(6000), {
    batchSize: BATCH,
    count: 24,
    receivedFrom: now - 3 * 3600_000,
    receivedTo: now - 60_000,
  });
  // A screen on every node: each node's hubs recount what the others commit, as they would in a control room.
  const walls = await Promise.all(cluster.nodes.map((n) => connectWall(n.url, { recordDeltas: false })));
  const concurrency = ctx.args.concurrency * size;
  const agent = keepAliveAgent(concurrency);
  const tally = emptyTally();
  const warmupMs = scaled(ctx, 6, 2);
  const durationMs = scaled(ctx, 30, 5);
  console.log(
    `  ${size} node(s): batches of ${BATCH} from ${concurrency} connections through the balancer, ${warmupMs / 1000} s + ${durationMs / 1000} s …`,
  );
  const meters = cluster.nodes.map((n) => cpuMeter(n.pid));
  const pgCpu = cpuMeter(postmasterPid(ctx.pg));
  const lbCpu = cpuMeter(cluster.balancer.pid);
  const waits = sampleWaits(cluster.databaseUrl);
  const run = await flatOut({
    agent,
    baseUrl: cluster.url,
    templates,
    prefix: `${ctx.runTag}c${size}`,
    tally,
    concurrency,
    warmupMs,
    durationMs,
    maxBatches: 200_000,
  });
  const nodesCpu = meters.reduce((sum, m) => sum + m.stop(), 0);
  const pgPct = pgCpu.stop();
  const lbPct = lbCpu.stop();
  const waitShares = await waits.stop();
  agent.destroy();
  const screens = (await Promise.all(cluster.nodes.map((n) => gaugeSum(n, 'cur_screens_connected')))).reduce(
    (a, b) => a + b,
    0,
  );
  for (const w of walls) w.close();
  const rate = run.measuredCreated / run.measuredSeconds;

  // Which node committed the arrivals: the change feed names the writer of every transaction.
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  const byNode = await sql<{ node: string; n: string }[]>`
    select node, sum(jsonb_array_length(payload->'created')) as n from change_feed group by node order by node`;
  await sql.end({ timeout: 5 });
  const ceilingRows = Math.min(500_000, Math.max(100_000, tally.created));
  console.log(
    `  ${Math.round(rate).toLocaleString('en')}/s; COPY ceiling over ${ceilingRows.toLocaleString('en')} rows …`,
  );
  const ceiling = await copyCeiling(
    cluster.databaseUrl,
    templates,
    run.sent,
    ceilingRows,
    `${ctx.runTag}${size}`,
  );
  for (const n of cluster.nodes)
    for (const line of serverErrors(n.logFile, 2)) console.log(`  ${n.nodeId} log: ${line}`);
  return {
    nodes: size,
    rate,
    ceiling: ceiling.perSecond,
    ratio: (rate / ceiling.perSecond) * 100,
    answerP99: distribution(run.batchLatencies).p99,
    nodesCpu,
    pgCpu: pgPct,
    balancerCpu: lbPct,
    perNode: Object.fromEntries(byNode.map((r) => [r.node, Number(r.n)])),
    rejected: tally.rejected,
    failed: tally.failed,
    throttled: tally.throttled,
    screens,
    waits: waitShares,
  };
}

export async function phaseClusterIngest(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult('cluster-ingest', 'e. Intake with 1, 2 and 3 nodes behind the balancer vs COPY');
  const sizes: SizeResult[] = [];
  for (const size of SIZES)
    sizes.push(await withCluster(ctx, 'cluster-ingest', size, (c) => measure(ctx, c, size)));
  const one = sizes[0]!.rate;
  for (const s of sizes) {
    const label = `${s.nodes} node${s.nodes > 1 ? 's' : ''}`;
    const total = Object.values(s.perNode).reduce((a, b) => a + b, 0) || 1;
    const spread = Object.entries(s.perNode)
      .map(([node, n]) => `${node} ${Math.round((n / total) * 100)}%`)
      .join(', ');
    result.figures.push(
      figure(`${label}: complaints/s (created, sustained)`, Math.round(s.rate), '/s', {
        op: '>=',
        value: 20_000,
      }),
      figure(`${label}: COPY ceiling`, Math.round(s.ceiling), '/s'),
      figure(`${label}: intake / COPY`, Math.round(s.ratio * 10) / 10, '%', { op: '>=', value: 30 }),
      figure(`${label}: × one node`, Math.round((s.rate / one) * 100) / 100, ''),
      figure(`${label}: batch acknowledged p99 (503 waits included)`, s.answerP99, 'ms'),
      figure(
        `${label}: CPU nodes / PostgreSQL / HAProxy (share of one core)`,
        `${fmt(s.nodesCpu)} / ${fmt(s.pgCpu)} / ${fmt(s.balancerCpu)}`,
        '%',
      ),
      figure(`${label}: arrivals committed per node`, spread, ''),
      figure(
        `${label}: PostgreSQL backends busy on`,
        s.waits
          .slice(0, 4)
          .map((w) => `${w.wait} ${w.percent}%`)
          .join(', '),
        '',
      ),
      figure(`${label}: 503 answers (Retry-After honoured, the same batch resent)`, s.throttled, ''),
      figure(`${label}: rejected / failed requests`, s.rejected + s.failed, '', { op: '=', value: 0 }),
    );
  }
  result.notes.push(
    `For each size: a fresh database, the nodes (NODE_ID n1…, the same build and DATABASE_URL, SIMULATOR=off, LOG_LEVEL=warn) started one after another, HAProxy from deploy/haproxy.cfg in front, a websocket wall client subscribed on every node; ${ctx.args.concurrency} keep-alive connections per node post batches of ${BATCH} through the balancer (leastconn), as in the one-node ingest phase; 503/429 wait Retry-After and resend. Then the COPY ceiling of the same rows into a bare table on the same server. "Arrivals committed per node" is read from the change feed (the writer of each transaction). "Backends busy on": pg_stat_activity of the phase database sampled every 200 ms during the run, active client backends by wait event ("running": on CPU or in I/O without a wait event).`,
    `All of it shares this machine's ${os.availableParallelism()} cores: the nodes, PostgreSQL, HAProxy and this driver. Nodes' CPU is the sum over the node processes.`,
  );
  result.details = { sizes };
  return result;
}
