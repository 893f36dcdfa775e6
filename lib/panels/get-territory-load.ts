import { and, eq, gte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope } from '../../db/schema';
import type { MunicipalityInfo } from '../reference/types';
import { SPARKLINE_DAYS, TERRITORY_MIN_COUNT, TERRITORY_WINDOW_DAYS, type TerritoryLoad } from './types';
import { ALL } from '../domain/scope';
import { lastMoscowDates, startOfMoscowDay } from '../domain/moscow-time';
import { DAY_MS, floorHour, HOUR_MS } from '../domain/time-units';

export type TerritoryLoads = TerritoryLoad[];

/**
 * Every municipality's load in a block: complaints over the last TERRITORY_WINDOW_DAYS days (whole hours up to the
 * current one) per 10,000 residents, ranked highest first where the count means something, with a per-day
 * sparkline. One range read of the block's municipality × hour rollup rows.
 */
export async function getTerritoryLoad(
  db: Db,
  block: string,
  now: Date,
  municipalityList: Iterable<MunicipalityInfo>,
): Promise<TerritoryLoads> {
  const municipalities = [...municipalityList];
  const dates = lastMoscowDates(now, SPARKLINE_DAYS);
  const since = new Date(startOfMoscowDay(now).getTime() - (SPARKLINE_DAYS - 1) * DAY_MS);
  const windowStart = new Date(floorHour(now).getTime() - (TERRITORY_WINDOW_DAYS * 24 - 1) * HOUR_MS);
  const day = sql<string>`to_char(${rollupHourlyScope.bucket} at time zone 'Europe/Moscow', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      oktmo: rollupHourlyScope.municipalityOktmo,
      day,
      n: sql<number>`sum(${rollupHourlyScope.n})`.mapWith(Number),
      inWindow:
        sql<number>`coalesce(sum(${rollupHourlyScope.n}) filter (where ${rollupHourlyScope.bucket} >= ${windowStart.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
    })
    .from(rollupHourlyScope)
    .where(
      and(
        eq(rollupHourlyScope.blockCode, block),
        ne(rollupHourlyScope.municipalityOktmo, ALL),
        gte(rollupHourlyScope.bucket, since),
      ),
    )
    .groupBy(rollupHourlyScope.municipalityOktmo, day);

  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const byOktmo = new Map<string, { count: number; daily: number[] }>();
  for (const m of municipalities) byOktmo.set(m.oktmo, { count: 0, daily: dates.map(() => 0) });
  for (const r of rows) {
    const entry = byOktmo.get(r.oktmo);
    const i = dayIndex.get(r.day);
    if (!entry) continue;
    entry.count += r.inWindow;
    if (i !== undefined) entry.daily[i]! += r.n;
  }

  const loads: TerritoryLoad[] = [];
  for (const m of municipalities) {
    const entry = byOktmo.get(m.oktmo)!;
    const per10k = m.population > 0 ? (entry.count * 10_000) / m.population : 0;
    loads.push({ oktmo: m.oktmo, count: entry.count, per10k, rank: null, daily: entry.daily });
  }
  const ranked = loads
    .filter((l) => l.count >= TERRITORY_MIN_COUNT)
    .sort((a, b) => b.per10k - a.per10k || b.count - a.count || a.oktmo.localeCompare(b.oktmo));
  ranked.forEach((l, i) => (l.rank = i + 1));
  const unranked = loads
    .filter((l) => l.rank === null)
    .sort((a, b) => b.count - a.count || a.oktmo.localeCompare(b.oktmo));
  return [...ranked, ...unranked];
}
