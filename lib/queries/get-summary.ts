import { and, count, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { SummaryNumbers, WallScope } from '../realtime/contract';
import { startOfMoscowDay } from '../time/moscow';
import { isOpen, scopeConditions } from './scope-filter';

export type Summary = SummaryNumbers;

/** The wall's headline numbers for a scope at `now`. */
export async function getSummary(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const dayStart = startOfMoscowDay(now);
  const hourAgo = new Date(now.getTime() - 3600_000);
  const since = dayStart < hourAgo ? dayStart : hourAgo;
  const scoped = scopeConditions(scope);
  const [[flow], [backlog]] = await Promise.all([
    db
      .select({
        today:
          sql<number>`count(*) filter (where ${complaints.receivedAt} >= ${dayStart.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        lastHour:
          sql<number>`count(*) filter (where ${complaints.receivedAt} >= ${hourAgo.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
      })
      .from(complaints)
      .where(and(gte(complaints.receivedAt, since), ...scoped)),
    db
      .select({
        open: count(),
        overdue:
          sql<number>`count(*) filter (where ${complaints.dueAt} < ${now.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
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
