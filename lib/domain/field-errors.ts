import type { z } from 'zod';

/** One refused field of a request: the HTTP answer lists these, so a caller knows what to fix. */
export interface FieldError {
  /** JSON path of the offending field, e.g. `receivedAt` or `complaints[3].lat`. */
  field: string;
  message: string;
}

/** The documented body of every error answer: the HTTP status, a machine code, a sentence, the fields at fault. */
export interface ErrorBody {
  error: { status: number; code: string; message: string; errors: FieldError[] };
}

/** `errors` is always there (`[]` when no field is at fault), as the README documents it. */
export function errorBody(status: number, code: string, message: string, errors?: FieldError[]): ErrorBody {
  return { error: { status, code, message, errors: errors ?? [] } };
}

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
