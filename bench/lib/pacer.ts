/**
 * Senders. `flatOut` keeps N requests in flight for a fixed time (throughput); `steady` starts one batch per
 * interval on an absolute schedule (latency at a given rate), never queueing behind a slow answer, so a slow
 * server shows up as latency and skipped ticks rather than as a quietly lower rate.
 */
import type http from 'node:http';
import { bodyFor, type BatchTemplate } from './complaints';
import { postBatch, type IngestTally } from './http';
import { nowMs, sleep } from './stats';

export interface SentBatch {
  /** Send order, from 0. */
  index: number;
  size: number;
  sentAt: number;
  ackAt: number;
  created: number;
  ids: number[];
  /** Sent after the warm-up: the batches the figures are computed from. */
  measured: boolean;
}

export interface SendOptions {
  agent: http.Agent;
  baseUrl: string;
  templates: BatchTemplate[];
  /** Unique per run and phase: externalIds are `${prefix}${batch}-${item}`. */
  prefix: string;
  tally: IngestTally;
}

export interface SteadyOptions extends SendOptions {
  intervalMs: number;
  warmupMs: number;
  durationMs: number;
  maxInFlight: number;
  /** Told of every answered batch as it is answered (the run's list is only returned at its end). */
  onBatch?: (batch: SentBatch) => void;
}

export interface SteadyRun {
  batches: SentBatch[];
  /** Ticks not sent because maxInFlight requests were still waiting. */
  skipped: number;
  measuredFrom: number;
  measuredTo: number;
}

export async function steady(opts: SteadyOptions): Promise<SteadyRun> {
  const batches: SentBatch[] = [];
  const pending = new Set<Promise<void>>();
  const t0 = nowMs();
  const measuredFrom = t0 + opts.warmupMs;
  const end = measuredFrom + opts.durationMs;
  let skipped = 0;
  let sent = 0;
  for (let tick = 0; ; tick++) {
    const due = t0 + tick * opts.intervalMs;
    if (due >= end) break;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    if (pending.size >= opts.maxInFlight) {
      skipped++;
      continue;
    }
    const template = opts.templates[tick % opts.templates.length]!;
    // Numbered at send time (answers come back in any order): the prefix must be unique per request.
    const index = sent++;
    const sentAt = nowMs();
    const job = postBatch(
      opts.agent,
      opts.baseUrl,
      bodyFor(template, `${opts.prefix}${index}`),
      opts.tally,
      end + 30_000,
    )
      .then((outcome) => {
        if (!outcome) return;
        const batch: SentBatch = {
          index,
          size: template.items.length,
          sentAt,
          ackAt: outcome.ackAt,
          created: outcome.created,
          ids: outcome.ids,
          measured: sentAt >= measuredFrom,
        };
        batches.push(batch);
        opts.onBatch?.(batch);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
  }
  await Promise.all(pending);
  batches.sort((a, b) => a.index - b.index);
  return { batches, skipped, measuredFrom, measuredTo: end };
}

export interface FlatOutOptions extends SendOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Hard cap on batches, whatever the time. */
  maxBatches: number;
}

export interface FlatOutRun {
  /** Created complaints whose batch was answered inside the measured window. */
  measuredCreated: number;
  measuredSeconds: number;
  batchLatencies: number[];
  /** Every prefix used, for rebuilding the same rows elsewhere. */
  sent: { prefix: string; template: number }[];
}

export async function flatOut(opts: FlatOutOptions): Promise<FlatOutRun> {
  const t0 = nowMs();
  const measuredFrom = t0 + opts.warmupMs;
  const end = measuredFrom + opts.durationMs;
  let next = 0;
  let measuredCreated = 0;
  const batchLatencies: number[] = [];
  const sent: FlatOutRun['sent'] = [];
  const worker = async () => {
    while (nowMs() < end && next < opts.maxBatches) {
      const index = next++;
      const template = index % opts.templates.length;
      const prefix = `${opts.prefix}${index}`;
      sent.push({ prefix, template });
      const sentAt = nowMs();
      const outcome = await postBatch(
        opts.agent,
        opts.baseUrl,
        bodyFor(opts.templates[template]!, prefix),
        opts.tally,
        end,
      );
      if (!outcome) continue;
      if (outcome.ackAt >= measuredFrom && outcome.ackAt <= end) {
        measuredCreated += outcome.created;
        batchLatencies.push(outcome.ackAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { measuredCreated, measuredSeconds: (end - measuredFrom) / 1000, batchLatencies, sent };
}
