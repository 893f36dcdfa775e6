/**
 * Phase b: ingest → wall latency at a steady 1,000 complaints/s (100 every 100 ms): the time from a batch's
 * HTTP answer (after the commit) to the first `wall:delta` a subscribed client receives that counts it.
 */
import { buildTemplates, moscowMidnight, type Reference } from './lib/complaints';
import { phaseResult, scaled, withServer, type BenchContext } from './lib/context';
import { cpuMeter } from './lib/cpu';
import { firstReflecting, outOfOrderAcks, thresholds } from './lib/delivery';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { steady } from './lib/pacer';
import { serverErrors } from './lib/server';
import { figure, fmt, type PhaseResult } from './lib/report';
import { distribution, sleep } from './lib/stats';
import { connectWall } from './lib/wall-client';

const BATCH = 100;
const INTERVAL_MS = 100;

export async function phaseLatency(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult('latency', 'b. Ingest → wall latency at 1,000 complaints/s');
  await withServer(ctx, 'latency', async (server) => {
    const ref = await getJson<Reference>(`${server.url}/api/v1/reference`);
    const pool = buildPointPool(6000);
    const now = Date.now();
    // `today` must count every one of them: received since Moscow midnight and not in the future.
    const templates = buildTemplates(ref, pool, {
      batchSize: BATCH,
      count: 50,
      receivedFrom: Math.max(moscowMidnight(now) + 1000, now - 2 * 3600_000),
      receivedTo: now - 5000,
    });
    const wall = await connectWall(server.url);
    const base = wall.snapshot.summary.today;
    const agent = keepAliveAgent(8);
    const tally = emptyTally();
    const warmupMs = scaled(ctx, 5, 2);
    const durationMs = scaled(ctx, 30, 5);
    console.log(
      `  ${BATCH} complaints every ${INTERVAL_MS} ms: ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured …`,
    );
    const cpu = cpuMeter(server.pid);
    const run = await steady({
      agent,
      baseUrl: server.url,
      templates,
      prefix: `${ctx.runTag}b`,
      tally,
      intervalMs: INTERVAL_MS,
      warmupMs,
      durationMs,
      maxInFlight: 8,
    });
    const serverPct = cpu.stop();
    agent.destroy();
    // The last batches need one coalescing window (and a recount) to reach the screen.
    await sleep(2000);
    wall.close();

    const needs = thresholds(run.batches, base);
    const hit = firstReflecting(wall.deltas, needs);
    const latencies: number[] = [];
    let unseen = 0;
    let early = 0;
    run.batches.forEach((b, k) => {
      if (!b.measured) return;
      const d = hit[k]!;
      if (d < 0) return void unseen++;
      const ms = wall.deltas[d]!.t - b.ackAt;
      // A delta can beat the HTTP answer to the client: the change is on the wall before the sender knows.
      if (ms < 0) early++;
      latencies.push(Math.max(0, ms));
    });
    // Cross-check with exact ids: the ≤ 20 newest arrivals a delta names, matched to their batch's answer.
    const ackById = new Map<number, number>();
    for (const b of run.batches) if (b.measured) for (const id of b.ids) ackById.set(id, b.ackAt);
    const byId: number[] = [];
    for (const d of wall.deltas)
      for (const id of d.recentIds) {
        const ack = ackById.get(id);
        if (ack !== undefined) {
          byId.push(Math.max(0, d.t - ack));
          ackById.delete(id);
        }
      }
    const dist = distribution(latencies);
    const idDist = distribution(byId);
    const measured = run.batches.filter((b) => b.measured);
    const rate = measured.reduce((s, b) => s + b.created, 0) / (durationMs / 1000);
    const deltasInWindow = wall.deltas.filter((d) => d.t >= run.measuredFrom && d.t <= run.measuredTo).length;

    result.figures.push(
      figure('ingest → wall p50', dist.p50, 'ms', { op: '<', value: 300 }),
      figure('ingest → wall p95', dist.p95, 'ms'),
      figure('ingest → wall p99', dist.p99, 'ms', { op: '<', value: 300 }),
      figure('ingest → wall max', dist.max, 'ms'),
      figure('batches measured / never reflected', `${dist.count} / ${unseen}`, ''),
      figure('achieved ingest rate', Math.round(rate), '/s', { op: '>=', value: 950 }),
      figure('skipped ticks (8 requests still waiting)', run.skipped, ''),
      figure('duplicate or rejected items (must be none)', tally.duplicate + tally.rejected, '', {
        op: '=',
        value: 0,
      }),
      figure('wall deltas per second', Math.round((deltasInWindow / (durationMs / 1000)) * 10) / 10, '/s'),
      figure('id-matched latency p50 / p99 (cross-check)', `${fmt(idDist.p50)} / ${fmt(idDist.p99)}`, 'ms'),
      figure('server CPU (share of one core)', serverPct, '%'),
    );
    result.notes.push(
      `Method: ${BATCH} complaints posted every ${INTERVAL_MS} ms on an absolute schedule (at most 8 in flight). For each batch, t_ack = arrival of its HTTP answer (sent after the commit); the wall client's deltas are scanned in arrival order for the first whose summary.today ≥ snapshot.today + complaints created by this and all earlier batches; latency = that delta's receipt time − t_ack (same process, same clock). ${early} batches were on the wall before their answer arrived (counted as 0 ms). Acks out of send order: ${outOfOrderAcks(run.batches)}.`,
      `Cross-check: complaint ids listed in a delta's 'recent' (the newest few each delta lists) matched to their batch's t_ack, ${byId.length} ids.`,
      ...tally.rejectSamples.map((s) => `sample error: ${s}`),
      ...serverErrors(server.logFile).map((l) => `server log: ${l}`),
    );
    result.details = {
      latencyMs: dist,
      idMatchedLatencyMs: idDist,
      tally,
      skipped: run.skipped,
      unseen,
      earlyBatches: early,
      deltas: wall.deltas.length,
      serverCpuPercent: serverPct,
    };
  });
  return result;
}
