import { and, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope, rollupMinute } from '../../db/schema';
import type { WallScope } from '../domain/scope';
import { percentChange } from '../stats/week-over-week';
import { DAY_MS, floorHour, floorTo, MINUTE_MS, WEEK_MS } from '../domain/time-units';
import { rollupScope } from './rollup-scope';
import { moscowDate, startOfMoscowWeek } from '../domain/moscow-time';

export interface WeekDay {
  /** Moscow calendar date, YYYY-MM-DD, of this week's day. */
  date: string;
  /** This week's count, null for days still ahead. */
  thisWeek: number | null;
  /** The same weekday of the week before. */
  lastWeek: number;
}

export interface WeekOverWeek {
  /** Monday of this week (Moscow), YYYY-MM-DD. */
  weekStart: string;
  days: WeekDay[];
  /** Received since Monday 00:00 up to now. */
  thisWeekToDate: number;
  /** Received in the same span of last week (Monday 00:00 up to the same weekday and time). */
  lastWeekToDate: number;
  /** Percent change of the two; null when the base is too small to mean anything. */
  changePct: number | null;
}

/**
 * A scope's week so far against the week before, per Moscow day (Monday first), and the week-to-date totals: a
 * block panel's (block only) or a drill-down's (a municipality, with or without a block). Last week's total ends
 * at the same weekday and minute: whole hours from the hourly rows, the rest from the minute rows.
 */
export async function getWeekOverWeek(db: Db, scope: WallScope, now: Date): Promise<WeekOverWeek> {
  const weekStart = startOfMoscowWeek(now);
  const lastWeekStart = new Date(weekStart.getTime() - WEEK_MS);
  const ago = new Date(now.getTime() - WEEK_MS);
  const agoHour = floorHour(ago);
  const agoMinute = floorTo(ago, MINUTE_MS);
  const h = rollupHourlyScope.bucket;
  const day = sql<string>`to_char(${h} at time zone 'Europe/Moscow', 'YYYY-MM-DD')`;
  const [days, [tail]] = await Promise.all([
    db
      .select({
        day,
        n: sql<number>`sum(${rollupHourlyScope.n})`.mapWith(Number),
        beforeAgoHour:
          sql<number>`coalesce(sum(${rollupHourlyScope.n}) filter (where ${h} < ${agoHour.toISOString()}::timestamptz), 0)`.mapWith(
            Number,
          ),
      })
      .from(rollupHourlyScope)
      .where(
        and(
          rollupScope(scope, {
            municipality: rollupHourlyScope.municipalityOktmo,
            block: rollupHourlyScope.blockCode,
          }),
          gte(h, lastWeekStart),
        ),
      )
      .groupBy(day),
    db
      .select({ n: sql<number>`coalesce(sum(${rollupMinute.n}), 0)`.mapWith(Number) })
      .from(rollupMinute)
      .where(
        and(
          rollupScope(scope, { municipality: rollupMinute.municipalityOktmo, block: rollupMinute.blockCode }),
          gte(rollupMinute.bucket, agoHour > lastWeekStart ? agoHour : lastWeekStart),
          lte(rollupMinute.bucket, agoMinute),
        ),
      ),
  ]);

  const counts = new Map(days.map((d) => [d.day, d]));
  const today = moscowDate(now);
  const thisWeekDates = Array.from({ length: 7 }, (_, i) =>
    moscowDate(new Date(weekStart.getTime() + i * DAY_MS)),
  );
  let thisWeekToDate = 0;
  let lastWeekToDate = tail?.n ?? 0;
  const result = thisWeekDates.map((date, i) => {
    const lastDate = moscowDate(new Date(lastWeekStart.getTime() + i * DAY_MS));
    const mine = counts.get(date)?.n ?? 0;
    const before = counts.get(lastDate);
    thisWeekToDate += date <= today ? mine : 0;
    lastWeekToDate += before?.beforeAgoHour ?? 0;
    return { date, thisWeek: date <= today ? mine : null, lastWeek: before?.n ?? 0 };
  });
  return {
    weekStart: thisWeekDates[0]!,
    days: result,
    thisWeekToDate,
    lastWeekToDate,
    changePct: percentChange(thisWeekToDate, lastWeekToDate),
  };
}
