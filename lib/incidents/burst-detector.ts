import { HOUR_MS, WEEK_MS } from '../domain/time-units';
import { detectTension, type TensionCandidate } from '../stats/tension';

/**
 * Bursts of one category in one municipality, judged by lib/stats/tension.ts like the block panels' tension
 * points, but at the grain the room acts on: «Краснознаменск · нет отопления», not «ЖКХ in Краснознаменск».
 * The same pure function serves the leader's live scan and the reconstruction of history, so the wall and the
 * briefing see the same incidents.
 */

/** Previous weeks the usual level of an hour of the week is learnt from. */
export const INCIDENT_BASELINE_WEEKS = 4;
/**
 * Fewest complaints in the two-hour window for an incident: a wall that alarms on every handful is ignored.
 * Below this a rise stays a panel's tension point.
 */
export const INCIDENT_MIN_OBSERVED = 8;
export const INCIDENT_MIN_RATIO = 3;

/** Complaints per clock hour (ms of the bucket start) of one place and category. */
export type HourlySeries = Map<number, number>;

/** `oktmo|category` → its hourly series. */
export type SeriesByKey = Map<string, HourlySeries>;

export const seriesKey = (oktmo: string, category: string) => `${oktmo}|${category}`;

export function splitSeriesKey(key: string): { oktmo: string; category: string } {
  const at = key.indexOf('|');
  return { oktmo: key.slice(0, at), category: key.slice(at + 1) };
}

export function addToSeries(series: SeriesByKey, key: string, hour: number, n: number): void {
  let hours = series.get(key);
  if (!hours) series.set(key, (hours = new Map()));
  hours.set(hour, (hours.get(hour) ?? 0) + n);
}

export interface Burst {
  key: string;
  /** Complaints in the window (the previous hour plus the current one so far). */
  observed: number;
  expected: number;
  /** The window's counts in the previous weeks, scaled like `observed`, rounded out: «обычно 0–1». */
  usualLow: number;
  usualHigh: number;
  /** The first clock hour of the window with complaints: where the burst starts. */
  openedAt: number;
}

/**
 * The bursts at `current` (the start of a clock hour) with `elapsed` (0..1) of it gone. Linear in the number
 * of series: each looks up ten buckets.
 */
export function detectBursts(series: SeriesByKey, current: number, elapsed: number): Burst[] {
  const candidates: TensionCandidate[] = [];
  const histories = new Map<string, number[]>();
  const opened = new Map<string, number>();
  for (const [key, hours] of series) {
    const at = (t: number) => hours.get(t) ?? 0;
    const previous = at(current - HOUR_MS);
    const observed = at(current) + previous;
    // Quiet series still inform the pooled spread of weekly counts; empty ones say nothing.
    if (observed === 0) continue;
    const history: number[] = [];
    for (let week = 1; week <= INCIDENT_BASELINE_WEEKS; week += 1) {
      const base = current - week * WEEK_MS;
      history.push(at(base - HOUR_MS) + elapsed * at(base));
    }
    candidates.push({ key, observed, history });
    histories.set(key, history);
    opened.set(key, previous > 0 ? current - HOUR_MS : current);
  }
  // Every active series is a candidate of the family, so the false-alarm correction counts them all.
  return detectTension(candidates, { minObserved: INCIDENT_MIN_OBSERVED, minRatio: INCIDENT_MIN_RATIO }).map(
    (r) => {
      const history = histories.get(r.key) ?? [0];
      return {
        key: r.key,
        observed: r.observed,
        expected: r.expected,
        usualLow: Math.floor(Math.min(...history)),
        usualHigh: Math.ceil(Math.max(...history)),
        openedAt: opened.get(r.key) ?? current,
      };
    },
  );
}

/** Complaints of the series from `from` (a bucket start) up to and including `to`. */
export function countSince(hours: HourlySeries | undefined, from: number, to: number): number {
  if (!hours) return 0;
  let total = 0;
  for (const [hour, n] of hours) if (hour >= from && hour <= to) total += n;
  return total;
}
