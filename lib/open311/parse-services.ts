import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeHtmlText } from '../text/decode-html-text';
import { FeedError } from './parse-feed';

/** One service of another server's GeoReport v2 services list (GET services). */
export interface FeedService {
  code: string;
  name: string;
  description: string | null;
  group: string | null;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  // Namespaced tags (`<ns2:service>`) read as their local name, so SOAP-ish lists parse like plain ones.
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === '' || value === null ? [] : [value];

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const decoded = decodeHtmlText(String(value)).text.trim();
  return decoded ? decoded.slice(0, max) : null;
}

function toService(record: unknown): FeedService | null {
  if (!isRecord(record)) return null;
  const code = text(record.service_code, 200);
  if (code === null) return null;
  return {
    code,
    name: text(record.service_name, 300) ?? code,
    description: text(record.description, 2000),
    group: text(record.group, 300),
  };
}

/** A services list body (JSON or XML, told apart by its first character) as services; repeats kept once. */
export function parseServices(body: string): FeedService[] {
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  let list: unknown[];
  if (trimmed.startsWith('<')) {
    const check = XMLValidator.validate(trimmed);
    if (check !== true) throw new FeedError(`the services list is not valid XML (line ${check.err.line})`);
    const doc: unknown = xml.parse(trimmed);
    const root = isRecord(doc) ? doc.services : undefined;
    if (root === undefined) throw new FeedError('the XML root is not <services>');
    list = isRecord(root) ? asArray(root.service) : [];
  } else {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new FeedError('the services list is neither valid JSON nor XML');
    }
    list = isRecord(value) ? asArray(value.services) : asArray(value);
  }
  const byCode = new Map<string, FeedService>();
  for (const service of list.map(toService))
    if (service && !byCode.has(service.code)) byCode.set(service.code, service);
  return [...byCode.values()];
}
