import type { Tx } from '../../db/client';
import type { Category } from '../../db/schema';
import type { AppContext } from '../context';
import { knownOktmoOf } from '../ingest/prepare-complaint';
import { DEFAULT_DEADLINE_HOURS } from '../domain/limits';
import { routeComplaint } from '../routing/route-complaint';
import type { RouteResult } from '../domain/routing-types';
import { computeDeadlines } from '../sla/deadline';
import { enqueueDeliveries } from '../webhooks/enqueue-deliveries';
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

/** Tells the complaint's source channel who holds it now, in the transaction of the `routed` event. */
export async function answerRouted(
  tx: Tx,
  ctx: AppContext,
  complaint: Pick<LockedComplaint, 'id' | 'sourceCode' | 'externalId'>,
  eventId: number,
  executorCode: string,
  now: Date,
): Promise<void> {
  await enqueueDeliveries(
    tx,
    [
      {
        eventId,
        complaintId: complaint.id,
        sourceCode: complaint.sourceCode,
        externalId: complaint.externalId,
        status: 'routed',
        at: now,
        executorCode,
        executorName: ctx.reference.executors.get(executorCode)?.name ?? null,
      },
    ],
    now,
  );
}
