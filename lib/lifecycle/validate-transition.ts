import { z } from 'zod';
import { zodFieldErrors } from '../http/field-errors';
import { isoDateTimeWithOffset } from '../http/iso-date-time';
import type { FieldError } from '../ingest/types';
import { MAX_FUTURE_SKEW_MS } from '../ingest/limits';
import { COMPLAINT_STATUSES } from './statuses';
import type { TransitionInput } from './types';

/** Body of `POST /api/v1/complaints/{id}/events`. */
export const TRANSITION_BODY_SCHEMA = z.object({
  status: z.enum(COMPLAINT_STATUSES, { message: `must be one of: ${COMPLAINT_STATUSES.join(', ')}` }),
  at: isoDateTimeWithOffset('2026-11-22T12:00:00+03:00').optional(),
  actor: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(200).optional(),
  comment: z.string({ message: 'must be a string' }).max(4000, 'must be at most 4000 characters').optional(),
});

/** Checks one transition's own fields (the status rule needs the stored state, checked later under lock). */
export function validateTransition(input: TransitionInput, now: Date): FieldError[] {
  const parsed = TRANSITION_BODY_SCHEMA.safeParse(input);
  if (!parsed.success) return zodFieldErrors(parsed.error, input);
  if (!Number.isSafeInteger(input.complaintId) || input.complaintId <= 0) {
    return [{ field: 'id', message: 'must be a positive integer' }];
  }
  if (input.at && Date.parse(input.at) > now.getTime() + MAX_FUTURE_SKEW_MS) {
    return [{ field: 'at', message: 'is in the future' }];
  }
  return [];
}
