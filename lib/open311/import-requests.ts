import type { AppContext } from '../context';
import { MAX_BATCH_ITEMS } from '../domain/limits';
import { recordComplaints } from '../ingest/record-complaints';
import type { ComplaintInput, IngestItemResult } from '../ingest/types';
import { isOverloaded } from '../commit/write-queue';
import { egressRefusal } from '../egress/check-egress';
import { egressFetch } from '../egress/egress-fetch';
import { statusReason } from '../egress/status-reason';
import { fetchFeed } from './fetch-feed';
import type { ImportOptions, ImportReport } from './import-types';
import { areaOf, normalizeRequest, requestIdOf, type NormalizeContext } from './normalize-request';
import { applyFeedStates, type FeedStateInput } from './apply-feed-states';
import { feedStatusOf, type FeedRecordState } from './feed-state';
import { confirmedServiceMap } from './confirmed-service-map';
import { prepareImport, type Endpoint } from './prepare-import';
import { FeedError, parseFeed, type FeedRecord, type ParsedFeed } from './parse-feed';

const DAY_MS = 86_400_000;
/** Below this a full window is not split again: the server simply holds more than it will send. */
const MIN_WINDOW_MS = 60_000;
/** Answers that mean "no JSON here": the server may still speak XML. */
const NO_JSON_STATUSES = new Set([404, 406, 415, 501]);
const MAX_OVERLOAD_RETRIES = 5;

interface Window {
  from: Date;
  to: Date;
}

const w3c = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

function windowsOf(since: Date, until: Date, widthMs: number): Window[] {
  const list: Window[] = [];
  for (let from = since.getTime(); from < until.getTime(); from += widthMs) {
    list.push({ from: new Date(from), to: new Date(Math.min(from + widthMs, until.getTime())) });
  }
  return list;
}

function emptyReport(options: ImportOptions): ImportReport {
  const asText = (v: string | Date | undefined) => (v instanceof Date ? v.toISOString() : (v ?? ''));
  return {
    baseUrl: options.baseUrl,
    endpoint: null,
    format: null,
    since: asText(options.since),
    until: asText(options.until),
    requests: 0,
    fetched: 0,
    created: 0,
    duplicates: 0,
    skipped: [],
    warnings: {
      assumedZone: 0,
      droppedPoint: 0,
      commaDecimal: 0,
      unknownStatus: 0,
      unreadableTime: 0,
      expectedBeforeRequested: 0,
      missingDescription: 0,
      unmappedService: 0,
      htmlText: 0,
      truncatedText: 0,
      wrongContentType: 0,
      bom: 0,
      repeatedAcrossWindows: 0,
      fullWindow: 0,
    },
    unmappedServiceCodes: [],
    unknownStatuses: [],
    feedStates: { open: 0, inProgress: 0, closed: 0 },
    lifecycle: { closed: 0, reopened: 0, inProgress: 0, dueFromFeed: 0 },
    outsideRegion: 0,
    heldForRegions: {},
    serviceMapping: { confirmed: 0, fromOptions: 0 },
    error: null,
  };
}

/** One window of the feed, falling back from requests.json to requests.xml once if the server has no JSON. */
async function fetchWindow(
  endpoint: Endpoint,
  window: Window,
  options: ImportOptions,
  report: ImportReport,
): Promise<ParsedFeed> {
  const url = new URL(endpoint.url);
  url.searchParams.set('start_date', w3c(window.from));
  url.searchParams.set('end_date', w3c(window.to));
  report.requests += 1;
  const response = await fetchFeed(options.fetch ?? egressFetch, url.toString(), options.timeoutMs ?? 30_000);
  if (!endpoint.fixed && NO_JSON_STATUSES.has(response.status)) {
    endpoint.url.pathname = endpoint.url.pathname.replace(/requests\.json$/, 'requests.xml');
    endpoint.fixed = true;
    return fetchWindow(endpoint, window, options, report);
  }
  if (response.status < 200 || response.status > 299) {
    // The status and its standard phrase, never the body: the importer must not read other servers' pages out.
    const type = response.contentType ? ` (${response.contentType})` : '';
    throw new FeedError(`HTTP ${response.status} from ${url}: ${statusReason(response.status)}${type}`);
  }
  const feed = parseWithoutEcho(response.body, response.contentType);
  // The first answer settles the endpoint: later windows ask the same one.
  endpoint.fixed = true;
  report.endpoint = endpoint.url.toString();
  report.format = feed.format;
  if (feed.bom) report.warnings.bom += 1;
  if (feed.wrongContentType) report.warnings.wrongContentType += 1;
  return feed;
}

/**
 * parseFeed, with its parser messages kept to what failed and where: V8 quotes the JSON around an unexpected
 * token and the XML validator names tags, both pieces of the fetched body, which an error must not carry.
 */
function parseWithoutEcho(body: string, contentType: string): ParsedFeed {
  try {
    return parseFeed(body, contentType);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    const size = `${Buffer.byteLength(body)} bytes${contentType ? `, ${contentType}` : ''}`;
    if (error.message.startsWith('the body is not valid JSON: Unexpected token')) {
      throw new FeedError(`the body is not valid JSON: an unexpected character (${size})`);
    }
    if (error.message.startsWith('the body is neither JSON nor XML:')) {
      throw new FeedError(`the body is neither JSON nor XML (${size})`);
    }
    if (error.message.startsWith('the body is not valid XML:')) {
      throw new FeedError(`${error.message.replace(/'[^']*'/g, '…')} (${size})`);
    }
    throw error;
  }
}

/** Intake of one batch, waiting out a full writer a few times before giving up. */
async function recordPatiently(
  ctx: AppContext,
  items: ComplaintInput[],
  anyAge: (index: number) => boolean,
): Promise<IngestItemResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await recordComplaints(ctx, items, anyAge);
    } catch (error) {
      if (!isOverloaded(error) || attempt >= MAX_OVERLOAD_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterSeconds, 30) * 1000));
    }
  }
}

/** The feed's points of this response, tallied before its records are taken (see normalizeRequest). */
function tally(records: FeedRecord[], normalize: NormalizeContext, report: ImportReport): void {
  for (const record of records) {
    const area = areaOf(record, normalize.locator);
    if (area) normalize.area[area] += 1;
    const status = typeof record.status === 'string' ? feedStatusOf(record.status) : null;
    const key = status === 'in_progress' ? 'inProgress' : (status ?? 'open');
    report.feedStates[key] += 1;
  }
}

async function ingestRecords(
  ctx: AppContext,
  records: FeedRecord[],
  seen: Set<string>,
  normalize: NormalizeContext,
  report: ImportReport,
): Promise<void> {
  const inResponse = new Set<string>();
  const fresh: FeedRecord[] = [];
  for (const record of records) {
    report.fetched += 1;
    const id = requestIdOf(record);
    if (id !== undefined && inResponse.has(id)) {
      report.skipped.push({ id, reason: 'duplicate service_request_id within one response' });
      continue;
    }
    if (id !== undefined && seen.has(id)) {
      report.warnings.repeatedAcrossWindows += 1;
      continue;
    }
    if (id !== undefined) {
      inResponse.add(id);
      seen.add(id);
    }
    fresh.push(record);
  }
  tally(fresh, normalize, report);
  const ready: { id: string; item: ComplaintInput; state: FeedRecordState }[] = [];
  for (const record of fresh) {
    const result = normalizeRequest(record, normalize);
    if (result.ok) ready.push(result);
    else {
      report.skipped.push({ id: result.id, reason: result.reason });
      if (result.outsideRegion) report.outsideRegion += 1;
    }
  }
  for (let start = 0; start < ready.length; start += MAX_BATCH_ITEMS) {
    const batch = ready.slice(start, start + MAX_BATCH_ITEMS);
    // Closed history may be of any age; an open request older than five years is refused as on live intake.
    const results = await recordPatiently(
      ctx,
      batch.map((r) => r.item),
      (i) => batch[i]!.state.status === 'closed',
    );
    const states: FeedStateInput[] = [];
    results.forEach((r, i) => {
      const { id, item, state } = batch[i]!;
      if (r.status === 'created') {
        report.created += 1;
        if (item.region) report.heldForRegions[item.region] = (report.heldForRegions[item.region] ?? 0) + 1;
      } else if (r.status === 'duplicate') report.duplicates += 1;
      else {
        const why = (r.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
        report.skipped.push({ id, reason: `refused by intake: ${why}` });
      }
      if (r.id !== undefined && r.status !== 'rejected') states.push({ complaintId: r.id, state });
    });
    const changes = await applyFeedStates(ctx, `open311:${normalize.host}`, states);
    for (const key of Object.keys(changes) as (keyof typeof changes)[]) report.lifecycle[key] += changes[key];
  }
}

/**
 * Pulls another GeoReport v2 server's requests into our intake (source `open311`, externalId
 * `<host>:<service_request_id>`, so a second run stores nothing new). Walks the period in date windows, halving
 * a window whose answer looks cut off. Never throws for the server's faults: an HTTP error, a timeout or an
 * unreadable body stops the import and is named in `error`, with what was stored until then counted.
 */
export async function importOpen311(ctx: AppContext, options: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(options);
  const plan = prepareImport(ctx, options);
  if (!plan.ok) {
    report.error = plan.error;
    return report;
  }
  const { endpoint, since, until } = plan;
  // Checked once before anything is fetched, so a refused host is named as the option at fault; every
  // request (and redirect hop) is checked again when it is made.
  const refusal = options.fetch ? null : await egressRefusal(endpoint.url);
  if (refusal) {
    report.error = `baseUrl: refused: ${refusal}`;
    return report;
  }
  report.since = since.toISOString();
  report.until = until.toISOString();
  report.endpoint = endpoint.url.toString();
  const confirmed = await confirmedServiceMap(ctx.db, endpoint.host);
  report.serviceMapping = {
    confirmed: Object.keys(confirmed).length,
    fromOptions: Object.keys(options.serviceMap ?? {}).length,
  };
  const normalize: NormalizeContext = {
    host: endpoint.host,
    timeZone: options.timeZone,
    serviceMap: { ...confirmed, ...options.serviceMap },
    reference: ctx.reference,
    locator: ctx.locator,
    warnings: report.warnings,
    unmappedCodes: new Set(),
    unknownStatuses: new Set(),
    area: { home: 0, region: 0, abroad: 0 },
  };
  const fullAt = options.fullAt ?? 1000;
  const maxRequests = options.maxRequests ?? 500;
  const windows = windowsOf(since, until, (options.windowDays ?? 7) * DAY_MS);
  const seen = new Set<string>();

  try {
    for (let window = windows.shift(); window; window = windows.shift()) {
      if (report.requests >= maxRequests) {
        throw new FeedError(
          `stopped after ${maxRequests} requests: the server may ignore start_date and end_date`,
        );
      }
      const feed = await fetchWindow(endpoint, window, options, report);
      if (feed.records.length >= fullAt) {
        const span = window.to.getTime() - window.from.getTime();
        if (span > MIN_WINDOW_MS) {
          const mid = new Date(window.from.getTime() + Math.floor(span / 2));
          windows.unshift({ from: window.from, to: mid }, { from: mid, to: window.to });
          continue;
        }
        report.warnings.fullWindow += 1;
      }
      await ingestRecords(ctx, feed.records, seen, normalize, report);
    }
  } catch (error) {
    if (error instanceof FeedError || isOverloaded(error)) report.error = error.message;
    else throw error;
  }
  report.unmappedServiceCodes = [...normalize.unmappedCodes].sort();
  report.unknownStatuses = [...normalize.unknownStatuses].sort();
  return report;
}
