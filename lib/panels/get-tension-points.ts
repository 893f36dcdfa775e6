import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/client';
import { rollupH3Hourly, rollupHourlyScope } from '../../db/schema';
import { TENSION_LIMIT, type TensionPoint } from './types';
import { ALL } from '../domain/scope';
import { detectTension, type TensionCandidate } from '../stats/tension';
import { floorHour, HOUR_MS, WEEK_MS } from '../domain/time-units';

/** Previous weeks the usual level of an hour of the week is learnt from. */
export const TENSION_BASELINE_WEEKS = 4;

export type TensionPoints = TensionPoint[];
type Locate = (lon: number, lat: number) => string | null;

interface SlotCounts {
  key: string;
  bucket: Date;
  n: number;
}

/**
 * Where a block's complaints now run far above their own usual level for this hour of the week: the current and
 * the previous clock hour of every municipality and every coarse hexagon against the same hours of the previous
 * weeks (the current hour scaled to its elapsed part), judged by lib/stats/tension.ts.
 */
export async function getTensionPoints(
  db: Db,
  block: string,
  now: Date,
  locate: Locate,
): Promise<TensionPoints> {
  const current = floorHour(now).getTime();
  const elapsed = (now.getTime() - current) / HOUR_MS;
  const buckets: Date[] = [];
  for (let week = 0; week <= TENSION_BASELINE_WEEKS; week += 1)
    for (const hour of [current, current - HOUR_MS]) buckets.push(new Date(hour - week * WEEK_MS));

  const [municipalities, cells] = await Promise.all([
    db
      .select({
        key: rollupHourlyScope.municipalityOktmo,
        bucket: rollupHourlyScope.bucket,
        n: rollupHourlyScope.n,
      })
      .from(rollupHourlyScope)
      .where(
        and(
          eq(rollupHourlyScope.blockCode, block),
          ne(rollupHourlyScope.municipalityOktmo, ALL),
          ne(rollupHourlyScope.municipalityOktmo, ''),
          inArray(rollupHourlyScope.bucket, buckets),
        ),
      ),
    db
      .select({
        key: rollupH3Hourly.h3,
        bucket: rollupH3Hourly.bucket,
        n: sql<number>`${rollupH3Hourly.n}`.mapWith(Number),
      })
      .from(rollupH3Hourly)
      .where(
        and(
          eq(rollupH3Hourly.blockCode, block),
          eq(rollupH3Hourly.resolution, 6),
          inArray(rollupH3Hourly.bucket, buckets),
        ),
      ),
  ]);

  const points: (TensionPoint & { pValue: number })[] = [];
  for (const r of detectTension(candidatesOf(municipalities, current, elapsed)))
    points.push({ kind: 'municipality', key: r.key, municipality: r.key, ...stats(r) });
  for (const r of detectTension(candidatesOf(cells, current, elapsed))) {
    const [lat, lon] = cellToLatLng(r.key);
    points.push({ kind: 'cell', key: r.key, municipality: locate(lon, lat), ...stats(r) });
  }
  return points
    .sort((a, b) => a.pValue - b.pValue || b.ratio - a.ratio)
    .slice(0, TENSION_LIMIT)
    .map(({ pValue: _pValue, ...point }) => point);
}

const stats = (r: { observed: number; expected: number; ratio: number; pValue: number }) => ({
  observed: r.observed,
  expected: r.expected,
  ratio: r.ratio,
  pValue: r.pValue,
});

/** Observed = the previous hour plus the current one so far; each past week counts the same span. */
export function candidatesOf(rows: SlotCounts[], current: number, elapsed: number): TensionCandidate[] {
  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const slots = byKey.get(r.key) ?? new Map<number, number>();
    slots.set(r.bucket.getTime(), (slots.get(r.bucket.getTime()) ?? 0) + r.n);
    byKey.set(r.key, slots);
  }
  const candidates: TensionCandidate[] = [];
  for (const [key, slots] of byKey) {
    const at = (t: number) => slots.get(t) ?? 0;
    const observed = at(current) + at(current - HOUR_MS);
    if (observed === 0) continue;
    const history: number[] = [];
    for (let week = 1; week <= TENSION_BASELINE_WEEKS; week += 1) {
      const base = current - week * WEEK_MS;
      history.push(at(base - HOUR_MS) + elapsed * at(base));
    }
    candidates.push({ key, observed, history });
  }
  return candidates;
}
