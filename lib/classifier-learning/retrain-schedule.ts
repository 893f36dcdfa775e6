import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { AppContext } from '../context';
import { describeError } from '../log/describe-error';
import { retrainClassifier } from './retrain-classifier';
import { LEARNING } from './settings';

export interface RetrainSchedule {
  afterDecisions?: number;
  intervalMs?: number;
  checkMs?: number;
}

/** Decisions since the newest version of any status, and when that version was made (null: none yet). */
async function sinceLastVersion(ctx: AppContext): Promise<{ decisions: number; lastAt: Date | null }> {
  const [row] = rowsOf<{ decisions: string | number; last_at: Date | string | null }>(
    await ctx.db.execute(sql`
      with last as (select max(trained_from) as upto, max(created_at) as at from classifier_versions)
      select (select count(*) from classifier_examples e
              where e.origin = 'decision' and e.id > coalesce((select upto from last), 0)) as decisions,
             (select at from last) as last_at`),
  );
  return {
    decisions: Number(row?.decisions ?? 0),
    lastAt: row?.last_at ? new Date(row.last_at) : null,
  };
}

/**
 * The leader's retraining: after `afterDecisions` new decisions, or once `intervalMs` passed since the last
 * version when any decision arrived. Counted from the newest version of any status, so a refused candidate
 * is not retrained on the same data every minute. The training itself runs in a worker thread.
 */
export function startRetrainSchedule(ctx: AppContext, schedule: RetrainSchedule = {}): () => Promise<void> {
  const afterDecisions = schedule.afterDecisions ?? LEARNING.afterDecisions;
  const intervalMs = schedule.intervalMs ?? LEARNING.intervalMs;
  const checkMs = schedule.checkMs ?? LEARNING.checkMs;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const due = async (): Promise<boolean> => {
    const { decisions, lastAt } = await sinceLastVersion(ctx);
    if (decisions >= afterDecisions) return true;
    return decisions > 0 && lastAt !== null && ctx.now().getTime() - lastAt.getTime() >= intervalMs;
  };
  const run = async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, checkMs);
        timer.unref();
      });
      if (stopped) break;
      try {
        if (await due()) await retrainClassifier(ctx, { requestedBy: 'system:retrain', asLeader: true });
      } catch (error) {
        ctx.log.error({ err: describeError(error) }, 'classifier retraining failed');
      }
    }
  };
  const running = run();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    wake?.();
    await running;
  };
}
