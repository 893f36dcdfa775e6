import type { MunicipalityLocator } from '../geo/municipality-locator';
import { MAX_ADDRESS_CHARS, MAX_TEXT_CHARS } from '../domain/limits';
import type { ComplaintInput } from '../ingest/types';
import type { ReferenceCache } from '../reference/types';
import { decodeHtmlText } from '../text/decode-html-text';
import type { ImportWarnings } from './import-types';
import type { FeedRecord } from './parse-feed';
import { parseSloppyDate } from './parse-sloppy-date';

export interface NormalizeContext {
  /** `host[:port]` of the server: externalId is `<host>:<service_request_id>`. */
  host: string;
  assumeZone: string;
  serviceMap: Readonly<Record<string, string>>;
  reference: ReferenceCache;
  locator: MunicipalityLocator;
  /** Counted into as records are read. */
  warnings: ImportWarnings;
  unmappedCodes: Set<string>;
}

export type Normalized =
  { ok: true; id: string; item: ComplaintInput } | { ok: false; id: string | null; reason: string };

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

/** A usable point inside the oblast, or none (counted when one was given and dropped). */
function pointOf(record: FeedRecord, c: NormalizeContext): { lat: number; lon: number } | null {
  const latRaw = field(record, 'lat');
  const lonRaw = field(record, 'long', 'lon', 'lng');
  if (latRaw === undefined && lonRaw === undefined) return null;
  const lat = coordinate(latRaw);
  const lon = coordinate(lonRaw);
  if (lat?.comma || lon?.comma) c.warnings.commaDecimal += 1;
  const inside =
    lat !== null &&
    lon !== null &&
    !(lat.value === 0 && lon.value === 0) &&
    Math.abs(lat.value) <= 90 &&
    Math.abs(lon.value) <= 180 &&
    c.locator.locate(lon.value, lat.value) !== null;
  if (!inside) {
    c.warnings.droppedPoint += 1;
    return null;
  }
  return { lat: lat.value, lon: lon.value };
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
 * One record of another server's feed → an intake item, repairing what can be repaired (and counting it) and
 * refusing, with the reason, what cannot: no id, no or an unreadable requested_datetime, nothing to say.
 */
export function normalizeRequest(record: FeedRecord, c: NormalizeContext): Normalized {
  const id = requestIdOf(record);
  if (id === undefined) return { ok: false, id: null, reason: 'service_request_id is missing' };
  const rawDate = field(record, 'requested_datetime');
  if (rawDate === undefined) return { ok: false, id, reason: 'requested_datetime is missing' };
  const date = parseSloppyDate(rawDate, c.assumeZone);
  if (!date.ok)
    return { ok: false, id, reason: `requested_datetime is not a date: "${rawDate.slice(0, 60)}"` };

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
  if (date.assumedZone) c.warnings.assumedZone += 1;

  const media = field(record, 'media_url');
  const photo = media && /^https?:\/\/\S+$/i.test(media) ? `\n\nФото заявителя: ${media}` : '';
  const point = pointOf(record, c);
  const category = categoryOf(record, c);
  const item: ComplaintInput = {
    source: 'open311',
    externalId: `${c.host}:${id}`,
    receivedAt: date.at.toISOString(),
    text: cut(text, MAX_TEXT_CHARS - photo.length, c) + photo,
    ...(point ? { lat: point.lat, lon: point.lon } : {}),
    ...(address !== undefined ? { address: cut(address, MAX_ADDRESS_CHARS, c) } : {}),
    ...(category !== undefined ? { category } : {}),
  };
  return { ok: true, id, item };
}
