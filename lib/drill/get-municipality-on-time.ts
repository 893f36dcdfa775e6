import type { Db } from '../../db/client';
import { ON_TIME_WINDOW_DAYS, type OnTimeShare } from './types';
import { sumQuality } from '../queries/get-executor-quality';
import { lastMoscowDates } from '../domain/moscow-time';

/**
 * The share of a municipality's resolutions made by the due time over the last ON_TIME_WINDOW_DAYS Moscow days
 * (one block or all), and the region's for comparison: sums of rollup_executor_daily.
 */
export async function getMunicipalityOnTime(
  db: Db,
  scope: { municipality: string; block?: string },
  now: Date,
  windowDays = ON_TIME_WINDOW_DAYS,
): Promise<OnTimeShare> {
  const dates = lastMoscowDates(now, windowDays);
  const window = { blockCode: scope.block ?? null, fromDate: dates[0]!, toDate: dates.at(-1)! };
  const [mine, region] = await Promise.all([
    sumQuality(db, { ...window, municipalityOktmo: scope.municipality }, 'municipality_oktmo'),
    sumQuality(db, window, 'municipality_oktmo'),
  ]);
  const resolved = region.reduce((s, r) => s + r.resolved, 0);
  const onTime = region.reduce((s, r) => s + r.resolvedOnTime, 0);
  const own = mine[0];
  return {
    windowDays,
    resolved: own?.resolved ?? 0,
    rate: own?.onTimeRate ?? null,
    regionRate: resolved > 0 ? onTime / resolved : null,
  };
}
