import { and, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourly } from '../../db/schema';
import { addToSeries, seriesKey, type SeriesByKey } from './burst-detector';

/** The hours to read: an explicit set (the live scan's ten buckets) or a span [from, to) for history. */
export type SeriesWindow = { buckets: Date[] } | { from: Date; to: Date };

/**
 * Complaints per clock hour of every located municipality × category in the window, from the exact hourly
 * rollup (its key starts with the bucket, so the read is a range scan). Summed over sources and status
 * classes: a complaint counts in the hour it arrived whatever became of it.
 */
export async function readIncidentSeries(db: Db, window: SeriesWindow): Promise<SeriesByKey> {
  const when =
    'buckets' in window
      ? inArray(rollupHourly.bucket, window.buckets)
      : and(gte(rollupHourly.bucket, window.from), lt(rollupHourly.bucket, window.to));
  const rows = await db
    .select({
      oktmo: rollupHourly.municipalityOktmo,
      category: rollupHourly.categoryCode,
      bucket: rollupHourly.bucket,
      n: sql<number>`sum(${rollupHourly.n})`.mapWith(Number),
    })
    .from(rollupHourly)
    .where(and(when, ne(rollupHourly.municipalityOktmo, ''), ne(rollupHourly.categoryCode, '')))
    .groupBy(rollupHourly.municipalityOktmo, rollupHourly.categoryCode, rollupHourly.bucket);
  const series: SeriesByKey = new Map();
  for (const r of rows)
    if (r.n > 0) addToSeries(series, seriesKey(r.oktmo, r.category), r.bucket.getTime(), r.n);
  return series;
}
