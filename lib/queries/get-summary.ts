import { and, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope, rollupMinute, rollupOpen, rollupOpenHourly } from '../../db/schema';
import type { WallScope } from '../domain/scope';
import { ALL } from '../domain/scope';
import { rollupScope } from './rollup-scope';
import { MINUTE_MS } from '../domain/time-units';
import { summaryWindows } from './time-windows';

export interface SummaryNumbers {
  /** Received since midnight Europe/Moscow. */
  today: number;
  /** Received in the last 60 minutes. */
  lastHour: number;
  /** Waiting for the executor (new, routed, in progress, reopened). */
  open: number;
  /** Open and past the due time. */
  overdue: number;
  /** Resolved since midnight Europe/Moscow. */
  resolvedToday: number;
  /** The same numbers at the same moment a week earlier (see WeekAgoNumbers). */
  weekAgo: WeekAgoNumbers;
  /** ISO time the numbers were counted at. */
  asOf: string;
}

/**
 * Flows (today, last hour, resolved today) are counted over the same windows shifted back 7 days, exact to the
 * minute. The backlog (open, overdue) is read from the hourly backlog record of the same hour a week ago; null
 * where that hour was never recorded.
 */
export interface WeekAgoNumbers {
  today: number;
  lastHour: number;
  resolvedToday: number;
  open: number | null;
  overdue: number | null;
}

export type Summary = SummaryNumbers;

const iso = (d: Date) => d.toISOString();
const sumWhere = (column: unknown, condition: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(${column}) filter (where ${condition}), 0)`.mapWith(Number);

/**
 * The wall's headline numbers for a scope at `now` and at the same moment a week earlier, from primary-key
 * ranges of the scope's rollup rows: hours for whole hours, minutes for the edges, the hourly backlog record.
 */
export async function getSummary(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const { dayStart, hourStart, weekAgo } = summaryWindows(now);
  const hourly = rollupScope(scope, {
    municipality: rollupHourlyScope.municipalityOktmo,
    block: rollupHourlyScope.blockCode,
  });
  const minutes = rollupScope(scope, {
    municipality: rollupMinute.municipalityOktmo,
    block: rollupMinute.blockCode,
  });
  const h = rollupHourlyScope.bucket;
  const m = rollupMinute.bucket;
  const agoHourEnd = new Date(weekAgo.hourStart.getTime() + 60 * MINUTE_MS);
  const inAgoToday = sql`${h} >= ${iso(weekAgo.dayStart)}::timestamptz and ${h} < ${iso(weekAgo.hourFloor)}::timestamptz`;
  // The week-ago "today" ends inside an hour: its whole hours come from the hourly rows, the rest from minutes.
  const inAgoTail = sql`${m} >= greatest(${iso(weekAgo.hourFloor)}::timestamptz, ${iso(weekAgo.dayStart)}::timestamptz)
    and ${m} <= ${iso(weekAgo.now)}::timestamptz`;
  const inAgoHour = sql`${m} >= ${iso(weekAgo.hourStart)}::timestamptz and ${m} < ${iso(agoHourEnd)}::timestamptz`;

  const [[days], [mins], [backlog], recorded] = await Promise.all([
    db
      .select({
        today: sumWhere(rollupHourlyScope.n, sql`${h} >= ${iso(dayStart)}::timestamptz`),
        resolvedToday: sumWhere(rollupHourlyScope.resolved, sql`${h} >= ${iso(dayStart)}::timestamptz`),
        agoToday: sumWhere(rollupHourlyScope.n, inAgoToday),
        agoResolved: sumWhere(rollupHourlyScope.resolved, inAgoToday),
      })
      .from(rollupHourlyScope)
      .where(and(hourly, gte(h, weekAgo.dayStart))),
    db
      .select({
        lastHour: sumWhere(rollupMinute.n, sql`${m} >= ${iso(hourStart)}::timestamptz`),
        agoLastHour: sumWhere(rollupMinute.n, inAgoHour),
        agoTodayTail: sumWhere(rollupMinute.n, inAgoTail),
        agoResolvedTail: sumWhere(rollupMinute.resolved, inAgoTail),
      })
      .from(rollupMinute)
      .where(
        and(
          minutes,
          or(
            gte(m, hourStart),
            and(gte(m, weekAgo.hourStart), lt(m, agoHourEnd)),
            and(gte(m, weekAgo.hourFloor), lte(m, weekAgo.now)),
          ),
        ),
      ),
    db
      .select({ onTime: rollupOpen.onTime, late: rollupOpen.late, veryLate: rollupOpen.veryLate })
      .from(rollupOpen)
      .where(rollupScope(scope, { municipality: rollupOpen.municipalityOktmo, block: rollupOpen.blockCode })),
    db
      .select({
        municipality: rollupOpenHourly.municipalityOktmo,
        block: rollupOpenHourly.blockCode,
        onTime: rollupOpenHourly.onTime,
        late: rollupOpenHourly.late,
        veryLate: rollupOpenHourly.veryLate,
      })
      .from(rollupOpenHourly)
      .where(
        and(
          eq(rollupOpenHourly.bucket, weekAgo.hourFloor),
          or(
            rollupScope(scope, {
              municipality: rollupOpenHourly.municipalityOktmo,
              block: rollupOpenHourly.blockCode,
            }),
            and(eq(rollupOpenHourly.municipalityOktmo, ALL), eq(rollupOpenHourly.blockCode, ALL)),
          ),
        ),
      ),
  ]);

  const overdue = (backlog?.late ?? 0) + (backlog?.veryLate ?? 0);
  // The region row is written every hour the record was taken: without it, that hour is simply unknown.
  const hourKnown = recorded.some((r) => r.municipality === ALL && r.block === ALL);
  const then = recorded.find(
    (r) => r.municipality === (scope.municipality ?? ALL) && r.block === (scope.block ?? ALL),
  );
  const thenOverdue = (then?.late ?? 0) + (then?.veryLate ?? 0);
  return {
    today: days?.today ?? 0,
    lastHour: mins?.lastHour ?? 0,
    open: (backlog?.onTime ?? 0) + overdue,
    overdue,
    resolvedToday: days?.resolvedToday ?? 0,
    weekAgo: {
      today: (days?.agoToday ?? 0) + (mins?.agoTodayTail ?? 0),
      lastHour: mins?.agoLastHour ?? 0,
      resolvedToday: (days?.agoResolved ?? 0) + (mins?.agoResolvedTail ?? 0),
      open: hourKnown ? (then?.onTime ?? 0) + thenOverdue : null,
      overdue: hourKnown ? thenOverdue : null,
    },
    asOf: now.toISOString(),
  };
}
