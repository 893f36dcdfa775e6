import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client';
import { commitChange } from '../commit/commit-change';
import type { AppContext } from '../context';
import type { SlaState } from '../domain/statuses';
import { recordBacklogHour } from '../rollups/backlog-history';
import { HOUR_MS, MINUTE_RETENTION_MS } from '../rollups/rollup-delta';
import { describeError } from '../log/describe-error';

interface Moved {
  region_code: string;
  municipality_oktmo: string | null;
  block_code: string | null;
  h3_coarse: string | null;
  n: string | number;
}

const OPEN = sql.raw(`status in ('new', 'routed', 'in_progress', 'reopened')`);

/**
 * Moves open complaints whose due time (or 3× deadline) has passed to late (very late), with their rollups, in
 * one transaction through the single writer. Partial indexes on the two thresholds mean each tick only touches
 * the complaints that crossed one since the last tick. Also prunes spent rollup rows. Returns how many moved.
 */
export async function advanceSlaClock(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  return commitChange(
    ctx,
    {
      lane: 'exclusive',
      items: 0,
      now,
      asLeader: true,
      afterRollups: (tx) => pruneSpentRollups(tx, now),
    },
    async (tx, unit) => {
      const step = async (from: SlaState, to: SlaState, column: string) => {
        const rows = rowsOf<Moved>(
          await tx.execute(sql`
            with moved as (
              update complaints set sla_state = ${to}, updated_at = now()
              where ${OPEN} and sla_state = ${from} and ${sql.raw(column)} <= ${at}::timestamptz
              returning region_code, municipality_oktmo, block_code, h3_coarse)
            select region_code, municipality_oktmo, block_code, h3_coarse, count(*) as n
            from moved group by 1, 2, 3, 4`),
        );
        for (const r of rows) {
          const n = Number(r.n);
          unit.change.slaMoved += n;
          const dims = {
            regionCode: r.region_code,
            municipalityOktmo: r.municipality_oktmo,
            blockCode: r.block_code,
            h3Coarse: r.h3_coarse,
          };
          unit.delta.moveSla(dims, from, to, n);
        }
      };
      // on_time → late first, so a complaint past both thresholds goes on to very_late in the same tick.
      await step('on_time', 'late', 'due_at');
      await step('late', 'very_late', 'very_late_at');
      return unit.change.slaMoved;
    },
  );
}

/** Runs after this tick's rollups are applied, so the cells it emptied go in the same transaction. */
async function pruneSpentRollups(tx: Tx, now: Date): Promise<void> {
  await tx.execute(sql`delete from rollup_open_cells where on_time = 0 and late = 0 and very_late = 0`);
  await tx.execute(
    sql`delete from rollup_minute where bucket < ${new Date(now.getTime() - MINUTE_RETENTION_MS).toISOString()}::timestamptz`,
  );
}

/**
 * Ticks the SLA clock every `intervalMs` (the wall hears of new overdue complaints within that time); the first
 * tick of each hour, after moving the punctuality on, also records the hour's backlog.
 */
export function startSlaClock(ctx: AppContext, intervalMs = 20_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let recordedHour = -1;
  const tick = async () => {
    await advanceSlaClock(ctx);
    const hour = Math.floor(ctx.now().getTime() / HOUR_MS);
    if (hour === recordedHour) return;
    await recordBacklogHour(ctx);
    recordedHour = hour;
  };
  const timer = setInterval(() => {
    running = tick().catch((error: unknown) =>
      ctx.log.error({ err: describeError(error) }, 'SLA clock tick failed'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
