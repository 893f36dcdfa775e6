import type { AppContext } from '../context';
import { getHeatCells } from './get-heat-cells';
import { getOverduePart } from './get-overdue-part';
import { getTensionPoints } from './get-tension-points';
import { getTerritoryLoad } from './get-territory-load';
import { getTopCategories } from './get-top-categories';
import { getWeekOverWeek } from '../queries/get-week-over-week';
import { getProblemCounts } from './get-problem-counts';
import { startOfMoscowDay } from '../domain/moscow-time';
import { getQualityPart } from './get-quality-part';
import type { BlockPanel } from './types';

/** A block panel's whole payload at `now`, assembled from one small query per part. */
export async function getBlockPanel(
  ctx: Pick<AppContext, 'db' | 'reference' | 'locator'>,
  block: string,
  now: Date,
): Promise<BlockPanel> {
  const { db, reference, locator } = ctx;
  const [territories, overdue, week, topCategories, tension, heat, problems, quality] = await Promise.all([
    getTerritoryLoad(db, block, now, reference.municipalities.values()),
    getOverduePart(db, block, now, reference.executors),
    getWeekOverWeek(db, { block }, now),
    getTopCategories(db, block, now),
    getTensionPoints(db, block, now, (lon, lat) => locator.locate(lon, lat)),
    getHeatCells(db, block, now),
    getProblemCounts(db, { blockCode: block }, startOfMoscowDay(now)),
    getQualityPart(db, reference, block, now),
  ]);
  return {
    block,
    asOf: now.toISOString(),
    territories,
    overdue,
    week,
    topCategories,
    tension,
    heat,
    problems: {
      newToday: problems.newProblems,
      complaintsInNewToday: problems.complaintsInNew,
      open: problems.openProblems,
      openComplaints: problems.openComplaints,
    },
    quality,
  };
}
