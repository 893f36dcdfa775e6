import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { HOME_REGION } from '../domain/home-region';
import { MINUTE_RETENTION_MS } from './rollup-delta';
import { REGION_DAILY_REBUILD, REGION_OPEN_REBUILD } from './rebuild-region-rollups';

const OPEN = `status in ('new', 'routed', 'in_progress', 'reopened')`;
/** The wall's rollups count the home region only (see RollupDelta); the region rollups count every region. */
const HOME = `region_code = '${HOME_REGION}'`;
// As statusClass(): rejected and on_vote leave the backlog like closed.
const STATUS_CLASS = `case when status = 'resolved' then 'resolved' when ${OPEN} then 'open' else 'closed' end`;
const M = `coalesce(municipality_oktmo, '')`;
const B = `coalesce(block_code, '')`;
/** The four scope rows of every complaint (see rollup-delta.ts), with '*' for "all". */
const SCOPES = `grouping sets ((1, 2, 3), (1, 3), (2, 3), (3))`;
const scopeCols = (extra: string) =>
  `case when grouping(${M}) = 1 then '*' else ${M} end, case when grouping(${B}) = 1 then '*' else ${B} end, ${extra}`;
const SLA_COUNTS = `count(*) filter (where sla_state = 'on_time'), count(*) filter (where sla_state = 'late'),
  count(*) filter (where sla_state = 'very_late')`;

/**
 * Received and resolved flows per scope row and bucket: arrivals by received_at, resolutions by the time of each
 * transition to resolved (as the write path counts them).
 */
function scopeFlows(table: string, unit: 'hour' | 'minute', since: string | null): string {
  const recent = (column: string) => (since ? `and ${column} >= '${since}'` : '');
  return `insert into ${table} (municipality_oktmo, block_code, bucket, n, resolved)
    with flows as (
      select ${M} as m, ${B} as b, date_trunc('${unit}', received_at, 'UTC') as bucket, 1 as received, 0 as resolved
      from complaints where ${HOME} ${recent('received_at')}
      union all
      select coalesce(c.municipality_oktmo, ''), coalesce(c.block_code, ''), date_trunc('${unit}', e.at, 'UTC'), 0, 1
      from complaint_events e join complaints c on c.id = e.complaint_id
      where e.type = 'status' and e.to_status = 'resolved' and c.${HOME} ${recent('e.at')})
    select case when grouping(m) = 1 then '*' else m end, case when grouping(b) = 1 then '*' else b end, bucket,
      sum(received), sum(resolved)
    from flows group by grouping sets ((m, b, bucket), (m, bucket), (b, bucket), (bucket))`;
}

/** Quality per executor from the history, as RollupDelta.countQuality counts it on the write path. */
const EXECUTOR_QUALITY = `insert into rollup_executor_daily (day, executor_code, municipality_oktmo, block_code, resolved,
    resolved_on_time, resolved_very_late, reopened, rejected)
  select (e.at at time zone 'Europe/Moscow')::date, e.executor_code, coalesce(c.municipality_oktmo, ''),
    coalesce(c.block_code, ''),
    count(*) filter (where e.to_status = 'resolved'),
    count(*) filter (where e.to_status = 'resolved' and e.at <= c.due_at),
    count(*) filter (where e.to_status = 'resolved' and e.at >= c.very_late_at),
    count(*) filter (where e.to_status = 'reopened'),
    count(*) filter (where e.to_status = 'rejected')
  from complaint_events e join complaints c on c.id = e.complaint_id
  where e.type = 'status' and e.executor_code is not null and c.${HOME}
    and (e.to_status in ('resolved', 'rejected') or (e.to_status = 'reopened' and e.from_status in ('resolved', 'closed')))
  group by 1, 2, 3, 4`;

/**
 * Recomputes every rollup from the raw complaints in one transaction. Used after loading history in bulk
 * outside the write path (the benchmark) and as the reference the incremental rollups must always equal.
 */
export async function rebuildRollups(db: Db, now = new Date()): Promise<void> {
  const minuteSince = new Date(now.getTime() - MINUTE_RETENTION_MS).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`truncate rollup_hourly, rollup_hourly_scope, rollup_minute, rollup_h3_hourly, rollup_category_hourly, rollup_open, rollup_open_cells, rollup_executor_daily, rollup_region_daily, rollup_region_open`,
    );
    await tx.execute(sql.raw(EXECUTOR_QUALITY));
    await tx.execute(sql.raw(REGION_DAILY_REBUILD));
    await tx.execute(sql.raw(REGION_OPEN_REBUILD));
    await tx.execute(
      sql.raw(`insert into rollup_hourly (bucket, municipality_oktmo, block_code, category_code, source_code, status_class, n)
        select date_trunc('hour', received_at, 'UTC'), ${M}, ${B}, coalesce(category_code, ''), source_code, ${STATUS_CLASS}, count(*)
        from complaints where ${HOME} group by 1, 2, 3, 4, 5, 6`),
    );
    await tx.execute(sql.raw(scopeFlows('rollup_hourly_scope', 'hour', null)));
    await tx.execute(sql.raw(scopeFlows('rollup_minute', 'minute', minuteSince)));
    await tx.execute(
      sql.raw(`insert into rollup_h3_hourly (bucket, resolution, h3, block_code, n)
        select date_trunc('hour', received_at, 'UTC'), 6, h3_coarse, ${B}, count(*)
        from complaints where h3_coarse is not null and ${HOME} group by 1, 3, 4
        union all
        select date_trunc('hour', received_at, 'UTC'), 8, h3_fine, ${B}, count(*)
        from complaints where h3_fine is not null and ${HOME} group by 1, 3, 4`),
    );
    await tx.execute(
      sql.raw(`insert into rollup_category_hourly (block_code, bucket, category_code, n)
        select ${B}, date_trunc('hour', received_at, 'UTC'), coalesce(category_code, ''), count(*)
        from complaints where ${HOME} group by 1, 2, 3`),
    );
    await tx.execute(
      sql.raw(`insert into rollup_open (municipality_oktmo, block_code, on_time, late, very_late)
        select ${scopeCols('')} ${SLA_COUNTS}
        from complaints where ${OPEN} and ${HOME}
        group by grouping sets ((${M}, ${B}), (${M}), (${B}), ())`),
    );
    await tx.execute(
      sql.raw(`insert into rollup_open_cells (municipality_oktmo, block_code, h3_coarse, on_time, late, very_late)
        select ${scopeCols('h3_coarse,')} ${SLA_COUNTS}
        from complaints where ${OPEN} and h3_coarse is not null and ${HOME}
        group by ${SCOPES.replace(/1/g, M).replace(/2/g, B).replace(/3/g, 'h3_coarse')}`),
    );
  });
}
