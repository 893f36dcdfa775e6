import { HOME_REGION } from '../domain/home-region';
import type { FieldError } from '../domain/field-errors';
import type { RollupDelta, RollupRow } from '../rollups/rollup-delta';
import {
  ALLOWED_TRANSITIONS,
  canTransition,
  isOpenStatus,
  slaStateAt,
  type ComplaintStatus,
  type RejectionReason,
  type SlaState,
} from '../domain/statuses';
import type { TransitionInput } from './types';

/** The stored state of a complaint as the transition path reads it under lock, changed in place step by step. */
export interface LockedComplaint extends RollupRow {
  id: number;
  externalId: string;
  lat: number | null;
  lon: number | null;
  status: ComplaintStatus;
  statusAt: Date;
  slaState: SlaState;
  dueAt: Date;
  veryLateAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  executorCode: string | null;
  problemId: number | null;
  reopenCount: number;
  rejectionReason: RejectionReason | null;
  changed: boolean;
}

/** Statuses that put the complaint in an executor's hands: they need one (a complaint without a category has none). */
const NEEDS_EXECUTOR: readonly ComplaintStatus[] = ['routed', 'in_progress', 'resolved', 'on_vote'];

export type StepOutcome =
  | { ok: true; from: ComplaintStatus; to: ComplaintStatus; at: Date; problemDelta: number }
  | { ok: false; code: 'illegal' | 'invalid'; errors: FieldError[] };

/**
 * Applies one requested transition to the locked state: checks the lifecycle rule and the event order, moves
 * the rollups and the executor's quality counts, and updates the state for the next step of the same batch.
 */
export function applyTransition(
  current: LockedComplaint,
  input: TransitionInput,
  at: Date,
  now: Date,
  delta: RollupDelta,
): StepOutcome {
  const from = current.status;
  const to = input.status;
  if (input.expectedStatus !== undefined && input.expectedStatus !== from) {
    return {
      ok: false,
      code: 'illegal',
      errors: [
        {
          field: 'expectedStatus',
          message: `the complaint is "${from}" by now, not "${input.expectedStatus}": someone changed it first`,
        },
      ],
    };
  }
  if (!canTransition(from, to)) {
    const allowed = ALLOWED_TRANSITIONS[from];
    return {
      ok: false,
      code: 'illegal',
      errors: [
        {
          field: 'status',
          message: `cannot go from "${from}" to "${to}"; allowed: ${allowed.join(', ') || 'none'}`,
        },
      ],
    };
  }
  // Another region's complaint has no executor of ours: its own center is the executor and moves it on.
  if (NEEDS_EXECUTOR.includes(to) && !current.executorCode && current.regionCode === HOME_REGION) {
    return {
      ok: false,
      code: 'illegal',
      errors: [
        {
          field: 'status',
          message: `cannot go to "${to}": the complaint has no category and no executor yet; classify it first (POST /api/v1/complaints/${current.id}/classification)`,
        },
      ],
    };
  }
  if (at.getTime() < current.statusAt.getTime()) {
    return {
      ok: false,
      code: 'invalid',
      errors: [
        { field: 'at', message: `precedes the complaint's last event (${current.statusAt.toISOString()})` },
      ],
    };
  }

  const toSla = isOpenStatus(to)
    ? isOpenStatus(from)
      ? current.slaState
      : slaStateAt(now, current.dueAt, current.veryLateAt)
    : slaStateAt(at, current.dueAt, current.veryLateAt);
  delta.changeStatus(current, from, to, current.slaState, toSla, at);
  const executor = current.executorCode;
  if (executor && to === 'resolved') delta.countQuality(executor, current, at, 'resolved', current);
  if (executor && to === 'rejected') delta.countQuality(executor, current, at, 'rejected');
  // A reopen after a resolution means the fix did not hold: it counts against the executor that resolved.
  const reopenedFix = to === 'reopened' && (from === 'resolved' || from === 'closed');
  if (executor && reopenedFix) delta.countQuality(executor, current, at, 'reopened');

  current.slaState = toSla;
  current.status = to;
  current.statusAt = at;
  if (to === 'resolved') current.resolvedAt = at;
  if (to === 'closed') current.closedAt = at;
  if (to === 'rejected') current.rejectionReason = input.reason ?? null;
  if (to === 'reopened') {
    current.resolvedAt = null;
    current.closedAt = null;
    current.rejectionReason = null;
    if (reopenedFix) current.reopenCount++;
  }
  current.changed = true;
  const problemDelta = (isOpenStatus(to) ? 1 : 0) - (isOpenStatus(from) ? 1 : 0);
  return { ok: true, from, to, at, problemDelta };
}
