import { errorBody, type FieldError } from '../domain/field-errors';

/**
 * Every API error has one shape: the HTTP status, a machine code, a sentence, and the fields at fault (`[]`
 * when no field is: the list is always there, as the README documents it).
 */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
): Response {
  return Response.json(errorBody(status, code, message, errors), { status, headers });
}

/** The API's error answer as route() and the resource checks write it (Open311 routes have their own). */
export const apiAnswer = (status: number, code: string, message: string, errors: FieldError[]): Response =>
  errorResponse(status, code, message, errors);

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** The writer is behind: come back later; nothing of the request was stored. */
export function overloaded(error: { retryAfterSeconds: number; message: string }): Response {
  return errorResponse(
    503,
    'overloaded',
    error.message,
    [{ field: 'body', message: 'not stored; retry later' }],
    {
      'retry-after': String(error.retryAfterSeconds),
    },
  );
}
