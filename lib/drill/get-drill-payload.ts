import type { AppContext } from '../context';
import { getMunicipalityCategories } from './get-municipality-categories';
import { getMunicipalityHourOfWeek } from './get-municipality-hour-of-week';
import { getMunicipalityOnTime } from './get-municipality-on-time';
import { getMunicipalityOpenCells } from './get-municipality-open-cells';
import { getMunicipalityOverdue } from './get-municipality-overdue';
import { getMunicipalityTrend } from './get-municipality-trend';
import { getWeekOverWeek } from '../queries/get-week-over-week';
import type { MunicipalityInfo } from '../reference/types';
import type { DrillMunicipality, DrillPayload } from './types';

export function drillMunicipalityOf(m: MunicipalityInfo): DrillMunicipality {
  return {
    oktmo: m.oktmo,
    name: m.name,
    shortName: m.shortName,
    population: m.population,
    center: { lat: m.centerLat, lon: m.centerLon },
  };
}

/**
 * A municipality drill-down's payload at `now`, assembled from one small query per part. The caller has checked
 * that the municipality and the block (null = all blocks) exist.
 */
export async function getDrillPayload(
  ctx: Pick<AppContext, 'db' | 'reference'>,
  oktmo: string,
  block: string | null,
  now: Date,
): Promise<DrillPayload> {
  const { db, reference } = ctx;
  const info = reference.municipalities.get(oktmo);
  if (!info) throw new Error(`unknown municipality ${oktmo}`);
  const scope = block ? { municipality: oktmo, block } : { municipality: oktmo };
  let regionPopulation = 0;
  for (const m of reference.municipalities.values()) regionPopulation += m.population;
  const [trend, week, hourOfWeek, overdue, topCategories, onTime, cells] = await Promise.all([
    getMunicipalityTrend(db, scope, now, { municipality: info.population, region: regionPopulation }),
    getWeekOverWeek(db, scope, now),
    getMunicipalityHourOfWeek(db, scope, now),
    getMunicipalityOverdue(db, scope, now, reference.executors),
    getMunicipalityCategories(db, scope, now),
    getMunicipalityOnTime(db, scope, now),
    getMunicipalityOpenCells(db, scope, now),
  ]);
  return {
    municipality: drillMunicipalityOf(info),
    block,
    asOf: now.toISOString(),
    trend,
    week,
    hourOfWeek,
    overdue,
    topCategories,
    onTime,
    cells,
  };
}
