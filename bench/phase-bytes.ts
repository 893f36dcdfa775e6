/**
 * Phase e: bytes per wall update at 10 and at 5,000 complaints/s. The hub coalesces changes into at most a few
 * deltas a second, so the update rate should not follow the ingest rate; the size may (more cells change).
 */
import { buildTemplates, moscowMidnight, type Reference } from './lib/complaints';
import { phaseResult, scaled, withServer, type BenchContext } from './lib/context';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { steady } from './lib/pacer';
import { serverErrors } from './lib/server';
import { figure, fmt, type PhaseResult } from './lib/report';
import { distribution, mean, sleep } from './lib/stats';
import { connectWall } from './lib/wall-client';

const RATES = [
  { perSecond: 10, batch: 1 },
  { perSecond: 5000, batch: 500 },
];

export async function phaseBytes(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult('bytes', 'e. Bytes per wall update at 10/s and 5,000/s ingest');
  await withServer(ctx, 'bytes', async (server) => {
    const ref = await getJson<Reference>(`${server.url}/api/v1/reference`);
    const pool = buildPointPool(6000);
    const details: Record<string, unknown> = {};
    const measured: { bytes: number; updates: number }[] = [];
    for (const { perSecond, batch } of RATES) {
      const now = Date.now();
      const templates = buildTemplates(ref, pool, {
        batchSize: batch,
        count: 40,
        receivedFrom: Math.max(moscowMidnight(now) + 1000, now - 2 * 3600_000),
        receivedTo: now - 5000,
        seed: perSecond,
      });
      const wall = await connectWall(server.url);
      const tally = emptyTally();
      const agent = keepAliveAgent(8);
      const warmupMs = scaled(ctx, 3, 1);
      const durationMs = scaled(ctx, 20, 5);
      console.log(
        `  ${perSecond}/s (${batch} every 100 ms): ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured …`,
      );
      const run = await steady({
        agent,
        baseUrl: server.url,
        templates,
        prefix: `${ctx.runTag}e${perSecond}x`,
        tally,
        intervalMs: 100,
        warmupMs,
        durationMs,
        maxInFlight: 8,
      });
      agent.destroy();
      await sleep(500);
      wall.close();
      const inWindow = wall.deltas.filter((d) => d.t >= run.measuredFrom && d.t <= run.measuredTo);
      const seqs = new Set(inWindow.map((d) => d.seq));
      const frames = inWindow.map((d) => d.frameBytes);
      const seconds = durationMs / 1000;
      const rate = run.batches.filter((b) => b.measured).reduce((s, b) => s + b.created, 0) / seconds;
      const payload = distribution(inWindow.map((d) => d.payloadBytes));
      result.figures.push(
        figure(`${perSecond}/s: achieved ingest`, Math.round(rate), '/s', {
          op: '>=',
          value: perSecond * 0.95,
        }),
        figure(
          `${perSecond}/s: wall updates per second`,
          Math.round((seqs.size / seconds) * 100) / 100,
          '/s',
        ),
        figure(`${perSecond}/s: mean bytes per update (decoded payload)`, Math.round(payload.mean), 'B'),
        figure(`${perSecond}/s: mean bytes per update (websocket frames)`, Math.round(mean(frames)), 'B'),
        figure(`${perSecond}/s: p95 / max payload bytes`, `${fmt(payload.p95)} / ${fmt(payload.max)}`, 'B'),
      );
      measured.push({ bytes: payload.mean, updates: seqs.size / seconds });
      details[`rate${perSecond}`] = {
        achieved: rate,
        updates: seqs.size,
        payloadBytes: payload,
        frameBytesMean: mean(frames),
        tally,
        skipped: run.skipped,
      };
      result.notes.push(...tally.rejectSamples.map((s) => `sample error at ${perSecond}/s: ${s}`));
    }
    const [quiet, busy] = measured;
    if (quiet && busy) {
      // "The same" read as within 10% either way: a burst must neither cost a screen more nor slow its updates.
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      result.figures.push(
        figure('bytes per update, 5,000/s ÷ 10/s', ratio(busy.bytes, quiet.bytes), '×', {
          op: 'within',
          value: 1,
          tolerance: 0.1,
        }),
        figure('updates per second, 5,000/s ÷ 10/s', ratio(busy.updates, quiet.updates), '×', {
          op: 'within',
          value: 1,
          tolerance: 0.1,
        }),
      );
    }
    result.notes.push(
      'Bytes: payload = the delta as the client decoded it (UTF-8 JSON, binary fields such as packed cell counts at their raw byte length); websocket frames = the engine.io text frame (type digit + socket.io packet) plus any binary attachment frames that carried it. Updates per second = distinct delta seqs received in the measured window by one subscribed client (heartbeat ticks included). Both rates run on one fresh database, 10/s first.',
    );
    result.notes.push(...serverErrors(server.logFile).map((l) => `server log: ${l}`));
    result.details = details;
  });
  return result;
}
