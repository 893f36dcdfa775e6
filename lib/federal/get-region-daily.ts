import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

export interface RegionDay {
  region: string;
  /** Moscow date, YYYY-MM-DD. */
  day: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
}

export type RegionDaily = RegionDay[];

/** Each region's daily flows over [fromDay, toDay] (Moscow dates), all blocks summed, from rollup_region_daily. */
export async function getRegionDaily(db: Db, fromDay: string, toDay: string): Promise<RegionDaily> {
  const rows = rowsOf<{
    region_code: string;
    day: string | Date;
    received: string | number;
    resolved: string | number;
    resolved_on_time: string | number;
  }>(
    await db.execute(sql`
      select region_code, day::text as day, sum(received) as received, sum(resolved) as resolved,
        sum(resolved_on_time) as resolved_on_time
      from rollup_region_daily
      where day between ${fromDay}::date and ${toDay}::date
      group by 1, 2`),
  );
  return rows.map((r) => ({
    region: r.region_code,
    day: String(r.day).slice(0, 10),
    received: Number(r.received),
    resolved: Number(r.resolved),
    resolvedOnTime: Number(r.resolved_on_time),
  }));
}
