import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourly } from '../../db/schema';
import { TOP_CATEGORIES_LIMIT, type TopCategory } from '../panels/types';
import { percentChange } from '../stats/week-over-week';
import { WEEK_MS, floorHour, startOfMoscowWeek } from './panel-windows';

export type TopCategories = TopCategory[];

/**
 * A block's most frequent categories this week (Monday to now) with the same span of last week. Categories are
 * counted by the hour, so last week's span ends with the hour that held the same moment.
 */
export async function getTopCategories(db: Db, block: string, now: Date): Promise<TopCategories> {
  const weekStart = startOfMoscowWeek(now);
  const lastWeekStart = new Date(weekStart.getTime() - WEEK_MS);
  const agoHour = floorHour(new Date(now.getTime() - WEEK_MS));
  const b = rollupHourly.bucket;
  const thisWeek = sql<number>`coalesce(sum(${rollupHourly.n}) filter (where ${b} >= ${weekStart.toISOString()}::timestamptz), 0)`;
  const rows = await db
    .select({
      category: rollupHourly.categoryCode,
      thisWeek: thisWeek.mapWith(Number),
      lastWeek:
        sql<number>`coalesce(sum(${rollupHourly.n}) filter (where ${b} <= ${agoHour.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
    })
    .from(rollupHourly)
    .where(and(eq(rollupHourly.blockCode, block), gte(b, lastWeekStart)))
    .groupBy(rollupHourly.categoryCode)
    .orderBy(sql`2 desc`, rollupHourly.categoryCode)
    .limit(TOP_CATEGORIES_LIMIT);
  return rows
    .filter((r) => r.thisWeek > 0 && r.category !== '')
    .map((r) => ({ ...r, changePct: percentChange(r.thisWeek, r.lastWeek) }));
}
