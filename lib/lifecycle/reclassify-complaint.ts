import { sql } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../db/schema';
import type { AppContext } from '../context';
import { foreignRefusal } from './foreign-refusal';
import type { FieldError } from '../domain/field-errors';
import { joinProblems, leaveProblem } from '../problems/join-problems';
import { duplicateRulesOf } from '../reference/duplicate-rules';
import { commitChange } from '../commit/commit-change';
import { recordDecisionExamples } from '../classifier-learning/record-decision-examples';
import { placeInCategory, routedAnswer } from './category-placement';
import { lockComplaints, notFound } from './lock-complaints';
import { isOpenStatus } from '../domain/statuses';

export interface ReclassifyInput {
  complaintId: number;
  category: string;
  actor?: string;
  comment?: string;
}

export type ReclassifyResult =
  | {
      status: 'applied';
      complaintId: number;
      fromCategory: string;
      category: string;
      block: string;
      fromExecutor: string | null;
      executor: string;
      dueAt: string;
    }
  | { status: 'rejected'; code: 'not_found' | 'illegal' | 'invalid'; errors: FieldError[] };

const refusal = (code: 'illegal' | 'invalid', message: string): ReclassifyResult => ({
  status: 'rejected',
  code,
  errors: [{ field: 'category', message }],
});

/**
 * Corrects the category of an open complaint that has one (the classifier or the source filed it wrongly) and
 * was never resolved. It
 * moves in the rollups to its new block and category, gets the new category's deadlines counted from its
 * receipt, leaves its problem for one of the new category, and is routed again by the rules; the status stays.
 * Recorded as a `classified` event naming both categories, and a `routed` event when the executor changes (the
 * source channel is told who holds it now).
 */
export async function reclassifyComplaint(
  ctx: AppContext,
  input: ReclassifyInput,
): Promise<ReclassifyResult> {
  const category = ctx.reference.categories.get(input.category);
  if (!category) return refusal('invalid', `unknown category code "${input.category}"`);
  const now = ctx.now();
  const actor = input.actor ?? 'operator';
  return commitChange(
    ctx,
    { lane: 'exclusive', items: 1, now },
    async (tx, unit): Promise<ReclassifyResult> => {
      const current = (await lockComplaints(tx, [input.complaintId])).get(input.complaintId);
      if (!current) return notFound(input.complaintId);
      const foreign = foreignRefusal(current.regionCode, 'category');
      if (foreign) return foreign;
      if (current.categoryCode === null)
        return refusal('illegal', 'the complaint has no category yet: classify it from the operator queue');
      if (!isOpenStatus(current.status))
        return refusal('illegal', `only an open complaint can be reclassified; it is "${current.status}"`);
      // Its resolution is already counted in its block's flows and its executor's quality: those stay put.
      if (current.reopenCount > 0)
        return refusal(
          'illegal',
          'the complaint was resolved once and reopened: its resolution stays counted in its category; re-route it instead',
        );
      if (current.categoryCode === category.code)
        return refusal('illegal', `the complaint is already in "${category.code}"`);

      const { dueAt, veryLateAt, slaState, route } = placeInCategory(
        ctx,
        current.receivedAt,
        current.municipalityOktmo,
        category,
        now,
      );
      const moved = { ...current, blockCode: category.blockCode, categoryCode: category.code };
      unit.delta.addComplaint(current, current.status, current.slaState, -1);
      unit.delta.addComplaint(moved, current.status, slaState, 1);
      if (current.problemId !== null) await leaveProblem(tx, current.problemId, true);
      const [problemId] = await joinProblems(tx, [{ ...moved, open: true }], duplicateRulesOf(ctx.reference));
      const handedOver = route.executorCode !== current.executorCode;
      await tx.execute(sql`update ${complaints} set block_code = ${category.blockCode},
        category_code = ${category.code}, class_source = 'operator', due_at = ${dueAt.toISOString()}::timestamptz,
        very_late_at = ${veryLateAt.toISOString()}::timestamptz, sla_state = ${slaState},
        executor_code = ${route.executorCode}, problem_id = ${problemId ?? null}, updated_at = now()
      where id = ${current.id} and received_at = ${current.receivedAt.toISOString()}::timestamptz`);
      const status = current.status;
      const events = await tx
        .insert(complaintEvents)
        .values([
          {
            complaintId: current.id,
            type: 'classified' as const,
            fromStatus: status,
            toStatus: status,
            at: now,
            actor,
            reason: category.code,
            // The previous category stays in the history whatever the operator writes.
            comment: input.comment
              ? `was ${current.categoryCode}: ${input.comment}`
              : `was ${current.categoryCode}`,
          },
          ...(handedOver
            ? [
                {
                  complaintId: current.id,
                  type: 'routed' as const,
                  fromStatus: status,
                  toStatus: status,
                  at: now,
                  actor: actor,
                  executorCode: route.executorCode,
                  fromExecutorCode: current.executorCode,
                  ruleId: route.ruleId,
                },
              ]
            : []),
        ])
        .returning({ id: complaintEvents.id });
      const routed = events[1];
      if (routed) unit.answers.push(routedAnswer(ctx, current, routed.id, route.executorCode, now));
      // The corrected category is the classifier's lesson, committed with the correction.
      await recordDecisionExamples(tx, [
        {
          complaintId: current.id,
          receivedAt: current.receivedAt,
          label: category.code,
          blockCode: category.blockCode,
          actor,
          at: now,
        },
      ]);
      // The status stays, but both blocks' panels must recount: the complaint left one and joined the other.
      unit.change.transitions.push(
        ...[current.blockCode, category.blockCode].map((blockCode) => ({
          complaintId: current.id,
          blockCode,
          from: status,
          to: status,
          at: now,
          ...(handedOver ? { executor: { from: current.executorCode, to: route.executorCode } } : {}),
        })),
      );
      return {
        status: 'applied',
        complaintId: current.id,
        fromCategory: current.categoryCode,
        category: category.code,
        block: category.blockCode,
        fromExecutor: current.executorCode,
        executor: route.executorCode,
        dueAt: dueAt.toISOString(),
      };
    },
  );
}
