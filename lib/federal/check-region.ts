import type { FieldError } from '../domain/field-errors';
import { HOME_REGION } from '../domain/home-region';
import { regionDirectory } from './region-directory';

const EXAMPLES = `e.g. ${HOME_REGION}, RU-SPE; Crimea UA-43, Sevastopol UA-40 (GET /api/v1/regions lists all 85)`;

/**
 * The region checks of one raw intake item: `region`, when present, must be a known ISO 3166-2 code, and for a
 * region other than the home one the point, when given, must lie in it (home complaints keep the Moscow Oblast
 * check of validateComplaint). `prefix` is the item's JSON path (`complaints[3].`), '' for a lone item.
 */
export function checkRegion(raw: unknown, prefix = ''): FieldError[] {
  if (raw === null || typeof raw !== 'object' || !('region' in raw)) return [];
  const item = raw as { region: unknown; lat?: unknown; lon?: unknown };
  const field = `${prefix}region`;
  if (item.region === undefined) return [];
  if (typeof item.region !== 'string')
    return [{ field, message: `must be a string: an ISO 3166-2 region code (${EXAMPLES})` }];
  const code = item.region.trim();
  const directory = regionDirectory();
  if (!directory.has(code))
    return [{ field, message: `unknown region code "${item.region}": use an ISO 3166-2 code (${EXAMPLES})` }];
  if (code === HOME_REGION) return [];
  const { lat, lon } = item;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return [];
  if (directory.admits(code, lon, lat)) return [];
  const found = directory.locate(lon, lat);
  const name = directory.regions.get(code)!.name;
  return [
    {
      field: `${prefix}lat`,
      message: `the point (lat ${lat}, lon ${lon}) is outside ${code} (${name})${
        found ? `: it lies in ${found} (${directory.regions.get(found)!.name})` : ''
      }`,
    },
  ];
}
