import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { MINUTE_RETENTION_MS } from './rollup-delta';

const OPEN = `status in ('new', 'routed', 'in_progress', 'reopened')`;
const STATUS_CLASS = `case when status in ('resolved', 'closed') then status else 'open' end`;

/**
 * Recomputes every rollup from the raw complaints in one transaction. Used after loading history in bulk
 * outside the write path (the benchmark) and as the reference the incremental rollups must always equal.
 */
export async function rebuildRollups(db: Db, now = new Date()): Promise<void> {
  const minuteSince = new Date(now.getTime() - MINUTE_RETENTION_MS).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`truncate rollup_hourly, rollup_hourly_scope, rollup_minute, rollup_h3_hourly, rollup_open`,
    );
    await tx.execute(
      sql.raw(`insert into rollup_hourly (bucket, municipality_oktmo, block_code, category_code, source_code, status_class, n)
        select date_trunc('hour', received_at, 'UTC'), coalesce(municipality_oktmo, ''), coalesce(block_code, ''),
               coalesce(category_code, ''), source_code, ${STATUS_CLASS}, count(*)
        from complaints group by 1, 2, 3, 4, 5, 6`),
    );
    await tx.execute(
      sql.raw(`insert into rollup_hourly_scope (bucket, municipality_oktmo, block_code, n)
        select bucket, municipality_oktmo, block_code, sum(n) from rollup_hourly group by 1, 2, 3`),
    );
    await tx.execute(sql`insert into rollup_minute (bucket, municipality_oktmo, block_code, n)
        select date_trunc('minute', received_at, 'UTC'), coalesce(municipality_oktmo, ''), coalesce(block_code, ''), count(*)
        from complaints where received_at >= ${minuteSince}::timestamptz group by 1, 2, 3`);
    await tx.execute(
      sql.raw(`insert into rollup_h3_hourly (bucket, resolution, h3, block_code, n)
        select date_trunc('hour', received_at, 'UTC'), 6, h3_coarse, coalesce(block_code, ''), count(*)
        from complaints where h3_coarse is not null group by 1, 3, 4
        union all
        select date_trunc('hour', received_at, 'UTC'), 8, h3_fine, coalesce(block_code, ''), count(*)
        from complaints where h3_fine is not null group by 1, 3, 4`),
    );
    await tx.execute(
      sql.raw(`insert into rollup_open (municipality_oktmo, block_code, category_code, h3_coarse, sla_state, n)
        select coalesce(municipality_oktmo, ''), coalesce(block_code, ''), coalesce(category_code, ''),
               coalesce(h3_coarse, ''), sla_state, count(*)
        from complaints where ${OPEN} group by 1, 2, 3, 4, 5`),
    );
  });
}
