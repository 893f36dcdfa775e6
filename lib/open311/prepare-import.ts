import type { AppContext } from '../context';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import type { ImportOptions } from './import-types';
import { isKnownZone } from './parse-sloppy-date';

/** Where the requests are read; `fixed` once the format is settled (named in baseUrl or seen in an answer). */
export interface Endpoint {
  url: URL;
  host: string;
  fixed: boolean;
}

export type ImportPlan =
  { ok: true; endpoint: Endpoint; since: Date; until: Date } | { ok: false; error: string };

const DEFAULT_SPAN_MS = 90 * 86_400_000;
const DATE = isoDateTimeWithOffset('2026-11-01T00:00:00+03:00');

function dateOption(value: string | Date | undefined, name: string): Date | string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? `${name}: is not a valid date` : value;
  const parsed = DATE.safeParse(value);
  return parsed.success ? new Date(value) : `${name}: ${parsed.error.issues[0]?.message ?? 'is not a date'}`;
}

/**
 * `…/v2` reads `…/v2/requests.json` (falling back to XML); a baseUrl naming a .json or .xml file reads
 * requests in that format from the same folder. The query string (jurisdiction_id, api_key) is kept.
 */
export function resolveEndpoint(baseUrl: string): Endpoint | string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `baseUrl: is not a URL: "${baseUrl}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'baseUrl: must be an http or https URL';
  const named = /[^/]*\.(json|xml)$/i.exec(url.pathname);
  if (named) {
    url.pathname = url.pathname.slice(0, named.index) + `requests.${named[1]!.toLowerCase()}`;
    return { url, host: url.host, fixed: true };
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/requests.json`;
  return { url, host: url.host, fixed: false };
}

/** Checks the options before anything is fetched; every refusal names the option. */
export function prepareImport(ctx: AppContext, options: ImportOptions): ImportPlan {
  const endpoint = resolveEndpoint(options.baseUrl);
  if (typeof endpoint === 'string') return { ok: false, error: endpoint };
  const untilOpt = dateOption(options.until, 'until');
  const sinceOpt = dateOption(options.since, 'since');
  if (typeof untilOpt === 'string') return { ok: false, error: untilOpt };
  if (typeof sinceOpt === 'string') return { ok: false, error: sinceOpt };
  const until = untilOpt ?? ctx.now();
  const since = sinceOpt ?? new Date(until.getTime() - DEFAULT_SPAN_MS);
  if (since.getTime() >= until.getTime()) return { ok: false, error: 'since: must be before until' };
  if (options.timeZone !== undefined && !isKnownZone(options.timeZone))
    return { ok: false, error: `timeZone: unknown time zone "${options.timeZone}"` };
  const unknown = Object.entries(options.serviceMap ?? {}).filter(
    ([, code]) => !ctx.reference.categories.has(code),
  );
  if (unknown.length > 0) {
    const list = unknown.map(([from, to]) => `${from} → ${to}`).join(', ');
    return { ok: false, error: `serviceMap: unknown category codes: ${list}` };
  }
  return { ok: true, endpoint, since, until };
}
