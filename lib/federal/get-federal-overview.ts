import type { Db } from '../../db/client';
import { FEDERAL_LIVE_MINUTES, federalDays, shareOf } from './federal-windows';
import { HOME_REGION } from '../domain/home-region';
import type { RegionDirectory } from './region-directory';
import type { FederalOverview, FederalRegionRow, FederalTotals } from './types';
import { getRegionBacklog } from './get-region-backlog';
import { getRegionDaily } from './get-region-daily';
import { getRegionLastData } from './get-region-last-data';

/**
 * The whole network for the federal view: every one of the directory's regions (those that never sent data
 * too, with zeros and silent) with today's and the week's flows, the open backlog and the last data time.
 * Three small reads of the region rollups plus one index step per region.
 */
export async function getFederalOverview(
  db: Db,
  directory: RegionDirectory,
  now: Date,
): Promise<FederalOverview> {
  const days = federalDays(now);
  const codes = [...directory.regions.keys()];
  const [daily, backlog, lastData] = await Promise.all([
    getRegionDaily(db, days[0]!, days[days.length - 1]!),
    getRegionBacklog(db),
    getRegionLastData(db, codes),
  ]);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const flows = new Map<string, { trend: number[]; resolved: number; onTime: number }>();
  for (const r of daily) {
    const i = dayIndex.get(r.day);
    if (i === undefined) continue;
    const f = flows.get(r.region) ?? { trend: days.map(() => 0), resolved: 0, onTime: 0 };
    f.trend[i]! += r.received;
    f.resolved += r.resolved;
    f.onTime += r.resolvedOnTime;
    flows.set(r.region, f);
  }
  const backlogOf = new Map(backlog.map((b) => [b.region, b]));
  const liveSince = now.getTime() - FEDERAL_LIVE_MINUTES * 60_000;

  const regions: FederalRegionRow[] = [...directory.regions.values()].map((info) => {
    const f = flows.get(info.code) ?? { trend: days.map(() => 0), resolved: 0, onTime: 0 };
    const b = backlogOf.get(info.code) ?? { open: 0, overdue: 0 };
    const lastDataAt = lastData.get(info.code) ?? null;
    return {
      code: info.code,
      name: info.name,
      shortName: info.shortName,
      federalDistrict: info.federalDistrict,
      capital: { name: info.capital.name, lon: info.capital.lon, lat: info.capital.lat },
      home: info.code === HOME_REGION,
      today: f.trend[f.trend.length - 1] ?? 0,
      trend: f.trend,
      week: f.trend.reduce((s, n) => s + n, 0),
      open: b.open,
      overdue: b.overdue,
      overdueShare: shareOf(b.overdue, b.open),
      resolvedWeek: f.resolved,
      onTimeShare: shareOf(f.onTime, f.resolved),
      lastDataAt,
      live: lastDataAt !== null && new Date(lastDataAt).getTime() >= liveSince,
    };
  });
  return {
    asOf: now.toISOString(),
    homeRegion: HOME_REGION,
    liveWindowMinutes: FEDERAL_LIVE_MINUTES,
    days,
    totals: totalsOf(regions, flows),
    regions,
  };
}

function totalsOf(
  regions: FederalRegionRow[],
  flows: Map<string, { resolved: number; onTime: number }>,
): FederalTotals {
  const sum = (pick: (r: FederalRegionRow) => number) => regions.reduce((s, r) => s + pick(r), 0);
  const live = regions.filter((r) => r.live).length;
  const [open, overdue, resolvedWeek] = [
    sum((r) => r.open),
    sum((r) => r.overdue),
    sum((r) => r.resolvedWeek),
  ];
  const onTime = [...flows.values()].reduce((s, f) => s + f.onTime, 0);
  return {
    regions: regions.length,
    live,
    silent: regions.length - live,
    today: sum((r) => r.today),
    week: sum((r) => r.week),
    open,
    overdue,
    overdueShare: shareOf(overdue, open),
    resolvedWeek,
    onTimeShare: shareOf(onTime, resolvedWeek),
  };
}
