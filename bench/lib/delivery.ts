/**
 * Which wall delta first reflects a batch. `recent` in a delta holds at most 20 arrivals, so a batch of 100 is
 * matched by count instead: batch k is reflected by the first delta whose summary `today` reaches the snapshot's
 * `today` plus every complaint created by batches 0..k (in send order). Batches are sent 100 ms apart and commit
 * in a few ms, so send order is commit order; acks that came back out of order are counted as a check.
 */
import type { SentBatch } from './pacer';

export interface DeltaPoint {
  t: number;
  seq: number;
  today: number | null;
}

/** For each batch, the cumulative `today` that proves it was counted. */
export function thresholds(batches: SentBatch[], baseToday: number): number[] {
  let sum = baseToday;
  return batches.map((b) => (sum += b.created));
}

/** Index into `deltas` (arrival order) of the first delta reaching each threshold, or -1. */
export function firstReflecting(deltas: DeltaPoint[], needs: number[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (const need of needs) {
    // Thresholds only grow and `today` only grows within a day, so one forward scan serves all batches.
    while (d < deltas.length && (deltas[d]!.today ?? -1) < need) d++;
    out.push(d < deltas.length ? d : -1);
  }
  return out;
}

export function outOfOrderAcks(batches: SentBatch[]): number {
  let n = 0;
  let latest = -Infinity;
  for (const b of batches) {
    if (b.ackAt < latest) n++;
    latest = Math.max(latest, b.ackAt);
  }
  return n;
}

/** One fan-out child's report: per node epoch and delta seq, each of its clients' receipt times. */
export interface FanoutDeltas {
  epoch: string;
  seq: number;
  today: number | null;
  times: (number | null)[];
}

export interface FanoutSamples {
  /** Receipt − HTTP answer of the batch, per (measured batch, client that was sent the reflecting delta). */
  latencies: number[];
  /** (batch, client) pairs whose node sent the reflecting delta but the client never got it. */
  missed: number;
  /** (batch, node) pairs no delta of that node ever reflected. */
  unseen: number;
}

/**
 * Delivery samples over every child's clients. Each node numbers its own deltas (its epoch), so the reflecting
 * delta is found per epoch; a client counts only for the epoch it was on (it has times there).
 */
export function fanoutSamples(
  reports: FanoutDeltas[][],
  batches: SentBatch[],
  baseToday: number,
): FanoutSamples {
  const needs = thresholds(batches, baseToday);
  const out: FanoutSamples = { latencies: [], missed: 0, unseen: 0 };
  for (const deltas of reports) {
    const byEpoch = new Map<string, FanoutDeltas[]>();
    for (const d of deltas) byEpoch.set(d.epoch, [...(byEpoch.get(d.epoch) ?? []), d]);
    for (const list of byEpoch.values()) {
      list.sort((a, b) => a.seq - b.seq);
      // A client belongs to this epoch if it received any of its deltas; with one node, every client does
      // (one that got nothing at all is missing every delta, not elsewhere).
      const members = list[0]!.times.map(
        (_t, i) => byEpoch.size === 1 || list.some((d) => d.times[i] !== null),
      );
      const hit = firstReflecting(
        list.map((d) => ({ t: 0, seq: d.seq, today: d.today })),
        needs,
      );
      batches.forEach((b, k) => {
        if (!b.measured) return;
        const d = hit[k]!;
        if (d < 0) return void out.unseen++;
        list[d]!.times.forEach((t, i) => {
          if (!members[i]) return;
          if (t === null) out.missed++;
          else out.latencies.push(Math.max(0, t - b.ackAt));
        });
      });
    }
  }
  return out;
}
