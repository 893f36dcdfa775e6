import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupCategoryHourly } from '../../db/schema';
import { TOP_CATEGORIES_LIMIT, type TopCategory } from './types';
import { percentChange } from '../stats/week-over-week';
import { floorHour, WEEK_MS } from '../domain/time-units';
import { startOfMoscowWeek } from '../domain/moscow-time';

export type TopCategories = TopCategory[];

/**
 * A block's most frequent categories this week (Monday to now) with the same span of last week. Categories are
 * counted by the hour, so last week's span ends with the hour that held the same moment.
 */
export async function getTopCategories(db: Db, block: string, now: Date): Promise<TopCategories> {
  const weekStart = startOfMoscowWeek(now);
  const lastWeekStart = new Date(weekStart.getTime() - WEEK_MS);
  const agoHour = floorHour(new Date(now.getTime() - WEEK_MS));
  const b = rollupCategoryHourly.bucket;
  const n = rollupCategoryHourly.n;
  const rows = await db
    .select({
      category: rollupCategoryHourly.categoryCode,
      thisWeek:
        sql<number>`coalesce(sum(${n}) filter (where ${b} >= ${weekStart.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
      lastWeek:
        sql<number>`coalesce(sum(${n}) filter (where ${b} <= ${agoHour.toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
    })
    .from(rollupCategoryHourly)
    .where(and(eq(rollupCategoryHourly.blockCode, block), gte(b, lastWeekStart)))
    .groupBy(rollupCategoryHourly.categoryCode)
    .orderBy(sql`2 desc`, rollupCategoryHourly.categoryCode)
    .limit(TOP_CATEGORIES_LIMIT + 1);
  return rows
    .filter((r) => r.thisWeek > 0 && r.category !== '')
    .slice(0, TOP_CATEGORIES_LIMIT)
    .map((r) => ({ ...r, changePct: percentChange(r.thisWeek, r.lastWeek) }));
}
