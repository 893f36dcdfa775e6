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
