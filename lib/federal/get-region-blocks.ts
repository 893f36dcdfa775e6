import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

export interface RegionBlockRow {
  /** '' for complaints without a block. */
  block: string;
  today: number;
  week: number;
  open: number;
  overdue: number;
}

export type RegionBlocks = RegionBlockRow[];

/** One region's complaints per block: received today and over 7 days (from `weekStart`), open and overdue now. */
export async function getRegionBlocks(
  db: Db,
  region: string,
  today: string,
  weekStart: string,
): Promise<RegionBlocks> {
  const rows = rowsOf<{
    block_code: string;
    today: string | number;
    week: string | number;
    open: string | number;
    overdue: string | number;
  }>(
    await db.execute(sql`
      with flows as (
        select block_code, sum(received) filter (where day = ${today}::date) as today, sum(received) as week
        from rollup_region_daily
        where region_code = ${region} and day between ${weekStart}::date and ${today}::date
        group by 1),
      backlog as (
        select block_code, on_time + late + very_late as open, late + very_late as overdue
        from rollup_region_open where region_code = ${region})
      select coalesce(f.block_code, b.block_code) as block_code, coalesce(f.today, 0) as today,
        coalesce(f.week, 0) as week, coalesce(b.open, 0) as open, coalesce(b.overdue, 0) as overdue
      from flows f full join backlog b on b.block_code = f.block_code`),
  );
  return rows
    .map((r) => ({
      block: r.block_code,
      today: Number(r.today),
      week: Number(r.week),
      open: Number(r.open),
      overdue: Number(r.overdue),
    }))
    .filter((r) => r.week + r.open > 0)
    .sort((a, b) => b.week - a.week || b.open - a.open || a.block.localeCompare(b.block));
}
