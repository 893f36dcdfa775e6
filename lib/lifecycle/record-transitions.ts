import { sql } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../db/schema';
import type { AppContext } from '../context';
import { HOME_REGION } from '../domain/home-region';
import { adjustOpenProblems } from '../problems/join-problems';
import { commitChange } from '../commit/commit-change';
import {
  labelOfRejection,
  recordDecisionExamples,
  type DecisionExample,
} from '../classifier-learning/record-decision-examples';
import type { AnswerEvent } from '../webhooks/enqueue-deliveries';
import { applyTransition, type LockedComplaint } from './apply-transition';
import { lockComplaints, notFound } from './lock-complaints';
import type { TransitionInput, TransitionResult } from './types';
import { validateTransition } from './validate-transition';

type EventRow = typeof complaintEvents.$inferInsert;

/**
 * The one write path for status changes. Locks the complaints, applies each transition in order against the
 * stored state (several steps of one complaint may come in one batch), appends the events, updates the rows,
 * the rollups, the problems' open counts and queues the answers to the source channels, all in one
 * transaction. A refused transition changes nothing and says why.
 */
export async function recordTransitions(
  ctx: AppContext,
  inputs: TransitionInput[],
): Promise<TransitionResult[]> {
  const now = ctx.now();
  const results: TransitionResult[] = new Array(inputs.length);
  const checked: number[] = [];
  inputs.forEach((input, index) => {
    const errors = validateTransition(input, now);
    if (errors.length > 0)
      results[index] = { complaintId: input.complaintId, status: 'rejected', code: 'invalid', errors };
    else checked.push(index);
  });
  if (checked.length === 0) return results;

  await commitChange(ctx, { lane: 'exclusive', items: checked.length, now }, async (tx, unit) => {
    const ids = [...new Set(checked.map((i) => inputs[i]!.complaintId))];
    const state = await lockComplaints(tx, ids);
    const events: EventRow[] = [];
    const eventOf: LockedComplaint[] = [];
    const problemDeltas = new Map<number, number>();
    const lessons: DecisionExample[] = [];

    for (const index of checked) {
      const input = inputs[index]!;
      const current = state.get(input.complaintId);
      if (!current) {
        results[index] = { complaintId: input.complaintId, ...notFound(input.complaintId) };
        continue;
      }
      const at = input.at ? new Date(input.at) : now;
      const step = applyTransition(current, input, at, now, unit.delta);
      if (!step.ok) {
        results[index] = {
          complaintId: input.complaintId,
          status: 'rejected',
          code: step.code,
          errors: step.errors,
        };
        continue;
      }
      events.push({
        complaintId: input.complaintId,
        type: 'status',
        fromStatus: step.from,
        toStatus: step.to,
        at,
        actor: input.actor ?? null,
        comment: input.comment ?? null,
        executorCode: current.executorCode,
        reason: input.reason ?? null,
        answer: input.answer ?? null,
        photoUrls: input.photoUrls ?? null,
      });
      eventOf.push(current);
      // Only a message from the queue (no category yet) teaches «no complaint» when rejected as spam: an abusive
      // letter about a real pothole, filed and then rejected for its language, is still about a pothole.
      const lesson =
        step.to === 'rejected' && current.categoryCode === null ? labelOfRejection(input.reason) : null;
      if (lesson !== null) {
        lessons.push({
          complaintId: current.id,
          receivedAt: current.receivedAt,
          label: lesson,
          blockCode: null,
          actor: input.actor ?? 'operator',
          at,
        });
      }
      if (current.problemId !== null && step.problemDelta !== 0) {
        problemDeltas.set(current.problemId, (problemDeltas.get(current.problemId) ?? 0) + step.problemDelta);
      }
      // The wall's panels refresh on home complaints only; the federal view reads its rollups.
      if (current.regionCode === HOME_REGION)
        unit.change.transitions.push({
          complaintId: input.complaintId,
          blockCode: current.blockCode,
          from: step.from,
          to: step.to,
          at,
        });
      results[index] = {
        complaintId: input.complaintId,
        status: 'applied',
        from: step.from,
        to: step.to,
        at: at.toISOString(),
      };
    }

    const changed = [...state.values()].filter((c) => c.changed);
    if (changed.length === 0) return;
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    const values = sql.join(
      changed.map(
        (c) =>
          sql`(${c.id}::bigint, ${iso(c.receivedAt)}::timestamptz, ${c.status}::text, ${c.slaState}::text, ${iso(c.statusAt)}::timestamptz, ${iso(c.resolvedAt)}::timestamptz, ${iso(c.closedAt)}::timestamptz, ${c.reopenCount}::int2, ${c.rejectionReason}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
    update ${complaints} set
      status = v.status, sla_state = v.sla_state, status_at = v.status_at, resolved_at = v.resolved_at,
      closed_at = v.closed_at, reopen_count = v.reopen_count, rejection_reason = v.rejection_reason,
      updated_at = now()
    from (values ${values}) as v(id, received_at, status, sla_state, status_at, resolved_at, closed_at, reopen_count, rejection_reason)
    where ${complaints.id} = v.id and ${complaints.receivedAt} = v.received_at`);
    // RETURNING follows the VALUES order: each id pairs with the event built at the same index.
    const stored = await tx.insert(complaintEvents).values(events).returning({ id: complaintEvents.id });
    if (problemDeltas.size > 0) await adjustOpenProblems(tx, problemDeltas);
    // A rejection as spam teaches the classifier «no complaint», in the rejection's own transaction.
    await recordDecisionExamples(tx, lessons);
    unit.answers.push(
      ...events.map((e, i): AnswerEvent => {
        const c = eventOf[i]!;
        return {
          eventId: stored[i]!.id,
          complaintId: c.id,
          sourceCode: c.sourceCode,
          externalId: c.externalId,
          status: e.toStatus,
          at: e.at,
          executorCode: c.executorCode,
          executorName: c.executorCode ? (ctx.reference.executors.get(c.executorCode)?.name ?? null) : null,
          answer: e.answer ?? null,
          photoUrls: e.photoUrls ?? null,
          reason: e.reason ?? null,
          comment: e.comment ?? null,
        };
      }),
    );
  });
  return results;
}
