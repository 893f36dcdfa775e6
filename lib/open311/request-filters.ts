import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import type { ComplaintStatus } from '../domain/statuses';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import type { Open311RequestFilter } from './get-open311-requests';
import { STATUSES_BY_GEOREPORT, type GeoReportStatus } from './status-map';

/** GeoReport v2 suggests a 90-day window by default and as the widest a query may ask for. */
export const MAX_WINDOW_DAYS = 90;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;
const DATE_PARAM = isoDateTimeWithOffset('2026-11-22T09:15:00+03:00');

export type FilterParse = { ok: true; filter: Open311RequestFilter } | { ok: false; errors: FieldError[] };

const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

function parseDate(params: URLSearchParams, name: string, errors: FieldError[]): Date | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (!DATE_PARAM.safeParse(value).success) {
    errors.push({
      field: name,
      message: 'must be ISO 8601 with an offset, e.g. 2026-11-22T09:15:00+03:00',
    });
    return undefined;
  }
  return new Date(value);
}

function parseInteger(
  params: URLSearchParams,
  name: string,
  range: [min: number, max: number],
  fallback: number,
  errors: FieldError[],
): number {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range[0] || n > range[1]) {
    errors.push({ field: name, message: `must be an integer from ${range[0]} to ${range[1]}` });
    return fallback;
  }
  return n;
}

function parseStatuses(value: string | null, errors: FieldError[]): ComplaintStatus[] | undefined {
  if (value === null || value === '') return undefined;
  const wanted = list(value);
  const bad = wanted.filter((s) => s !== 'open' && s !== 'closed');
  if (bad.length > 0 || wanted.length === 0) {
    errors.push({ field: 'status', message: 'must be open, closed or both (comma-separated)' });
    return undefined;
  }
  return [...new Set(wanted as GeoReportStatus[])].flatMap((s) => STATUSES_BY_GEOREPORT[s]);
}

/** Query parameters of `GET requests.json` → a query filter, or every bad parameter with the reason. */
export function parseRequestFilters(
  params: URLSearchParams,
  reference: ReferenceCache,
  now: Date,
): FilterParse {
  const errors: FieldError[] = [];
  const page = parseInteger(params, 'page', [1, 1_000_000], 1, errors);
  const pageSize = parseInteger(params, 'page_size', [1, MAX_PAGE_SIZE], DEFAULT_PAGE_SIZE, errors);
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };

  const idParam = params.get('service_request_id');
  if (idParam !== null && idParam !== '') {
    const ids = list(idParam);
    if (ids.length === 0 || ids.length > MAX_PAGE_SIZE || ids.some((id) => !/^\d{1,15}$/.test(id))) {
      errors.push({
        field: 'service_request_id',
        message: `must be a comma-separated list of up to ${MAX_PAGE_SIZE} numeric ids`,
      });
    }
    // The spec: a list of ids overrides every other argument.
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, filter: { ids: [...new Set(ids.map(Number))], ...paging } };
  }

  const codeParam = params.get('service_code');
  let categoryCodes: string[] | undefined;
  if (codeParam !== null && codeParam !== '') {
    categoryCodes = list(codeParam);
    const unknown = categoryCodes.filter((c) => !reference.categories.has(c));
    if (unknown.length > 0)
      errors.push({ field: 'service_code', message: `unknown service_code: ${unknown.join(', ')}` });
  }
  const statuses = parseStatuses(params.get('status'), errors);
  const start = parseDate(params, 'start_date', errors);
  const end = parseDate(params, 'end_date', errors);
  if (errors.length > 0) return { ok: false, errors };

  const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) {
    return { ok: false, errors: [{ field: 'start_date', message: 'must not be after end_date' }] };
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    return {
      ok: false,
      errors: [{ field: 'start_date', message: `must be at most ${MAX_WINDOW_DAYS} days before end_date` }],
    };
  }
  return { ok: true, filter: { categoryCodes, statuses, from, to, ...paging } };
}
