/**
 * Phase d: fan-out to 500 wall screens (a separate process) while ingesting 1,000 complaints/s. Delivery time
 * = a screen's receipt of the first delta that counts a batch − that batch's HTTP answer in the driver, over
 * every (batch, screen) pair; plus the server's CPU while it does so.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { buildTemplates, moscowMidnight, type Reference } from './lib/complaints';
import { phaseResult, scaled, withServer, type BenchContext } from './lib/context';
import { cpuMeter } from './lib/cpu';
import { fanoutSamples } from './lib/delivery';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { steady } from './lib/pacer';
import { serverErrors } from './lib/server';
import { figure, type PhaseResult } from './lib/report';
import { distribution, sleep } from './lib/stats';
import type { FanoutMessage } from './fanout-clients';

export function waitFor<T extends FanoutMessage['type']>(
  child: ReturnType<typeof fork>,
  type: T,
  timeoutMs: number,
): Promise<Extract<FanoutMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`fan-out clients: no '${type}' within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onMessage = (m: FanoutMessage) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as Extract<FanoutMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`fan-out clients exited with ${code}`)));
  });
}

export async function phaseFanout(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult(
    'fanout',
    `d. Fan-out to ${ctx.args.clients} wall clients at 1,000 complaints/s`,
  );
  await withServer(ctx, 'fanout', async (server) => {
    const ref = await getJson<Reference>(`${server.url}/api/v1/reference`);
    const now = Date.now();
    const templates = buildTemplates(ref, buildPointPool(6000), {
      batchSize: 100,
      count: 50,
      receivedFrom: Math.max(moscowMidnight(now) + 1000, now - 2 * 3600_000),
      receivedTo: now - 5000,
    });
    const child = fork(path.join(ctx.root, 'bench', 'fanout-clients.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      const ready = waitFor(child, 'ready', 180_000);
      child.send({ type: 'start', url: server.url, clients: ctx.args.clients });
      const r = await ready;
      console.log(
        `  ${r.connected} clients subscribed in ${r.connectSeconds.toFixed(1)} s (${r.failed} failed)`,
      );
      // Today before the run, from the API (the clients' snapshots hold the same number).
      const base = (await getJson<{ today: number }>(`${server.url}/api/v1/summary`)).today;
      const agent = keepAliveAgent(8);
      const tally = emptyTally();
      const warmupMs = scaled(ctx, 3, 1);
      const durationMs = scaled(ctx, 30, 5);
      console.log(
        `  100 complaints every 100 ms: ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured …`,
      );
      const serverCpu = cpuMeter(server.pid);
      const clientsCpu = cpuMeter(child.pid ?? null);
      const run = await steady({
        agent,
        baseUrl: server.url,
        templates,
        prefix: `${ctx.runTag}d`,
        tally,
        intervalMs: 100,
        warmupMs,
        durationMs,
        maxInFlight: 8,
      });
      const serverPct = serverCpu.stop();
      const clientsPct = clientsCpu.stop();
      agent.destroy();
      await sleep(2000);
      const report = waitFor(child, 'deltas', 60_000);
      child.send({ type: 'report' });
      const { deltas, clients, disconnects } = await report;

      // Which delta first counts each batch, and every client's receipt of it.
      const { latencies, missed, unseen } = fanoutSamples([deltas], run.batches, base);
      const dist = distribution(latencies);
      const rate =
        run.batches.filter((b) => b.measured).reduce((s, b) => s + b.created, 0) / (durationMs / 1000);
      result.figures.push(
        figure('clients subscribed', `${clients}/${ctx.args.clients}`, ''),
        figure('delivery p50', dist.p50, 'ms'),
        figure('delivery p95', dist.p95, 'ms'),
        figure('delivery p99', dist.p99, 'ms', { op: '<', value: 500 }),
        figure('delivery max', dist.max, 'ms'),
        figure('server CPU (share of one core)', serverPct, '%'),
        figure('client process CPU (share of one core)', clientsPct, '%'),
        figure('achieved ingest rate', Math.round(rate), '/s', { op: '>=', value: 950 }),
        figure('deltas missed by a client / disconnects', `${missed} / ${disconnects}`, ''),
        figure('duplicate or rejected items (must be none)', tally.duplicate + tally.rejected, '', {
          op: '=',
          value: 0,
        }),
      );
      result.notes.push(
        `${clients} socket.io-client websockets (one connection each, scope {}) in a separate Node process; for every measured batch the first delta seq whose summary.today reaches the batch's cumulative count is found, and each client's receipt time of that seq minus the batch's HTTP answer time in the driver is one sample (${dist.count} samples; one clock: performance.timeOrigin + performance.now() in both processes). Server CPU = utime+stime from /proc/<pid>/stat over the send window.`,
        ...(r.errors.length ? [`connect errors: ${r.errors.join('; ')}`] : []),
        ...tally.rejectSamples.map((s) => `sample error: ${s}`),
        ...serverErrors(server.logFile).map((l) => `server log: ${l}`),
      );
      result.details = {
        deliveryMs: dist,
        tally,
        unseenBatches: unseen,
        missed,
        disconnects,
        serverCpuPercent: serverPct,
        clientsCpuPercent: clientsPct,
        connectSeconds: r.connectSeconds,
      };
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
  return result;
}
