import type { MunicipalityLocator } from '../geo/municipality-locator';
import { MAX_ADDRESS_CHARS, MAX_TEXT_CHARS } from '../domain/limits';
import type { ComplaintInput } from '../ingest/types';
import type { ReferenceCache } from '../reference/types';
import { decodeHtmlText } from '../text/decode-html-text';
import type { ImportWarnings } from './import-types';
import { parseSloppyDate } from './parse-sloppy-date';
import { FeedError, type FeedRecord } from './parse-feed';
import { feedStatusOf, notesOf, type FeedRecordState, type FeedStatus } from './feed-state';
import { regionDirectory } from '../federal/region-directory';
import { HOME_REGION } from '../domain/home-region';

export interface NormalizeContext {
  /** `host[:port]` of the server: externalId is `<host>:<service_request_id>`. */
  host: string;
  /** IANA zone for times without an offset; without one such a time refuses the feed. */
  timeZone: string | undefined;
  serviceMap: Readonly<Record<string, string>>;
  reference: ReferenceCache;
  locator: MunicipalityLocator;
  /** Counted into as records are read. */
  warnings: ImportWarnings;
  unmappedCodes: Set<string>;
  unknownStatuses: Set<string>;
  /** Where the feed's points lie so far (this import): a request without one is judged by the rest. */
  area: Record<Exclude<Area, null>, number>;
}

export type Normalized =
  | { ok: true; id: string; item: ComplaintInput; state: FeedRecordState }
  | { ok: false; id: string | null; reason: string; outsideRegion?: true };

/** Where a record's point lies: in Moscow Oblast, in another Russian region, abroad; null without one. */
export type Area = 'home' | 'region' | 'abroad' | null;

/** A scalar field as trimmed text; absent, empty and non-scalar values are undefined. */
function field(record: FeedRecord, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Their id as the record gives it, before anything else is read (to find repeats cheaply). */
export function requestIdOf(record: FeedRecord): string | undefined {
  return field(record, 'service_request_id');
}

function cut(text: string, max: number, c: NormalizeContext): string {
  if (text.length <= max) return text;
  c.warnings.truncatedText += 1;
  return `${text.slice(0, max - 1)}…`;
}

function coordinate(raw: string | undefined): { value: number; comma: boolean } | null {
  if (raw === undefined) return null;
  const comma = raw.includes(',');
  const text = raw.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return { value: Number(text), comma };
}

type Point =
  | { kind: 'none' }
  | { kind: 'dropped'; comma: boolean }
  | { kind: 'home' | 'abroad'; lat: number; lon: number; comma: boolean }
  | { kind: 'region'; code: string; lat: number; lon: number; comma: boolean };

/**
 * The record's point and where it lies. 0,0, half a pair or an unreadable one count as none (dropped): servers
 * write 0,0 for "not given". A point in Moscow Oblast without a municipality of ours (a border sliver) is
 * dropped too, leaving the place to the text.
 */
function pointOf(record: FeedRecord, locator: MunicipalityLocator): Point {
  const latRaw = field(record, 'lat');
  const lonRaw = field(record, 'long', 'lon', 'lng');
  if (latRaw === undefined && lonRaw === undefined) return { kind: 'none' };
  const lat = coordinate(latRaw);
  const lon = coordinate(lonRaw);
  const comma = Boolean(lat?.comma || lon?.comma);
  const usable =
    lat !== null &&
    lon !== null &&
    !(lat.value === 0 && lon.value === 0) &&
    Math.abs(lat.value) <= 90 &&
    Math.abs(lon.value) <= 180;
  if (!usable) return { kind: 'dropped', comma };
  const at = { lat: lat.value, lon: lon.value, comma };
  if (locator.locate(at.lon, at.lat) !== null) return { kind: 'home', ...at };
  const region = regionDirectory().locate(at.lon, at.lat);
  if (region === HOME_REGION) return { kind: 'dropped', comma };
  return region ? { kind: 'region', code: region, ...at } : { kind: 'abroad', ...at };
}

/** Where a record's point lies, for judging the feed as a whole before its records are taken. */
export function areaOf(record: FeedRecord, locator: MunicipalityLocator): Area {
  const point = pointOf(record, locator);
  return point.kind === 'none' || point.kind === 'dropped' ? null : point.kind;
}

function categoryOf(record: FeedRecord, c: NormalizeContext): string | undefined {
  const code = field(record, 'service_code');
  const mapped =
    code === undefined
      ? undefined
      : (c.serviceMap[code] ?? (c.reference.categories.has(code) ? code : undefined));
  if (mapped === undefined) {
    c.warnings.unmappedService += 1;
    if (code !== undefined) c.unmappedCodes.add(code);
  }
  return mapped;
}

/**
 * A time field of the record: undefined when absent or unreadable (counted), and the feed refused with a
 * FeedError naming the field when the time has no offset and the import no time zone.
 */
function timeOf(record: FeedRecord, name: string, id: string, c: NormalizeContext): Date | undefined {
  const raw = field(record, name);
  if (raw === undefined) return undefined;
  const date = parseSloppyDate(raw, c.timeZone);
  if (date.ok) {
    if (date.assumedZone) c.warnings.assumedZone += 1;
    return date.at;
  }
  if (date.noOffset) {
    throw new FeedError(
      `${name} of request ${id.slice(0, 60)} is "${raw.slice(0, 40)}", a local time without a UTC offset: ` +
        "the server does not say which zone its times are in; set the import's timeZone (an IANA name such as Europe/Berlin) to read them in that zone",
    );
  }
  if (name !== 'requested_datetime') c.warnings.unreadableTime += 1;
  return undefined;
}

function stateOf(record: FeedRecord, id: string, receivedAt: Date, c: NormalizeContext): FeedRecordState {
  const raw = field(record, 'status');
  let status: FeedStatus = 'open';
  if (raw !== undefined) {
    const known = feedStatusOf(raw);
    if (known) status = known;
    else {
      c.warnings.unknownStatus += 1;
      c.unknownStatuses.add(raw.slice(0, 60));
    }
  }
  const updatedAt = timeOf(record, 'updated_datetime', id, c) ?? null;
  let expectedAt = timeOf(record, 'expected_datetime', id, c) ?? null;
  if (expectedAt && expectedAt.getTime() <= receivedAt.getTime()) {
    c.warnings.expectedBeforeRequested += 1;
    expectedAt = null;
  }
  return { status, updatedAt, expectedAt, notes: notesOf(record) };
}

const OUTSIDE = 'outside_region (вне региона)';

/**
 * One record of another server's feed → an intake item and the feed's state of it, repairing what can be
 * repaired (and counting it) and refusing, with the reason, what cannot: no id, no or an unreadable
 * requested_datetime, nothing to say, a point abroad (or no point in a feed whose points all lie abroad).
 * A point in another Russian region holds the request for that region (the federal view).
 */
export function normalizeRequest(record: FeedRecord, c: NormalizeContext): Normalized {
  const id = requestIdOf(record);
  if (id === undefined) return { ok: false, id: null, reason: 'service_request_id is missing' };
  if (field(record, 'requested_datetime') === undefined)
    return { ok: false, id, reason: 'requested_datetime is missing' };
  const receivedAt = timeOf(record, 'requested_datetime', id, c);
  if (receivedAt === undefined) {
    const raw = field(record, 'requested_datetime') ?? '';
    return { ok: false, id, reason: `requested_datetime is not a date: "${raw.slice(0, 60)}"` };
  }

  const point = pointOf(record, c.locator);
  if (point.kind !== 'none' && point.comma) c.warnings.commaDecimal += 1;
  if (point.kind === 'abroad') {
    const where = `lat ${point.lat}, lon ${point.lon}`;
    return {
      ok: false,
      id,
      outsideRegion: true,
      reason: `${OUTSIDE}: the point (${where}) lies outside Russia`,
    };
  }
  if (point.kind === 'dropped') c.warnings.droppedPoint += 1;
  if ((point.kind === 'none' || point.kind === 'dropped') && c.area.abroad > 0 && c.area.home === 0) {
    return {
      ok: false,
      id,
      outsideRegion: true,
      reason: `${OUTSIDE}: no usable point, and the feed's requests with points lie outside Russia`,
    };
  }

  const decoded = ['description', 'service_name', 'address'].map((name) => {
    const raw = field(record, name);
    return raw === undefined ? undefined : decodeHtmlText(raw);
  });
  const [description, serviceName, address] = decoded.map((d) => (d?.text ? d.text : undefined));
  let text = description;
  if (text === undefined) {
    text = [serviceName, address].filter((v) => v !== undefined).join(', ') || undefined;
    if (text === undefined) return { ok: false, id, reason: 'no description, service_name or address' };
    c.warnings.missingDescription += 1;
  }
  if (decoded.some((d) => d?.changed)) c.warnings.htmlText += 1;
  const state = stateOf(record, id, receivedAt, c);

  const media = field(record, 'media_url');
  const photo = media && /^https?:\/\/\S+$/i.test(media) ? `\n\nФото заявителя: ${media}` : '';
  const category = categoryOf(record, c);
  const located = point.kind === 'home' || point.kind === 'region';
  const item: ComplaintInput = {
    source: 'open311',
    externalId: `${c.host}:${id}`,
    receivedAt: receivedAt.toISOString(),
    text: cut(text, MAX_TEXT_CHARS - photo.length, c) + photo,
    ...(located ? { lat: point.lat, lon: point.lon } : {}),
    ...(point.kind === 'region' ? { region: point.code } : {}),
    ...(address !== undefined ? { address: cut(address, MAX_ADDRESS_CHARS, c) } : {}),
    ...(category !== undefined ? { category } : {}),
  };
  return { ok: true, id, item, state };
}
