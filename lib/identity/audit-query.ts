import { calendarFault } from '../domain/iso-date-time';
import type { FieldError } from '../domain/field-errors';
import { moscowMidnight } from '../domain/moscow-time';
import { DAY_MS } from '../domain/time-units';
import { AUDIT_ACTIONS, type AuditAction } from './audit';
import { AUDIT_PAGE_MAX, type AuditFilter } from './list-audit';

const DEFAULT_LIMIT = 50;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A bound of `from`/`to`: a Moscow calendar date (the whole day: `to=2026-05-01` includes that day) or an
 * instant with its offset.
 */
function boundOf(value: string, end: boolean): Date | string {
  const date = DATE.exec(value);
  if (date) {
    const fault = calendarFault(`${value}T00:00Z`);
    if (fault) return fault.replace('date-time', 'date');
    const day = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / DAY_MS;
    return moscowMidnight(end ? day + 1 : day);
  }
  if (!value.includes('T')) return 'must be a date (2026-05-01) or a date-time with an offset';
  const fault = calendarFault(value);
  return fault ?? new Date(value);
}

/** The audit page's query string as a filter, or every parameter at fault named. */
export function parseAuditQuery(
  params: URLSearchParams,
): { ok: true; filter: AuditFilter } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filter: AuditFilter = { limit: DEFAULT_LIMIT };
  const get = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === '' ? undefined : value.trim();
  };
  const before = get('before');
  if (before !== undefined) {
    if (/^\d{1,15}$/.test(before) && Number(before) > 0) filter.before = Number(before);
    else errors.push({ field: 'before', message: 'must be a positive integer (an entry id)' });
  }
  const limit = get('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (/^\d{1,4}$/.test(limit) && n >= 1 && n <= AUDIT_PAGE_MAX) filter.limit = n;
    else errors.push({ field: 'limit', message: `must be an integer from 1 to ${AUDIT_PAGE_MAX}` });
  }
  const actor = get('actor');
  if (actor !== undefined) {
    if (actor.length <= 200) filter.actor = actor;
    else errors.push({ field: 'actor', message: 'must be at most 200 characters' });
  }
  const action = get('action');
  if (action !== undefined) {
    if ((AUDIT_ACTIONS as readonly string[]).includes(action)) filter.action = action as AuditAction;
    else errors.push({ field: 'action', message: `must be one of ${AUDIT_ACTIONS.join(', ')}` });
  }
  for (const name of ['from', 'to'] as const) {
    const value = get(name);
    if (value === undefined) continue;
    const bound = boundOf(value, name === 'to');
    if (typeof bound === 'string') errors.push({ field: name, message: bound });
    else filter[name] = bound;
  }
  if (filter.from && filter.to && filter.from >= filter.to)
    errors.push({ field: 'to', message: 'must be after from' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, filter };
}
