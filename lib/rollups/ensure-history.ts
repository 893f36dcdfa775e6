import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { AppContext } from '../context';
import { reconstructBacklogHistory } from './backlog-history';
import { rebuildRollups } from './rebuild-rollups';
import { MINUTE_RETENTION_MS } from './rollup-delta';

/**
 * Makes the week-ago comparisons answerable on a database that has history but no hourly backlog record: after
 * the simulator's backfill, or on a database created before the record (and the resolution flows) existed.
 * Runs through the single writer; returns what it did.
 */
export async function ensureRollupHistory(ctx: AppContext): Promise<'none' | 'backlog' | 'rebuilt'> {
  const [state] = rowsOf<{ recorded: boolean; history: boolean; flows: boolean; resolutions: boolean }>(
    await ctx.db.execute(sql`
      select exists (select 1 from rollup_open_hourly) as recorded,
        exists (select 1 from complaints) as history,
        exists (select 1 from rollup_hourly_scope where resolved > 0) as flows,
        exists (select 1 from complaint_events where to_status = 'resolved') as resolutions`),
  );
  if (!state || state.recorded || !state.history) return 'none';
  const now = ctx.now();
  const rebuild = state.resolutions && !state.flows;
  await ctx.writer.run(0, async () => {
    // A database from before the resolution flows were counted: recount every rollup once.
    if (rebuild) await rebuildRollups(ctx.db, now);
    await reconstructBacklogHistory(ctx.db, new Date(now.getTime() - MINUTE_RETENTION_MS), now);
  });
  return rebuild ? 'rebuilt' : 'backlog';
}
