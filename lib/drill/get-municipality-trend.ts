import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope } from '../../db/schema';
import { TREND_DAYS, type MunicipalityTrend } from './types';
import { ALL } from '../domain/scope';
import { lastMoscowDates, startOfMoscowDay } from '../domain/moscow-time';
import { DAY_MS } from '../domain/time-units';

/** '' is the rollups' unknown municipality: complaints no boundary holds, left out of the region's rate. */
const UNKNOWN = '';

export interface TrendPopulation {
  /** Residents of the municipality. */
  municipality: number;
  /** Residents of the whole oblast (every municipality). */
  region: number;
}

const per10k = (count: number, population: number) => (population > 0 ? (count * 10_000) / population : 0);

/**
 * A municipality's complaints per 10,000 residents per Moscow day over TREND_DAYS days against the region's:
 * the region counts what was placed in a municipality (all scope minus unknown) over the oblast's population.
 * Three primary-key ranges of the hourly scope rollup (~720 rows each).
 */
export async function getMunicipalityTrend(
  db: Db,
  scope: { municipality: string; block?: string },
  now: Date,
  population: TrendPopulation,
): Promise<MunicipalityTrend> {
  const dates = lastMoscowDates(now, TREND_DAYS);
  const since = new Date(startOfMoscowDay(now).getTime() - (TREND_DAYS - 1) * DAY_MS);
  const t = rollupHourlyScope;
  const day = sql<string>`to_char(${t.bucket} at time zone 'Europe/Moscow', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      oktmo: t.municipalityOktmo,
      day,
      n: sql<number>`sum(${t.n})`.mapWith(Number),
    })
    .from(t)
    .where(
      and(
        inArray(t.municipalityOktmo, [scope.municipality, ALL, UNKNOWN]),
        eq(t.blockCode, scope.block ?? ALL),
        gte(t.bucket, since),
      ),
    )
    .groupBy(t.municipalityOktmo, day);

  const index = new Map(dates.map((d, i) => [d, i]));
  const mine = dates.map(() => 0);
  const region = dates.map(() => 0);
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    if (r.oktmo === scope.municipality) mine[i]! += r.n;
    else if (r.oktmo === ALL) region[i]! += r.n;
    else region[i]! -= r.n;
  }
  const days = dates.map((date, i) => ({
    date,
    count: mine[i]!,
    per10k: per10k(mine[i]!, population.municipality),
    regionPer10k: per10k(region[i]!, population.region),
  }));
  const total = per10k(
    mine.reduce((s, n) => s + n, 0),
    population.municipality,
  );
  const regionTotal = per10k(
    region.reduce((s, n) => s + n, 0),
    population.region,
  );
  return {
    days,
    per10k: total,
    regionPer10k: regionTotal,
    ratio: regionTotal > 0 ? total / regionTotal : null,
  };
}
