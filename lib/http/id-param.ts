import { errorResponse } from './responses';

/** A positive integer id from a path segment, or the 400 answer naming it (`noun`: «the problem id …»). */
export function parseIdParam(
  id: string,
  noun = '',
): { ok: true; id: number } | { ok: false; response: Response } {
  if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) {
    return {
      ok: false,
      response: errorResponse(
        400,
        'invalid_id',
        `the ${noun ? `${noun} ` : ''}id must be a positive integer`,
        [{ field: 'id', message: `got "${id}"` }],
      ),
    };
  }
  return { ok: true, id: Number(id) };
}

const STATUS_BY_CODE = { not_found: 404, illegal: 409, invalid: 400 } as const;

/** The answer for a refused command: 404 unknown id, 409 not allowed in the complaint's state, 400 bad field. */
export function refusedResponse(refusal: {
  code: keyof typeof STATUS_BY_CODE;
  errors: { field: string; message: string }[];
}): Response {
  return errorResponse(
    STATUS_BY_CODE[refusal.code],
    refusal.code,
    refusal.errors[0]?.message ?? 'refused',
    refusal.errors,
  );
}
