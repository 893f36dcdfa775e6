import { sql } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../db/schema';
import type { AppContext } from '../context';
import { commitChange } from '../commit/commit-change';
import { HOME_REGION } from '../domain/home-region';
import { isOpenStatus, slaStateAt, type ComplaintStatus } from '../domain/statuses';
import type { LockedComplaint } from '../lifecycle/apply-transition';
import { lockComplaints } from '../lifecycle/lock-complaints';
import { adjustOpenProblems } from '../problems/join-problems';
import type { RollupDelta } from '../rollups/rollup-delta';
import type { FeedRecordState } from './feed-state';
import type { StateChanges } from './import-types';

/** One stored complaint and what the feed says of it now. */
export interface FeedStateInput {
  complaintId: number;
  state: FeedRecordState;
}

type EventRow = typeof complaintEvents.$inferInsert;

/**
 * The step the feed's status asks of our complaint, or null. The feed is the truth of requests another
 * center handles: a closed request is closed here whatever our intake made of it (the resident's case ended
 * there); an open one is taken back only from a state the feed itself had put it in (closed), never from an
 * operator's rejection or a resolution of ours. A step into work needs an executor, as on our lifecycle.
 */
function stepOf(c: LockedComplaint, status: FeedRecordState['status']): ComplaintStatus | null {
  const open = isOpenStatus(c.status) || c.status === 'on_vote';
  if (status === 'closed') return open ? 'closed' : null;
  if (status === 'open') return c.status === 'closed' ? 'reopened' : null;
  if (c.status === 'closed') return 'reopened';
  const canWork = c.executorCode !== null || c.regionCode !== HOME_REGION;
  return canWork && ['new', 'routed', 'reopened'].includes(c.status) ? 'in_progress' : null;
}

/** The feed's expected_datetime as our due time (very late at three times the span, as our deadlines are). */
function takeDue(c: LockedComplaint, expectedAt: Date, now: Date, delta: RollupDelta): boolean {
  if (expectedAt.getTime() === c.dueAt.getTime()) return false;
  const span = expectedAt.getTime() - c.receivedAt.getTime();
  c.dueAt = expectedAt;
  c.veryLateAt = new Date(c.receivedAt.getTime() + 3 * span);
  if (isOpenStatus(c.status)) {
    const sla = slaStateAt(now, c.dueAt, c.veryLateAt);
    if (sla !== c.slaState) delta.moveSla(c, c.slaState, sla, 1);
    c.slaState = sla;
  }
  c.changed = true;
  return true;
}

/**
 * Brings imported complaints to the state their feed gives, in one transaction through the commit step: the
 * due time from expected_datetime, then the status step at updated_datetime (never before our last event,
 * never in the future) with the feed's notes as the event's comment, attributed to `actor` (the server). The
 * rollups move as on any status change (a closed request leaves the open backlog), and a second import of an
 * unchanged feed changes nothing.
 */
export async function applyFeedStates(
  ctx: AppContext,
  actor: string,
  inputs: FeedStateInput[],
): Promise<StateChanges> {
  const changes: StateChanges = { closed: 0, reopened: 0, inProgress: 0, dueFromFeed: 0 };
  if (inputs.length === 0) return changes;
  await commitChange(ctx, { lane: 'exclusive', items: inputs.length }, async (tx, unit) => {
    const { now, delta } = unit;
    const state = await lockComplaints(tx, [...new Set(inputs.map((i) => i.complaintId))]);
    const events: EventRow[] = [];
    const problemDeltas = new Map<number, number>();
    for (const { complaintId, state: feed } of inputs) {
      const c = state.get(complaintId);
      if (!c) continue;
      if (feed.expectedAt && takeDue(c, feed.expectedAt, now, delta)) changes.dueFromFeed += 1;
      const to = stepOf(c, feed.status);
      if (!to) continue;
      const from = c.status;
      const wanted = feed.updatedAt ?? c.statusAt;
      const at = new Date(Math.min(Math.max(wanted.getTime(), c.statusAt.getTime()), now.getTime()));
      const toSla = isOpenStatus(to)
        ? slaStateAt(now, c.dueAt, c.veryLateAt)
        : slaStateAt(at, c.dueAt, c.veryLateAt);
      delta.changeStatus(c, from, to, c.slaState, toSla, at);
      Object.assign(c, { status: to, statusAt: at, slaState: toSla, changed: true });
      if (to === 'closed') c.closedAt = at;
      if (to === 'reopened') Object.assign(c, { resolvedAt: null, closedAt: null, rejectionReason: null });
      changes[to === 'closed' ? 'closed' : to === 'reopened' ? 'reopened' : 'inProgress'] += 1;
      const problemDelta = (isOpenStatus(to) ? 1 : 0) - (isOpenStatus(from) ? 1 : 0);
      if (c.problemId !== null && problemDelta !== 0)
        problemDeltas.set(c.problemId, (problemDeltas.get(c.problemId) ?? 0) + problemDelta);
      events.push({
        complaintId,
        type: 'status',
        fromStatus: from,
        toStatus: to,
        at,
        actor,
        comment: feed.notes,
        executorCode: c.executorCode,
      });
      if (c.regionCode === HOME_REGION)
        unit.change.transitions.push({ complaintId, blockCode: c.blockCode, from, to, at });
    }

    const changed = [...state.values()].filter((c) => c.changed);
    if (changed.length === 0) return;
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    const values = sql.join(
      changed.map(
        (c) =>
          sql`(${c.id}::bigint, ${iso(c.receivedAt)}::timestamptz, ${c.status}::text, ${c.slaState}::text, ${iso(c.statusAt)}::timestamptz, ${iso(c.resolvedAt)}::timestamptz, ${iso(c.closedAt)}::timestamptz, ${c.rejectionReason}::text, ${iso(c.dueAt)}::timestamptz, ${iso(c.veryLateAt)}::timestamptz)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
    update ${complaints} set
      status = v.status, sla_state = v.sla_state, status_at = v.status_at, resolved_at = v.resolved_at,
      closed_at = v.closed_at, rejection_reason = v.rejection_reason, due_at = v.due_at,
      very_late_at = v.very_late_at, updated_at = now()
    from (values ${values}) as v(id, received_at, status, sla_state, status_at, resolved_at, closed_at, rejection_reason, due_at, very_late_at)
    where ${complaints.id} = v.id and ${complaints.receivedAt} = v.received_at`);
    if (events.length > 0) await tx.insert(complaintEvents).values(events);
    if (problemDeltas.size > 0) await adjustOpenProblems(tx, problemDeltas);
  });
  return changes;
}
