import { startOfMoscowDay } from '../domain/moscow-time';
import { HOUR_MS, floorTo } from '../domain/time-units';
import type { PlaybackCounters, PlaybackData } from './types';

/** Prefix sums of a playback's series: any window's count is two look-ups, whatever the clock does. */
export interface CounterIndex {
  from: number;
  to: number;
  stepMs: number;
  seriesFrom: number;
  /** cumReceived[i] = received in the first i buckets. */
  cumReceived: Float64Array;
  cumResolved: Float64Array;
  backlogFrom: number;
  open: (number | null)[];
  overdue: (number | null)[];
  veryLate: (number | null)[];
}

function prefixSums(values: number[]): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i += 1) sums[i + 1] = sums[i]! + values[i]!;
  return sums;
}

export function indexCounters(data: PlaybackData): CounterIndex {
  return {
    from: Date.parse(data.from),
    to: Date.parse(data.to),
    stepMs: data.stepMs,
    seriesFrom: Date.parse(data.series.from),
    cumReceived: prefixSums(data.series.received),
    cumResolved: prefixSums(data.series.resolved),
    backlogFrom: Date.parse(data.backlog.from),
    open: data.backlog.open,
    overdue: data.backlog.overdue,
    veryLate: data.backlog.veryLate,
  };
}

/** The clock position the numbers are exact at: floored to the step and kept inside the replay. */
export function counterClock(index: Pick<CounterIndex, 'from' | 'to' | 'stepMs'>, clock: number): number {
  const floored = floorTo(new Date(clock), index.stepMs).getTime();
  return Math.min(index.to, Math.max(index.from, floored));
}

/** Received (or resolved) in [start, end): both edges are step boundaries inside the series. */
function windowSum(index: CounterIndex, sums: Float64Array, start: number, end: number): number {
  const bucket = (t: number) =>
    Math.min(sums.length - 1, Math.max(0, Math.round((t - index.seriesFrom) / index.stepMs)));
  return sums[bucket(end)]! - sums[bucket(start)]!;
}

/**
 * The wall's numbers at a clock position: received since Moscow midnight and in the last hour, resolved since
 * midnight (exact: every window edge is a step boundary), and the backlog recorded at the start of the hour.
 */
export function countersAt(index: CounterIndex, clock: number): PlaybackCounters {
  const at = counterClock(index, clock);
  const midnight = startOfMoscowDay(new Date(at)).getTime();
  const backlogAt = floorTo(new Date(at), HOUR_MS).getTime();
  const hour = Math.round((backlogAt - index.backlogFrom) / HOUR_MS);
  return {
    at,
    today: windowSum(index, index.cumReceived, midnight, at),
    lastHour: windowSum(index, index.cumReceived, at - HOUR_MS, at),
    resolvedToday: windowSum(index, index.cumResolved, midnight, at),
    open: index.open[hour] ?? null,
    overdue: index.overdue[hour] ?? null,
    veryLate: index.veryLate[hour] ?? null,
    backlogAt,
  };
}
