import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PLACE_KINDS = ['municipality', 'admin_center', 'city', 'settlement', 'city_part'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** One row of public/geo/mo_places.csv. */
export interface PlaceRow {
  name: string;
  /** Lower case, ё → е, as the gazetteer ships it. */
  nameNorm: string;
  kind: PlaceKind;
  municipality: string;
  oktmo: string;
  lon: number;
  lat: number;
  population: number | null;
  source: string;
}

export const PLACES_FILE = path.join(process.cwd(), 'public', 'geo', 'mo_places.csv');

const COLUMNS = ['name', 'name_norm', 'kind', 'municipality', 'oktmo', 'lon', 'lat', 'population', 'source'];

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.length > 1 || r[0] !== '');
}

function toNumber(value: string, line: number, column: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new Error(`mo_places.csv line ${line}: bad ${column}`);
  return n;
}

/** Parses the gazetteer; a malformed row fails loudly, since a silently dropped town would never be found. */
export function parsePlaceCsv(text: string): PlaceRow[] {
  const [header, ...records] = parseCsvRecords(text);
  if (!header || COLUMNS.some((c, i) => header[i]?.trim() !== c))
    throw new Error(`mo_places.csv: expected columns ${COLUMNS.join(',')}`);
  return records.map((r, i) => {
    const line = i + 2;
    const [name = '', nameNorm = '', kind = '', municipality = '', oktmo = '', lon = '', lat = '', pop = ''] =
      r;
    if (!(PLACE_KINDS as readonly string[]).includes(kind))
      throw new Error(`mo_places.csv line ${line}: unknown kind "${kind}"`);
    if (!/^\d{11}$/.test(oktmo)) throw new Error(`mo_places.csv line ${line}: bad oktmo "${oktmo}"`);
    if (name.trim() === '') throw new Error(`mo_places.csv line ${line}: empty name`);
    return {
      name,
      nameNorm: nameNorm || name.toLowerCase().replace(/ё/g, 'е'),
      kind: kind as PlaceKind,
      municipality,
      oktmo,
      lon: toNumber(lon, line, 'lon'),
      lat: toNumber(lat, line, 'lat'),
      population: pop.trim() === '' ? null : toNumber(pop, line, 'population'),
      source: r[8] ?? '',
    };
  });
}

export function readPlaceRows(file = PLACES_FILE): PlaceRow[] {
  return parsePlaceCsv(readFileSync(file, 'utf8'));
}
