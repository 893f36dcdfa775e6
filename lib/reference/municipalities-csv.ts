import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MunicipalityInfo } from './types';

export const MUNICIPALITIES_CSV = path.join(process.cwd(), 'public', 'geo', 'mo_municipalities.csv');

/** Splits one CSV line, honouring double-quoted fields (`osm_names` holds commas). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/**
 * The municipality table in the shape of the reference cache, read from the project's CSV copy: lets tools
 * and unit tests place simulated complaints without a database.
 */
export function readMunicipalitiesCsv(file = MUNICIPALITIES_CSV): MunicipalityInfo[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const columns = splitCsvLine(header ?? '');
  return lines.map((line) => {
    const values = splitCsvLine(line);
    const get = (name: string) => values[columns.indexOf(name)] ?? '';
    return {
      oktmo: get('oktmo'),
      name: get('name'),
      shortName: get('short_name'),
      adminCenter: get('admin_center'),
      population: Number(get('population')),
      centerLat: Number(get('center_lat')),
      centerLon: Number(get('center_lon')),
      areaKm2: Number(get('area_km2')),
      zato: get('zato') === 'true',
    };
  });
}
