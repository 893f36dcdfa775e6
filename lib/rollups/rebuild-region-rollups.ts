import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The federal rollups recounted from the raw complaints and events, as RollupDelta counts them on the write
 * path: received on the Moscow day of received_at, resolved (and on time: by due_at) on the Moscow day of each
 * transition to resolved; the open backlog by punctuality. Every region, the home one included.
 */
export const REGION_DAILY_REBUILD = `insert into rollup_region_daily (day, region_code, block_code, received, resolved,
    resolved_on_time)
  select day, region_code, b, sum(received), sum(resolved), sum(on_time)
  from (
    select (received_at at time zone 'Europe/Moscow')::date as day, region_code, coalesce(block_code, '') as b,
      1 as received, 0 as resolved, 0 as on_time
    from complaints
    union all
    select (e.at at time zone 'Europe/Moscow')::date, c.region_code, coalesce(c.block_code, ''), 0, 1,
      case when e.at <= c.due_at then 1 else 0 end
    from complaint_events e join complaints c on c.id = e.complaint_id
    where e.type = 'status' and e.to_status = 'resolved') flows
  group by 1, 2, 3`;

export const REGION_OPEN_REBUILD = `insert into rollup_region_open (region_code, block_code, on_time, late, very_late)
  select region_code, coalesce(block_code, ''), count(*) filter (where sla_state = 'on_time'),
    count(*) filter (where sla_state = 'late'), count(*) filter (where sla_state = 'very_late')
  from complaints where status in ('new', 'routed', 'in_progress', 'reopened')
  group by 1, 2`;

/**
 * Recounts only the federal rollups, in one transaction: a database from before they existed gets them at
 * start-up without recounting the home rollups it already has.
 */
export async function rebuildRegionRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`truncate rollup_region_daily, rollup_region_open`);
    await tx.execute(sql.raw(REGION_DAILY_REBUILD));
    await tx.execute(sql.raw(REGION_OPEN_REBUILD));
  });
}
