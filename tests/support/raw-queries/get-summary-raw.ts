import { and, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { complaintEvents, complaints } from '../../../db/schema';
import type { WallScope } from '../../../lib/realtime/contract';
import type { Summary } from '../../../lib/queries/get-summary';
import { isOpen, scopeConditions } from '../../../lib/queries/scope-filter';
import { MINUTE_MS } from '../../../lib/domain/time-units';
import { summaryWindows } from '../../../lib/queries/time-windows';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * getSummary counted from the raw complaints and events: the reference the rollups are checked (and benchmarked)
 * against. The week-ago backlog is replayed from the event history (the state each complaint was in then).
 */
export async function getSummaryRaw(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const { dayStart, hourStart, weekAgo } = summaryWindows(now);
  const agoEnd = new Date(weekAgo.now.getTime() + MINUTE_MS);
  const agoHourEnd = new Date(weekAgo.hourStart.getTime() + 60 * MINUTE_MS);
  const scoped = scopeConditions(scope);
  const at = complaints.receivedAt;
  const resolvedAt = complaintEvents.at;
  const [[flow], [resolved], [backlog], [then]] = await Promise.all([
    db
      .select({
        today: countWhere(sql`${at} >= ${iso(dayStart)}`),
        lastHour: countWhere(sql`${at} >= ${iso(hourStart)}`),
        agoToday: countWhere(sql`${at} >= ${iso(weekAgo.dayStart)} and ${at} < ${iso(agoEnd)}`),
        agoLastHour: countWhere(sql`${at} >= ${iso(weekAgo.hourStart)} and ${at} < ${iso(agoHourEnd)}`),
      })
      .from(complaints)
      .where(and(gte(at, weekAgo.dayStart), ...scoped)),
    db
      .select({
        today: countWhere(sql`${resolvedAt} >= ${iso(dayStart)}`),
        ago: countWhere(sql`${resolvedAt} < ${iso(agoEnd)}`),
      })
      .from(complaintEvents)
      .innerJoin(complaints, sql`${complaints.id} = ${complaintEvents.complaintId}`)
      .where(
        and(
          sql`${complaintEvents.type} = 'status' and ${complaintEvents.toStatus} = 'resolved'`,
          gte(resolvedAt, weekAgo.dayStart),
          ...scoped,
        ),
      ),
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${complaints.slaState} <> 'on_time')`.mapWith(Number),
      })
      .from(complaints)
      .where(and(isOpen(), ...scoped)),
    backlogAt(db, scope, weekAgo.hourFloor),
  ]);
  return {
    today: flow?.today ?? 0,
    lastHour: flow?.lastHour ?? 0,
    open: backlog?.open ?? 0,
    overdue: backlog?.overdue ?? 0,
    resolvedToday: resolved?.today ?? 0,
    weekAgo: {
      today: flow?.agoToday ?? 0,
      lastHour: flow?.agoLastHour ?? 0,
      resolvedToday: resolved?.ago ?? 0,
      open: then?.open ?? 0,
      overdue: then?.overdue ?? 0,
    },
    asOf: now.toISOString(),
  };
}

/** The open backlog of a scope at `t`, from each complaint's last event at or before `t`. */
function backlogAt(db: Db, scope: WallScope, t: Date) {
  const scoped = scopeConditions(scope);
  const last = db
    .selectDistinctOn([complaintEvents.complaintId], {
      status: complaintEvents.toStatus,
      dueAt: complaints.dueAt,
    })
    .from(complaintEvents)
    .innerJoin(complaints, sql`${complaints.id} = ${complaintEvents.complaintId}`)
    .where(and(sql`${complaintEvents.at} <= ${iso(t)}`, ...scoped))
    .orderBy(complaintEvents.complaintId, sql`${complaintEvents.at} desc`, sql`${complaintEvents.id} desc`)
    .as('last');
  return db
    .select({
      open: countWhere(sql`${last.status} in ('new', 'routed', 'in_progress', 'reopened')`),
      overdue: countWhere(
        sql`${last.status} in ('new', 'routed', 'in_progress', 'reopened') and ${last.dueAt} <= ${iso(t)}`,
      ),
    })
    .from(last);
}
