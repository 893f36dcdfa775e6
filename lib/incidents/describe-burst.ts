import type { AppContext } from '../context';
import { routeComplaint } from '../routing/route-complaint';
import { splitSeriesKey } from './burst-detector';
import { findBurstProblem } from './find-burst-problem';
import { nearestTown } from './nearest-town';

export interface BurstDescription {
  blockCode: string;
  categoryCode: string;
  municipalityOktmo: string;
  place: string;
  lat: number | null;
  lon: number | null;
  problemId: number | null;
  executorCode: string;
}

/**
 * What the room needs to act on a burst: the town (nearest to its largest problem), the point for the map
 * ring, and who must fix it under the routing rules. Null for a municipality the reference does not know.
 */
export async function describeBurst(
  ctx: AppContext,
  key: string,
  openedAt: Date,
): Promise<BurstDescription | null> {
  const { oktmo, category } = splitSeriesKey(key);
  const municipality = ctx.reference.municipalities.get(oktmo);
  if (!municipality) return null;
  const blockCode = ctx.reference.categories.get(category)?.blockCode ?? category.split('.')[0] ?? category;
  const problem = await findBurstProblem(ctx.db, oktmo, category, openedAt);
  const point = problem?.lat != null && problem.lon != null ? { lat: problem.lat, lon: problem.lon } : null;
  return {
    blockCode,
    categoryCode: category,
    municipalityOktmo: oktmo,
    place: nearestTown(municipality, point),
    lat: point?.lat ?? municipality.centerLat,
    lon: point?.lon ?? municipality.centerLon,
    problemId: problem?.id ?? null,
    executorCode: routeComplaint(
      { categoryCode: category, blockCode, municipalityOktmo: oktmo },
      { rules: ctx.reference.routingRules },
    ).executorCode,
  };
}
