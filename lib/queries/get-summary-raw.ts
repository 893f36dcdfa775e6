import { and, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { WallScope } from '../realtime/contract';
import type { Summary } from './get-summary';
import { isOpen, scopeConditions } from './scope-filter';
import { summaryWindows } from './time-windows';

/** getSummary counted from the raw complaints: the reference the rollups are checked (and benchmarked) against. */
export async function getSummaryRaw(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const { dayStart, hourStart } = summaryWindows(now);
  const since = dayStart < hourStart ? dayStart : hourStart;
  const scoped = scopeConditions(scope);
  const [[flow], [backlog]] = await Promise.all([
    db
      .select({
        today:
          sql<number>`count(*) filter (where ${complaints.receivedAt} >= ${dayStart.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        lastHour:
          sql<number>`count(*) filter (where ${complaints.receivedAt} >= ${hourStart.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
      })
      .from(complaints)
      .where(and(gte(complaints.receivedAt, since), ...scoped)),
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${complaints.slaState} <> 'on_time')`.mapWith(Number),
      })
      .from(complaints)
      .where(and(isOpen(), ...scoped)),
  ]);
  return {
    today: flow?.today ?? 0,
    lastHour: flow?.lastHour ?? 0,
    open: backlog?.open ?? 0,
    overdue: backlog?.overdue ?? 0,
    asOf: now.toISOString(),
  };
}
