import { readPlaceRows, type PlaceRow } from '../geo/place-csv';
import type { MunicipalityInfo } from '../reference/types';

/** Places a burst is named after: towns and villages, not municipalities (a ГО is not a place on the ground). */
const TOWN_KINDS = new Set<PlaceRow['kind']>(['admin_center', 'city', 'settlement', 'city_part']);

let townsByOktmo: Map<string, PlaceRow[]> | null = null;

function towns(): Map<string, PlaceRow[]> {
  if (townsByOktmo) return townsByOktmo;
  const byOktmo = new Map<string, PlaceRow[]>();
  for (const row of readPlaceRows()) {
    if (!TOWN_KINDS.has(row.kind)) continue;
    const list = byOktmo.get(row.oktmo) ?? [];
    list.push(row);
    byOktmo.set(row.oktmo, list);
  }
  return (townsByOktmo = byOktmo);
}

/**
 * The town a burst is called by: the gazetteer's place of its municipality nearest to the point (a few dozen
 * per municipality, so a scan), or the municipality's administrative centre without a point.
 */
export function nearestTown(
  municipality: MunicipalityInfo,
  point: { lat: number; lon: number } | null,
): string {
  if (!point) return municipality.adminCenter;
  const cosLat = Math.cos((point.lat * Math.PI) / 180);
  const distance = (lon: number, lat: number) => ((lon - point.lon) * cosLat) ** 2 + (lat - point.lat) ** 2;
  // The gazetteer keeps a town that gives its municipality its name only as the municipality's row (Подольск),
  // so the administrative centre is always a candidate.
  let best = municipality.adminCenter;
  let bestD = distance(municipality.centerLon, municipality.centerLat);
  for (const town of towns().get(municipality.oktmo) ?? []) {
    const d = distance(town.lon, town.lat);
    if (d < bestD) {
      bestD = d;
      best = town.name;
    }
  }
  return best;
}
