import { sql } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../db/schema';
import { commitChange } from '../commit/commit-change';
import type { AppContext } from '../context';
import type { FieldError } from '../domain/field-errors';
import { routedAnswer } from './category-placement';
import { foreignRefusal } from './foreign-refusal';
import { lockComplaints, notFound } from './lock-complaints';
import { isOpenStatus } from '../domain/statuses';

export interface RerouteInput {
  complaintId: number;
  executor: string;
  actor?: string;
  comment?: string;
}

export type RerouteResult =
  | { status: 'applied'; complaintId: number; from: string | null; to: string; at: string }
  | { status: 'rejected'; code: 'not_found' | 'illegal' | 'invalid'; errors: FieldError[] };

/**
 * Hands an open complaint to another executor (the rules picked the wrong body, or the body passed it on). The
 * status stays as it is; the change is an append-only `routed` event with both executors, so the history says
 * who held the complaint when, and quality counts go to whoever holds it at resolution. The source channel is
 * told who holds it now (`complaint.routed`), and the block's panel recounts.
 */
export async function rerouteComplaint(ctx: AppContext, input: RerouteInput): Promise<RerouteResult> {
  if (!ctx.reference.executors.has(input.executor)) {
    return {
      status: 'rejected',
      code: 'invalid',
      errors: [{ field: 'executor', message: `unknown executor code "${input.executor}"` }],
    };
  }
  const now = ctx.now();
  return commitChange(ctx, { lane: 'exclusive', items: 1, now }, async (tx, unit): Promise<RerouteResult> => {
    const current = (await lockComplaints(tx, [input.complaintId])).get(input.complaintId);
    if (!current) return notFound(input.complaintId);
    const foreign = foreignRefusal(current.regionCode, 'executor');
    if (foreign) return foreign;
    const refuse = (message: string): RerouteResult => ({
      status: 'rejected',
      code: 'illegal',
      errors: [{ field: 'executor', message }],
    });
    if (!isOpenStatus(current.status) || !current.executorCode) {
      return refuse(
        current.executorCode
          ? `only an open complaint can be re-routed; it is "${current.status}"`
          : 'the complaint has no category yet: classify it first, routing follows',
      );
    }
    if (current.executorCode === input.executor) return refuse(`already routed to "${input.executor}"`);
    await tx.execute(sql`update ${complaints} set executor_code = ${input.executor}, updated_at = now()
      where id = ${current.id} and received_at = ${current.receivedAt.toISOString()}::timestamptz`);
    const [event] = await tx
      .insert(complaintEvents)
      .values({
        complaintId: current.id,
        type: 'routed',
        fromStatus: current.status,
        toStatus: current.status,
        at: now,
        actor: input.actor ?? null,
        comment: input.comment ?? null,
        executorCode: input.executor,
        fromExecutorCode: current.executorCode,
      })
      .returning({ id: complaintEvents.id });
    // Someone else answers the resident now: the source hears it as it hears the first routing.
    unit.answers.push(routedAnswer(ctx, current, event!.id, input.executor, now));
    // The status stays; the block's panel recounts its executor lists and overdue-by-executor rows.
    unit.change.transitions.push({
      complaintId: current.id,
      blockCode: current.blockCode,
      from: current.status,
      to: current.status,
      at: now,
      executor: { from: current.executorCode, to: input.executor },
    });
    return {
      status: 'applied',
      complaintId: current.id,
      from: current.executorCode,
      to: input.executor,
      at: now.toISOString(),
    };
  });
}
