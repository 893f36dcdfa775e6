import type { FieldError } from '../domain/field-errors';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import type { ReferenceCache } from '../reference/types';
import type { IncidentQuery } from './list-incidents';

export type IncidentQueryResult = { ok: true; value: IncidentQuery } | { ok: false; errors: FieldError[] };

const DATE_TIME = isoDateTimeWithOffset('2026-12-06T08:00:00+03:00');
/** The span one request may ask for: a briefing reads a week, an audit a month. */
const MAX_SPAN_DAYS = 93;

/**
 * `?block=&municipality=&state=live|all&from=&to=` of the incident list, every fault at once. Without a span
 * and with `state=live` (the default): the incidents not closed, what the wall shows.
 */
export function parseIncidentQuery(params: URLSearchParams, reference: ReferenceCache): IncidentQueryResult {
  const errors: FieldError[] = [];
  const block = params.get('block') || undefined;
  if (block !== undefined && !reference.blocks.has(block))
    errors.push({ field: 'block', message: `"${block}" is not a block code from /api/v1/reference` });
  const municipality = params.get('municipality') || undefined;
  if (municipality !== undefined && !reference.municipalities.has(municipality))
    errors.push({
      field: 'municipality',
      message: `"${municipality}" is not an OKTMO code from /api/v1/reference`,
    });
  const state = params.get('state') || 'live';
  if (state !== 'live' && state !== 'all')
    errors.push({ field: 'state', message: `must be "live" or "all"; got "${state}"` });
  const date = (field: 'from' | 'to'): Date | undefined => {
    const raw = params.get(field);
    if (raw === null || raw === '') return undefined;
    const parsed = DATE_TIME.safeParse(raw);
    if (parsed.success) return new Date(parsed.data);
    errors.push({ field, message: parsed.error.issues[0]?.message ?? 'is not valid' });
    return undefined;
  };
  const from = date('from');
  const to = date('to');
  if (from && to && to.getTime() <= from.getTime())
    errors.push({ field: 'to', message: 'must be after from' });
  else if (from && to && to.getTime() - from.getTime() > MAX_SPAN_DAYS * 86_400_000)
    errors.push({ field: 'to', message: `the span must be at most ${MAX_SPAN_DAYS} days` });
  if (errors.length > 0) return { ok: false, errors };
  const scope = { ...(block ? { block } : {}), ...(municipality ? { municipality } : {}) };
  return {
    ok: true,
    value: {
      scope,
      live: state === 'live',
      ...(from ? { openedFrom: from } : {}),
      ...(to ? { openedTo: to } : {}),
    },
  };
}
