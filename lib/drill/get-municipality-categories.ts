import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourly } from '../../db/schema';
import { DRILL_CATEGORIES_LIMIT } from './types';
import type { TopCategory } from '../panels/types';
import { percentChange } from '../stats/week-over-week';
import { floorHour, WEEK_MS } from '../domain/time-units';
import { startOfMoscowWeek } from '../domain/moscow-time';

/**
 * A municipality's most frequent categories this week (Monday to now) with the same span of last week, in one
 * block or all. rollup_hourly is the one rollup split by municipality and category: two weeks of its rows by the
 * bucket range of its primary key. Last week's span ends with the hour that held the same moment.
 */
export async function getMunicipalityCategories(
  db: Db,
  scope: { municipality: string; block?: string },
  now: Date,
  limit = DRILL_CATEGORIES_LIMIT,
): Promise<TopCategory[]> {
  const weekStart = startOfMoscowWeek(now);
  const lastWeekStart = new Date(weekStart.getTime() - WEEK_MS);
  const agoHour = floorHour(new Date(now.getTime() - WEEK_MS));
  const t = rollupHourly;
  const conditions = [gte(t.bucket, lastWeekStart), eq(t.municipalityOktmo, scope.municipality)];
  if (scope.block) conditions.push(eq(t.blockCode, scope.block));
  const rows = await db
    .select({
      category: t.categoryCode,
      thisWeek:
        sql<number>`coalesce(sum(${t.n}) filter (where ${t.bucket} >= ${weekStart.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
      lastWeek:
        sql<number>`coalesce(sum(${t.n}) filter (where ${t.bucket} <= ${agoHour.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
    })
    .from(t)
    .where(and(...conditions))
    .groupBy(t.categoryCode)
    .orderBy(sql`2 desc`, t.categoryCode)
    .limit(limit + 1);
  return rows
    .filter((r) => r.thisWeek > 0 && r.category !== '')
    .slice(0, limit)
    .map((r) => ({ ...r, changePct: percentChange(r.thisWeek, r.lastWeek) }));
}
