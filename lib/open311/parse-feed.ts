import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FeedRecord = Record<string, unknown>;

export interface ParsedFeed {
  /** What the body turned out to be, whatever its content-type said. */
  format: 'json' | 'xml';
  records: FeedRecord[];
  bom: boolean;
  wrongContentType: boolean;
}

/** The body cannot be read as a GeoReport request list (or is a GeoReport error list). */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}

const xml = new XMLParser({
  ignoreAttributes: true,
  // SOAP-ish feeds prefix their tags (`<ns2:request>`): the local names are GeoReport's.
  removeNSPrefix: true,
  // Values stay strings: ids like 00123 and coordinates like 55,75 must reach the normaliser as written.
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
});

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === '' || value === null ? [] : [value];

const isRecord = (value: unknown): value is FeedRecord =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function errorsText(list: unknown[]): string {
  return list
    .filter(isRecord)
    .map((e) => `${String(e.code ?? '?')} ${String(e.description ?? '')}`.trim())
    .join('; ');
}

function fromJson(text: string): FeedRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`the body is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  // Some servers wrap the list: { service_requests: [...] } or { service_requests: { request: [...] } }.
  if (isRecord(value)) {
    if (value.errors !== undefined)
      throw new FeedError(`the server answered errors: ${errorsText(asArray(value.errors))}`);
    const inner = value.service_requests ?? value.requests;
    value = isRecord(inner) ? asArray(inner.request) : inner;
  }
  if (!Array.isArray(value)) throw new FeedError('the JSON is neither a list of requests nor wraps one');
  const records = value.filter(isRecord);
  const looksLikeErrors =
    records.length > 0 &&
    records.every((r) => 'code' in r && 'description' in r && !('service_request_id' in r));
  if (looksLikeErrors) throw new FeedError(`the server answered errors: ${errorsText(records)}`);
  return records;
}

function fromXml(text: string): FeedRecord[] {
  const check = XMLValidator.validate(text);
  if (check !== true)
    throw new FeedError(`the body is not valid XML: ${check.err.msg} (line ${check.err.line})`);
  const doc: unknown = xml.parse(text);
  if (!isRecord(doc)) throw new FeedError('the XML has no root element');
  if (doc.errors !== undefined) {
    const errors = isRecord(doc.errors) ? asArray(doc.errors.error) : [];
    throw new FeedError(`the server answered errors: ${errorsText(errors)}`);
  }
  if (doc.service_requests === undefined) {
    const root = Object.keys(doc).filter((k) => !k.startsWith('?'));
    throw new FeedError(`the XML root is <${root[0] ?? '?'}>, not <service_requests>`);
  }
  // One <request> parses as an object, none as an empty string: both become lists.
  const list = isRecord(doc.service_requests) ? asArray(doc.service_requests.request) : [];
  return list.filter(isRecord);
}

/**
 * A response body as records, told apart by its first character rather than by a content-type that servers
 * often get wrong (text/html for JSON, none at all).
 */
export function parseFeed(body: string, contentType: string): ParsedFeed {
  const bom = body.startsWith('\uFEFF');
  const text = (bom ? body.slice(1) : body).trim();
  if (text === '') throw new FeedError('the body is empty');
  const format = text.startsWith('<') ? 'xml' : text.startsWith('[') || text.startsWith('{') ? 'json' : null;
  if (!format) throw new FeedError(`the body is neither JSON nor XML: "${text.slice(0, 40)}"`);
  const declared = contentType.toLowerCase();
  const wrongContentType = !declared.includes(format);
  return { format, records: format === 'json' ? fromJson(text) : fromXml(text), bom, wrongContentType };
}
