import type { TransitionInput } from '../lifecycle/types';
import type { PlanStep } from './lifecycle-plan';

/** Up to this many status changes go into one recordTransitions call (one transaction). */
export const TRANSITION_BATCH = 2000;

export function toTransitionInputs(complaintId: number, steps: readonly PlanStep[]): TransitionInput[] {
  return steps.map((s) => ({
    complaintId,
    status: s.status,
    at: s.at.toISOString(),
    actor: s.actor,
    comment: s.comment,
    ...(s.photoUrls ? { photoUrls: s.photoUrls } : {}),
    ...(s.answer ? { answer: s.answer } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
  }));
}

/**
 * Cuts a flat list of transitions (grouped by complaint, in time order) into batches without splitting one
 * complaint's steps, so that each batch can be checked against the stored state on its own.
 */
export function batchTransitions(
  inputs: readonly TransitionInput[],
  size = TRANSITION_BATCH,
): TransitionInput[][] {
  const batches: TransitionInput[][] = [];
  let current: TransitionInput[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const previous = inputs[i - 1];
    if (current.length >= size && previous?.complaintId !== input.complaintId) {
      batches.push(current);
      current = [];
    }
    current.push(input);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
