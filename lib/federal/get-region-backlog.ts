import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

export interface RegionBacklogRow {
  region: string;
  open: number;
  /** Open past the due time (late and very late). */
  overdue: number;
  veryLate: number;
}

export type RegionBacklog = RegionBacklogRow[];

/** Each region's open backlog now, all blocks summed, from rollup_region_open. */
export async function getRegionBacklog(db: Db): Promise<RegionBacklog> {
  const rows = rowsOf<{
    region_code: string;
    on_time: string | number;
    late: string | number;
    very_late: string | number;
  }>(
    await db.execute(sql`
      select region_code, sum(on_time) as on_time, sum(late) as late, sum(very_late) as very_late
      from rollup_region_open group by 1`),
  );
  return rows.map((r) => {
    const [onTime, late, veryLate] = [Number(r.on_time), Number(r.late), Number(r.very_late)];
    return { region: r.region_code, open: onTime + late + veryLate, overdue: late + veryLate, veryLate };
  });
}
