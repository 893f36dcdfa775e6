import { checkRegion } from '../federal/check-region';
import type { FieldError } from '../domain/field-errors';
import { MAX_BATCH_ITEMS } from '../domain/limits';

export type BatchParse =
  | { ok: true; items: unknown[] }
  | { ok: false; status: 400 | 413; code: string; message: string; errors: FieldError[] };

/** `{ "complaints": [ … ] }` (1 to MAX_BATCH_ITEMS) or one complaint object. */
export function parseBatch(body: unknown): BatchParse {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_body',
      message: 'the body must be a complaint object or { "complaints": [ … ] }',
      errors: [
        {
          field: 'body',
          message: Array.isArray(body) ? 'must be an object, not an array' : 'must be a JSON object',
        },
      ],
    };
  }
  if (!('complaints' in body)) return regionsChecked([body], () => '');
  const list = (body as { complaints: unknown }).complaints;
  if (!Array.isArray(list)) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_body',
      message: 'complaints must be an array',
      errors: [{ field: 'complaints', message: 'must be an array' }],
    };
  }
  if (list.length === 0) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_body',
      message: 'complaints is empty',
      errors: [{ field: 'complaints', message: 'must hold at least 1 item' }],
    };
  }
  if (list.length > MAX_BATCH_ITEMS) {
    return {
      ok: false,
      status: 413,
      code: 'batch_too_large',
      message: `a batch holds at most ${MAX_BATCH_ITEMS} complaints`,
      errors: [{ field: 'complaints', message: `has ${list.length} items; the limit is ${MAX_BATCH_ITEMS}` }],
    };
  }
  return regionsChecked(list, (i) => `complaints[${i}].`);
}

/**
 * A region code the directory does not know, or a foreign region's point outside it, is a fault of the sending
 * center's integration rather than of one message: the whole request is refused (400) naming each bad item.
 */
function regionsChecked(items: unknown[], prefixOf: (i: number) => string): BatchParse {
  const errors = items.flatMap((item, i) => checkRegion(item, prefixOf(i)));
  if (errors.length === 0) return { ok: true, items };
  return {
    ok: false,
    status: 400,
    code: 'invalid_region',
    message: 'a region code is unknown or a point lies outside its region',
    errors,
  };
}
