import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { AppContext } from '../context';
import { rebuildRegionRollups } from './rebuild-region-rollups';
import { reconstructBacklogHistory } from './backlog-history';
import { rebuildRollups } from './rebuild-rollups';
import { HOUR_MS, MINUTE_RETENTION_MS } from './rollup-delta';

/**
 * Makes the week-ago comparisons answerable on a database that has history but no week of hourly backlog record: after
 * the simulator's backfill, or on a database created before the record (and the resolution flows) existed.
 * Runs through the single writer; returns what it did.
 */
export async function ensureRollupHistory(ctx: AppContext): Promise<'none' | 'backlog' | 'rebuilt'> {
  // The record counts as there only if it reaches back a week (or to the first complaint): the SLA clock's
  // hourly copy may have written the current hour while a backfill ran, and that alone answers no "week ago".
  // The reconstruction keeps every hour already recorded (it inserts only the missing ones).
  const weekAgo = new Date(ctx.now().getTime() - 7 * 24 * HOUR_MS + HOUR_MS).toISOString();
  const [state] = rowsOf<{
    recorded: boolean;
    history: boolean;
    flows: boolean;
    resolutions: boolean;
    categories: boolean;
    regions: boolean;
  }>(
    await ctx.db.execute(sql`
      select exists (select 1 from rollup_open_hourly where bucket <= greatest(
          (select min(received_at) from complaints), ${weekAgo}::timestamptz)) as recorded,
        exists (select 1 from complaints) as history,
        exists (select 1 from rollup_hourly_scope where resolved > 0) as flows,
        exists (select 1 from complaint_events where to_status = 'resolved') as resolutions,
        exists (select 1 from rollup_category_hourly) as categories,
        exists (select 1 from rollup_region_daily) as regions`),
  );
  if (!state?.history) return 'none';
  // A database from before the resolution flows or the category rollup existed: recount every rollup once.
  const rebuild = (state.resolutions && !state.flows) || !state.categories;
  // A database from before the federal region rollups: only those are counted, once.
  if (!rebuild && !state.regions) await ctx.writer.run(0, () => rebuildRegionRollups(ctx.db));
  if (!rebuild && state.recorded) return 'none';
  const now = ctx.now();
  await ctx.writer.run(0, async () => {
    if (rebuild) await rebuildRollups(ctx.db, now);
    if (!state.recorded)
      await reconstructBacklogHistory(ctx.db, new Date(now.getTime() - MINUTE_RETENTION_MS), now);
  });
  return rebuild ? 'rebuilt' : 'backlog';
}
