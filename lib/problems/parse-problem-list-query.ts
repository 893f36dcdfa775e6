import type { FieldError } from '../domain/field-errors';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import type { ReferenceCache } from '../reference/types';
import { startOfMoscowDay } from '../domain/moscow-time';

export const PROBLEM_LIST_DEFAULT_LIMIT = 5;
export const PROBLEM_LIST_MAX_LIMIT = 50;

export interface ProblemListQuery {
  block: string | null;
  municipality: string | null;
  limit: number;
  since: Date;
}

export type ProblemListQueryResult =
  { ok: true; value: ProblemListQuery } | { ok: false; errors: FieldError[] };

const SINCE = isoDateTimeWithOffset('2026-03-10T00:00:00+03:00');

/**
 * `?block=&municipality=&limit=&since=` of the problem list, every fault reported at once. `since` defaults to
 * midnight Moscow time, the wall's "today".
 */
export function parseProblemListQuery(
  params: URLSearchParams,
  reference: ReferenceCache,
  now: Date,
): ProblemListQueryResult {
  const errors: FieldError[] = [];
  const block = params.get('block') || null;
  if (block !== null && !reference.blocks.has(block)) {
    errors.push({ field: 'block', message: `"${block}" is not a block code from /api/v1/reference` });
  }
  const municipality = params.get('municipality') || null;
  if (municipality !== null && !reference.municipalities.has(municipality)) {
    errors.push({
      field: 'municipality',
      message: `"${municipality}" is not an OKTMO code from /api/v1/reference`,
    });
  }
  const rawLimit = params.get('limit');
  let limit = PROBLEM_LIST_DEFAULT_LIMIT;
  if (rawLimit !== null && rawLimit !== '') {
    limit = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= PROBLEM_LIST_MAX_LIMIT)) {
      errors.push({
        field: 'limit',
        message: `must be an integer from 1 to ${PROBLEM_LIST_MAX_LIMIT}; got "${rawLimit}"`,
      });
    }
  }
  const rawSince = params.get('since');
  let since = startOfMoscowDay(now);
  if (rawSince !== null && rawSince !== '') {
    const parsed = SINCE.safeParse(rawSince);
    if (parsed.success) since = new Date(parsed.data);
    else errors.push({ field: 'since', message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { block, municipality, limit, since } };
}
