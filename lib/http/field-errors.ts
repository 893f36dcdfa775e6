import type { z } from 'zod';
import type { FieldError } from '../ingest/types';

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod issues as `{ field, message }`, saying "is required" where the field is absent rather than mistyped. */
export function zodFieldErrors(error: z.ZodError, raw: unknown): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message:
      issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined ? 'is required' : issue.message,
  }));
}
