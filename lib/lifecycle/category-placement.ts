import type { Category } from '../../db/schema';
import type { AppContext } from '../context';
import { knownOktmoOf } from '../ingest/prepare-complaint';
import { DEFAULT_DEADLINE_HOURS } from '../domain/limits';
import { routeComplaint } from '../routing/route-complaint';
import type { RouteResult } from '../domain/routing-types';
import { computeDeadlines } from '../sla/deadline';
import type { AnswerEvent } from '../webhooks/enqueue-deliveries';
import type { LockedComplaint } from './apply-transition';
import { slaStateAt, type SlaState } from '../domain/statuses';

export interface CategoryPlacement {
  dueAt: Date;
  veryLateAt: Date;
  slaState: SlaState;
  route: RouteResult;
}

/**
 * What a category decided by an operator gives a stored complaint: deadlines counted from its receipt, the
 * punctuality at `now`, and the executor by the routing rules for its municipality.
 */
export function placeInCategory(
  ctx: AppContext,
  received: Date,
  municipalityOktmo: string | null,
  category: Pick<Category, 'code' | 'blockCode' | 'deadlineHours' | 'deadlineWorkingDays'>,
  now: Date,
): CategoryPlacement {
  const { dueAt, veryLateAt } = computeDeadlines(received, {
    hours: category.deadlineHours ?? DEFAULT_DEADLINE_HOURS,
    workingDays: category.deadlineWorkingDays,
  });
  const route = routeComplaint(
    { categoryCode: category.code, blockCode: category.blockCode, municipalityOktmo },
    { rules: ctx.reference.routingRules, knownOktmo: knownOktmoOf(ctx.reference) },
  );
  return { dueAt, veryLateAt, slaState: slaStateAt(now, dueAt, veryLateAt), route };
}

/**
 * The answer telling the complaint's source channel who holds it now, for the event that handed it over (the
 * `routed` step after a classification, or a re-route): the source hears `complaint.routed` naming the executor.
 */
export function routedAnswer(
  ctx: AppContext,
  complaint: Pick<LockedComplaint, 'id' | 'sourceCode' | 'externalId'>,
  eventId: number,
  executorCode: string,
  at: Date,
): AnswerEvent {
  return {
    eventId,
    complaintId: complaint.id,
    sourceCode: complaint.sourceCode,
    externalId: complaint.externalId,
    status: 'routed',
    at,
    executorCode,
    executorName: ctx.reference.executors.get(executorCode)?.name ?? null,
  };
}
