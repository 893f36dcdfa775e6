/**
 * Phase: fan-out over three nodes. 3 × `--clients` wall screens (three child processes of bench/fanout-clients.ts)
 * connect through the balancer, which spreads them over the nodes; complaints go in at 1,000/s through the
 * balancer too. Delivery = a screen's receipt of the first delta of its node that counts a batch − that batch's
 * HTTP answer, so it includes the change feed's trip from the committing node to the screen's node.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildTemplates, moscowMidnight, type Reference } from './lib/complaints';
import { gaugeSum, withCluster } from './lib/cluster';
import { phaseResult, scaled, type BenchContext } from './lib/context';
import { cpuMeter } from './lib/cpu';
import { fanoutSamples } from './lib/delivery';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { steady } from './lib/pacer';
import { postmasterPid } from './lib/pg';
import { figure, fmt, type PhaseResult } from './lib/report';
import { distribution, sleep } from './lib/stats';
import { waitFor } from './phase-fanout';

const CHILDREN = 3;

export async function phaseClusterFanout(ctx: BenchContext): Promise<PhaseResult> {
  const total = CHILDREN * ctx.args.clients;
  const result = phaseResult(
    'cluster-fanout',
    `g. Fan-out to ${total} wall clients over 3 nodes at 1,000 complaints/s`,
  );
  await withCluster(ctx, 'cluster-fanout', 3, async (cluster) => {
    const ref = await getJson<Reference>(`${cluster.url}/api/v1/reference`);
    const now = Date.now();
    const templates = buildTemplates(ref, buildPointPool(6000), {
      batchSize: 100,
      count: 50,
      receivedFrom: Math.max(moscowMidnight(now) + 1000, now - 2 * 3600_000),
      receivedTo: now - 5000,
    });
    const children: ChildProcess[] = [];
    try {
      for (let k = 0; k < CHILDREN; k++)
        children.push(
          fork(path.join(ctx.root, 'bench', 'fanout-clients.ts'), [], {
            execArgv: ['--import', 'tsx'],
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          }),
        );
      // One child at a time: three connect storms at once would measure the storm.
      let connected = 0;
      let failed = 0;
      for (const child of children) {
        const ready = waitFor(child, 'ready', 300_000);
        child.send({ type: 'start', url: cluster.url, clients: ctx.args.clients });
        const r = await ready;
        connected += r.connected;
        failed += r.failed;
      }
      const perNode = await Promise.all(cluster.nodes.map((n) => gaugeSum(n, 'cur_screens_connected')));
      console.log(`  ${connected} clients subscribed (${failed} failed); per node ${perNode.join(' / ')}`);
      const base = (await getJson<{ today: number }>(`${cluster.url}/api/v1/summary`)).today;
      const agent = keepAliveAgent(8);
      const tally = emptyTally();
      const warmupMs = scaled(ctx, 3, 1);
      const durationMs = scaled(ctx, 30, 5);
      console.log(
        `  100 complaints every 100 ms through the balancer: ${warmupMs / 1000} s + ${durationMs / 1000} s …`,
      );
      const nodesCpu = cluster.nodes.map((n) => cpuMeter(n.pid));
      const pgCpu = cpuMeter(postmasterPid(ctx.pg));
      const clientsCpu = children.map((c) => cpuMeter(c.pid ?? null));
      const run = await steady({
        agent,
        baseUrl: cluster.url,
        templates,
        prefix: `${ctx.runTag}g`,
        tally,
        intervalMs: 100,
        warmupMs,
        durationMs,
        maxInFlight: 8,
      });
      const nodesPct = nodesCpu.reduce((s, m) => s + m.stop(), 0);
      const pgPct = pgCpu.stop();
      const clientsPct = clientsCpu.reduce((s, m) => s + m.stop(), 0);
      agent.destroy();
      await sleep(2000);
      const reports = [];
      let disconnects = 0;
      for (const child of children) {
        const report = waitFor(child, 'deltas', 60_000);
        child.send({ type: 'report' });
        const r = await report;
        disconnects += r.disconnects;
        reports.push(r.deltas);
      }
      const { latencies, missed, unseen } = fanoutSamples(reports, run.batches, base);
      const dist = distribution(latencies);
      const rate =
        run.batches.filter((b) => b.measured).reduce((s, b) => s + b.created, 0) / (durationMs / 1000);
      result.figures.push(
        figure('clients subscribed', `${connected}/${total}`, ''),
        figure('clients per node (cur_screens_connected)', perNode.join(' / '), ''),
        figure('delivery p50', dist.p50, 'ms'),
        figure('delivery p95', dist.p95, 'ms'),
        figure('delivery p99', dist.p99, 'ms', { op: '<', value: 500 }),
        figure('delivery max', dist.max, 'ms'),
        figure(
          'CPU nodes / PostgreSQL / client processes (share of one core)',
          `${fmt(nodesPct)} / ${fmt(pgPct)} / ${fmt(clientsPct)}`,
          '%',
        ),
        figure('achieved ingest rate', Math.round(rate), '/s', { op: '>=', value: 950 }),
        figure(
          'deltas missed by a client / batches a node never showed / disconnects',
          `${missed} / ${unseen} / ${disconnects}`,
          '',
        ),
      );
      result.notes.push(
        `${CHILDREN} child processes of ${ctx.args.clients} socket.io-client websockets each (scope {}), connected through HAProxy (leastconn spreads them over the nodes); ingest of 100 complaints every 100 ms through the balancer. Each node numbers its own deltas: the reflecting delta is found per node (epoch) and each client's receipt of its node's delta is one sample (${dist.count} samples; one clock for all processes).`,
        ...tally.rejectSamples.map((s) => `sample error: ${s}`),
      );
      result.details = {
        deliveryMs: dist,
        tally,
        missed,
        unseen,
        disconnects,
        perNode,
        nodesCpuPercent: nodesPct,
      };
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
  return result;
}
