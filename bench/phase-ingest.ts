/**
 * Phase a: intake throughput end to end (HTTP → validation → write transaction → commit → wall broadcast),
 * with a wall client subscribed, then the COPY ceiling for the same rows on the same PostgreSQL.
 */
import { cpuMeter, selfCpuMeter } from './lib/cpu';
import { buildPointPool } from './lib/geo-points';
import { buildTemplates, type Reference } from './lib/complaints';
import { copyCeiling } from './lib/copy-ceiling';
import { phaseResult, scaled, withServer, type BenchContext } from './lib/context';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { flatOut } from './lib/pacer';
import { postmasterPid } from './lib/pg';
import { serverErrors } from './lib/server';
import { figure, fmt, type PhaseResult } from './lib/report';
import { distribution, nowMs } from './lib/stats';
import { connectWall } from './lib/wall-client';

const BATCH = 1000;

export async function phaseIngest(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult('ingest', 'a. Ingest throughput end to end vs COPY ceiling');
  await withServer(ctx, 'ingest', async (server, databaseUrl) => {
    const ref = await getJson<Reference>(`${server.url}/api/v1/reference`);
    const pool = buildPointPool(6000);
    const now = Date.now();
    const templates = buildTemplates(ref, pool, {
      batchSize: BATCH,
      count: 24,
      receivedFrom: now - 3 * 3600_000,
      receivedTo: now - 60_000,
    });
    const wall = await connectWall(server.url);
    const agent = keepAliveAgent(ctx.args.concurrency);
    const tally = emptyTally();
    const warmupMs = scaled(ctx, 8, 2);
    const durationMs = scaled(ctx, 45, 5);
    console.log(
      `  posting batches of ${BATCH} from ${ctx.args.concurrency} connections: ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured …`,
    );
    const serverCpu = cpuMeter(server.pid);
    const pgCpu = cpuMeter(postmasterPid(ctx.pg));
    const driverCpu = selfCpuMeter();
    const t0 = nowMs();
    const run = await flatOut({
      agent,
      baseUrl: server.url,
      templates,
      prefix: `${ctx.runTag}a`,
      tally,
      concurrency: ctx.args.concurrency,
      warmupMs,
      durationMs,
      maxBatches: 200_000,
    });
    const serverPct = serverCpu.stop();
    const pgPct = pgCpu.stop();
    const driverPct = driverCpu.stop();
    agent.destroy();
    const deltasDuring = wall.deltas.filter((d) => d.t >= t0).length;
    wall.close();
    const rate = run.measuredCreated / run.measuredSeconds;
    const answer = distribution(run.batchLatencies);

    const ceilingRows = Math.min(500_000, Math.max(100_000, tally.created));
    console.log(
      `  ingest: ${Math.round(rate).toLocaleString('en')} complaints/s; COPY ceiling over ${ceilingRows.toLocaleString('en')} rows …`,
    );
    const ceiling = await copyCeiling(databaseUrl, templates, run.sent, ceilingRows, ctx.runTag);
    const ratio = (rate / ceiling.perSecond) * 100;

    result.figures.push(
      figure('ingest, complaints/s (created, sustained)', Math.round(rate), '/s', {
        op: '>=',
        value: 20_000,
      }),
      figure('COPY ceiling, complaints/s', Math.round(ceiling.perSecond), '/s'),
      figure('ingest / COPY ceiling', Math.round(ratio * 10) / 10, '%', { op: '>=', value: 30 }),
      figure('rejected items', tally.rejected, '', { op: '=', value: 0 }),
      figure('503/429 answers (honoured Retry-After)', tally.throttled, ''),
      figure('failed requests (non-503 5xx, transport)', tally.failed, '', { op: '=', value: 0 }),
      figure('batch answer time p50 / p99', `${fmt(answer.p50)} / ${fmt(answer.p99)}`, 'ms'),
      figure('server CPU (share of one core)', serverPct, '%'),
      figure('PostgreSQL CPU (share of one core)', pgPct, '%'),
      figure('bench driver CPU (share of one core)', driverPct, '%'),
      figure('wall deltas received during the run', deltasDuring, ''),
      figure(
        'ceiling rows equal to stored rows (sample)',
        `${ceiling.verifiedEqual}/${ceiling.verifiedTotal}`,
        '',
      ),
    );
    result.notes.push(
      `${ctx.args.concurrency} keep-alive connections post batches of ${BATCH} valid complaints (${pool.points.length} points around all ${pool.municipalities.length} municipality centres, weighted by population, pre-checked with the app's own locator; ${pool.droppedOutside} drawn points fell outside and were never sent) for ${warmupMs / 1000} s of warm-up then ${durationMs / 1000} s; the rate counts 'created' items whose batch was answered inside the measured window. 503/429 wait Retry-After and resend the same body; any other failure is counted, not resent, and pauses that connection 1 s. A Socket.IO wall client is subscribed to the region throughout.`,
      'Server: NODE_ENV=production SIMULATOR=off LOG_LEVEL=warn node --import tsx server.ts on a fresh database (what `npx tsx server.ts` runs, without the launcher process, so the pid measured is the server itself).',
      `Ceiling: the same ${ceiling.rows.toLocaleString('en')} rows (same externalIds, texts, points; municipality, due time and H3 cells computed by the bench) streamed with COPY … FROM STDIN (CSV) into a bare table LIKE complaints (no indexes, no partitions), columns: ${ceiling.columns.join(', ')}.`,
      ...ceiling.mismatches.map((m) => `ceiling check: ${m}`),
      ...tally.rejectSamples.map((s) => `sample error: ${s}`),
      ...serverErrors(server.logFile).map((l) => `server log: ${l}`),
    );
    result.details = {
      tally,
      measuredSeconds: run.measuredSeconds,
      measuredCreated: run.measuredCreated,
      batchAnswerMs: answer,
      ceiling,
      serverCpuPercent: serverPct,
      postgresCpuPercent: pgPct,
      driverCpuPercent: driverPct,
      pointPool: { points: pool.points.length, droppedOutside: pool.droppedOutside },
    };
  });
  return result;
}
