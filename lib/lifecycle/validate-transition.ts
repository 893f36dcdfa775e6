import { z } from 'zod';
import { zodFieldErrors } from '../domain/field-errors';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import { safeText, visibleText } from '../domain/safe-text';
import type { FieldError } from '../domain/field-errors';
import { MAX_FUTURE_SKEW_MS } from '../domain/limits';
import { COMPLAINT_STATUSES, REJECTION_REASONS } from '../domain/statuses';
import type { TransitionInput } from './types';

export const MAX_PHOTOS = 10;

const httpUrl = z
  .string({ message: 'must be a string' })
  .max(2000, 'must be at most 2000 characters')
  .superRefine(safeText)
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const COMMENT_FIELD = z
  .string({ message: 'must be a string' })
  .max(4000, 'must be at most 4000 characters')
  // An empty comment is allowed (nothing to say); one of only invisible characters is refused as empty.
  .superRefine(visibleText)
  .optional();
/** A category code as commands take it (checked against the reference by the write path). */
export const CATEGORY_FIELD = z
  .string({ message: 'must be a category code' })
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .superRefine(visibleText);

/** Body of `POST /api/v1/complaints/{id}/events`. */
export const TRANSITION_BODY_SCHEMA = z.object({
  status: z.enum(COMPLAINT_STATUSES, { message: `must be one of: ${COMPLAINT_STATUSES.join(', ')}` }),
  at: isoDateTimeWithOffset('2026-11-22T12:00:00+03:00')
    .optional()
    .meta({ description: 'Defaults to now; not before the last event' }),
  comment: COMMENT_FIELD,
  photoUrls: z
    .array(httpUrl, { message: 'must be an array of URLs' })
    .max(MAX_PHOTOS, `must hold at most ${MAX_PHOTOS} URLs`)
    .optional()
    .meta({ description: 'Required with status resolved: photos of the fix (http/https)' }),
  answer: z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(4000, 'must be at most 4000 characters')
    .superRefine(visibleText)
    .optional()
    .meta({ description: 'Required with resolved; allowed with rejected and on_vote' }),
  reason: z
    .enum(REJECTION_REASONS, { message: `must be one of: ${REJECTION_REASONS.join(', ')}` })
    .optional()
    .meta({ description: 'Required with status rejected' }),
  expectedStatus: z
    .enum(COMPLAINT_STATUSES, { message: `must be one of: ${COMPLAINT_STATUSES.join(', ')}` })
    .optional()
    .meta({
      description:
        'Optional precondition: when the complaint is in another status by now (someone acted first), 409 and nothing changes',
    }),
});

/**
 * Fields a status needs or refuses: a resolution is accepted only with proof (a photo of the fix and the
 * answer to the resident), a rejection only with its reason.
 */
function statusFieldErrors(input: TransitionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.status === 'resolved') {
    if (!input.photoUrls || input.photoUrls.length === 0)
      errors.push({ field: 'photoUrls', message: 'a resolution needs at least one photo URL of the fix' });
    if (!input.answer)
      errors.push({ field: 'answer', message: 'a resolution needs the answer to the resident' });
  } else if (input.photoUrls !== undefined) {
    errors.push({ field: 'photoUrls', message: 'is only accepted with status "resolved"' });
  }
  if (input.status === 'rejected') {
    if (!input.reason)
      errors.push({
        field: 'reason',
        message: `a rejection needs a reason: ${REJECTION_REASONS.join(', ')}`,
      });
  } else if (input.reason !== undefined) {
    errors.push({ field: 'reason', message: 'is only accepted with status "rejected"' });
  }
  if (input.answer !== undefined && !['resolved', 'rejected', 'on_vote'].includes(input.status)) {
    errors.push({ field: 'answer', message: 'is only accepted with status resolved, rejected or on_vote' });
  }
  return errors;
}

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
  return statusFieldErrors(parsed.data as TransitionInput);
}
