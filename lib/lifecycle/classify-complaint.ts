import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { complaintEvents, complaints } from '../../db/schema';
import type { AppContext } from '../context';
import { knownOktmoOf } from '../ingest/prepare-complaint';
import { ROUTING_ACTOR } from '../domain/actors';
import type { FieldError } from '../domain/field-errors';
import { joinProblems } from '../problems/join-problems';
import { duplicateRulesOf } from '../reference/duplicate-rules';
import { commitChange } from '../commit/commit-change';
import { isOpenStatus } from '../domain/statuses';
import { recordDecisionExamples } from '../classifier-learning/record-decision-examples';
import { foreignRefusal } from './foreign-refusal';
import { placeInCategory, routedAnswer } from './category-placement';
import { lockComplaints, notFound } from './lock-complaints';
import type { LockedComplaint } from './apply-transition';
import { reclassifyComplaint } from './reclassify-complaint';

export interface ClassifyInput {
  complaintId: number;
  category: string;
  /**
   * OKTMO of the municipality, for a message intake could not place (no coordinates, a place name shared by
   * several municipalities, or none). Routing then names that administration.
   */
  municipality?: string;
  actor?: string;
}

export type ClassifyResult =
  | {
      status: 'applied';
      complaintId: number;
      category: string;
      block: string;
      municipality: string | null;
      executor: string;
      dueAt: string;
    }
  | { status: 'rejected'; code: 'not_found' | 'illegal' | 'invalid'; errors: FieldError[] };

/** The complaint is the classifier's in another category: the answer becomes a reclassification. */
interface Delegated {
  status: 'delegate';
  municipality: string | null;
}

/** Whether the category of an open complaint is the classifier's guess that no person has looked at yet. */
async function filedByClassifier(tx: Tx, current: LockedComplaint): Promise<boolean> {
  if (!isOpenStatus(current.status)) return false;
  const [row] = await tx
    .select({ classSource: complaints.classSource })
    .from(complaints)
    .where(and(eq(complaints.id, current.id), eq(complaints.receivedAt, current.receivedAt)));
  return row?.classSource === 'classifier';
}

/**
 * An operator confirms the classifier's category: nothing moves (block, deadlines, executor stay), the category
 * becomes the operator's, the history says so, and the confirmation is a lesson like any other decision — the
 * classifier learns from what it got right as well as from what it got wrong.
 */
async function confirmClassifier(
  tx: Tx,
  current: LockedComplaint,
  blockCode: string,
  actor: string,
  now: Date,
): Promise<ClassifyResult> {
  await tx
    .update(complaints)
    .set({ classSource: 'operator', updatedAt: now })
    .where(and(eq(complaints.id, current.id), eq(complaints.receivedAt, current.receivedAt)));
  await tx.insert(complaintEvents).values({
    complaintId: current.id,
    type: 'classified',
    fromStatus: current.status,
    toStatus: current.status,
    at: now,
    actor,
    reason: current.categoryCode,
    comment: 'confirmed the classifier',
  });
  await recordDecisionExamples(tx, [
    {
      complaintId: current.id,
      receivedAt: current.receivedAt,
      label: current.categoryCode!,
      blockCode,
      actor,
      at: now,
    },
  ]);
  return {
    status: 'applied',
    complaintId: current.id,
    category: current.categoryCode!,
    block: blockCode,
    municipality: current.municipalityOktmo,
    executor: current.executorCode ?? '',
    dueAt: current.dueAt.toISOString(),
  };
}

/**
 * An operator's decision for a complaint from the queue (the classifier was not confident): it gets its block
 * and category, its deadlines by the category, the executor by the routing rules and its problem, and moves in
 * the rollups from "no block" into its block. Recorded as a `classified` event and the `new → routed` step.
 * On an open complaint the classifier filed and no person decided yet, the operator's category confirms the
 * guess (same category) or corrects it (another: a reclassification); every answer is the classifier's lesson.
 */
export async function classifyComplaint(ctx: AppContext, input: ClassifyInput): Promise<ClassifyResult> {
  const result = await decide(ctx, input);
  if (result.status !== 'delegate') return result;
  // The classifier filed it in another category: the operator's answer is a correction, with its own checks.
  const corrected = await reclassifyComplaint(ctx, {
    complaintId: input.complaintId,
    category: input.category,
    ...(input.actor ? { actor: input.actor } : {}),
  });
  if (corrected.status !== 'applied') return corrected;
  return {
    status: 'applied',
    complaintId: corrected.complaintId,
    category: corrected.category,
    block: corrected.block,
    municipality: result.municipality,
    executor: corrected.executor,
    dueAt: corrected.dueAt,
  };
}

async function decide(ctx: AppContext, input: ClassifyInput): Promise<ClassifyResult | Delegated> {
  const category = ctx.reference.categories.get(input.category);
  if (!category) {
    return {
      status: 'rejected',
      code: 'invalid',
      errors: [{ field: 'category', message: `unknown category code "${input.category}"` }],
    };
  }
  if (input.municipality !== undefined && !knownOktmoOf(ctx.reference).has(input.municipality)) {
    return {
      status: 'rejected',
      code: 'invalid',
      errors: [
        {
          field: 'municipality',
          message: `"${input.municipality}" is not the OKTMO of one of the region's municipalities`,
        },
      ],
    };
  }
  const now = ctx.now();
  const actor = input.actor ?? 'operator';
  return commitChange(
    ctx,
    { lane: 'exclusive', items: 1, now },
    async (tx, unit): Promise<ClassifyResult | Delegated> => {
      const current = (await lockComplaints(tx, [input.complaintId])).get(input.complaintId);
      if (!current) return notFound(input.complaintId);
      const foreign = foreignRefusal(current.regionCode, 'category');
      if (foreign) return foreign;
      if (current.categoryCode !== null && input.municipality === undefined) {
        const filed = await filedByClassifier(tx, current);
        if (filed && current.categoryCode === category.code)
          return confirmClassifier(tx, current, category.blockCode, actor, now);
        if (filed) return { status: 'delegate', municipality: current.municipalityOktmo };
      }
      if (current.categoryCode !== null || current.status !== 'new') {
        return {
          status: 'rejected',
          code: 'illegal',
          errors: [
            {
              field: 'category',
              message: `only a complaint waiting in the operator queue (status "new", no category) can be classified; this one is "${current.status}"${current.categoryCode ? ` in "${current.categoryCode}"` : ''}`,
            },
          ],
        };
      }
      const placed = input.municipality ?? current.municipalityOktmo;
      if (current.municipalityOktmo !== null && placed !== current.municipalityOktmo) {
        return {
          status: 'rejected',
          code: 'illegal',
          errors: [
            {
              field: 'municipality',
              message: `the complaint is already placed in ${current.municipalityOktmo}; only an unplaced one takes a municipality`,
            },
          ],
        };
      }
      const { dueAt, veryLateAt, slaState, route } = placeInCategory(
        ctx,
        current.receivedAt,
        placed,
        category,
        now,
      );
      unit.delta.addComplaint(current, 'new', current.slaState, -1);
      const moved = {
        ...current,
        blockCode: category.blockCode,
        categoryCode: category.code,
        municipalityOktmo: placed,
      };
      unit.delta.addComplaint(moved, 'routed', slaState, 1);
      const [problemId] = await joinProblems(
        tx,
        [{ ...moved, blockCode: category.blockCode, open: true }],
        duplicateRulesOf(ctx.reference),
      );
      await tx.execute(sql`update ${complaints} set block_code = ${category.blockCode},
        category_code = ${category.code}, class_source = 'operator', municipality_oktmo = ${placed},
        ${placed !== current.municipalityOktmo ? sql`place_source = 'operator',` : sql``} due_at = ${dueAt.toISOString()}::timestamptz,
        very_late_at = ${veryLateAt.toISOString()}::timestamptz, sla_state = ${slaState}, status = 'routed',
        status_at = ${now.toISOString()}::timestamptz, executor_code = ${route.executorCode},
        problem_id = ${problemId ?? null}, updated_at = now()
      where id = ${current.id} and received_at = ${current.receivedAt.toISOString()}::timestamptz`);
      const [, routed] = await tx
        .insert(complaintEvents)
        .values([
          {
            complaintId: current.id,
            type: 'classified',
            fromStatus: 'new',
            toStatus: 'new',
            at: now,
            actor,
            reason: category.code,
            comment: placed !== current.municipalityOktmo ? `municipality ${placed}` : null,
          },
          {
            complaintId: current.id,
            type: 'status',
            fromStatus: 'new',
            toStatus: 'routed',
            at: now,
            actor: ROUTING_ACTOR,
            executorCode: route.executorCode,
            ruleId: route.ruleId,
          },
        ])
        .returning({ id: complaintEvents.id });
      unit.answers.push(routedAnswer(ctx, current, routed!.id, route.executorCode, now));
      // The operator's choice is the classifier's lesson, committed with the decision itself.
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
      unit.change.transitions.push({
        complaintId: current.id,
        blockCode: category.blockCode,
        from: 'new',
        to: 'routed',
        at: now,
      });
      return {
        status: 'applied',
        complaintId: current.id,
        category: category.code,
        block: category.blockCode,
        municipality: placed,
        executor: route.executorCode,
        dueAt: dueAt.toISOString(),
      };
    },
  );
}
