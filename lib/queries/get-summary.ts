import { and, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope, rollupMinute, rollupOpen } from '../../db/schema';
import type { SummaryNumbers, WallScope } from '../realtime/contract';
import { rollupScope } from './rollup-scope';
import { summaryWindows } from './time-windows';

export type Summary = SummaryNumbers;

const total = sql<number>`coalesce(sum(n), 0)`.mapWith(Number);

/** The wall's headline numbers for a scope at `now`, read from the rollups (never the raw complaints). */
export async function getSummary(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const { dayStart, hourStart } = summaryWindows(now);
  const [[today], [lastHour], [backlog]] = await Promise.all([
    db
      .select({ n: total })
      .from(rollupHourlyScope)
      .where(
        and(
          gte(rollupHourlyScope.bucket, dayStart),
          ...rollupScope(scope, {
            municipality: rollupHourlyScope.municipalityOktmo,
            block: rollupHourlyScope.blockCode,
          }),
        ),
      ),
    db
      .select({ n: total })
      .from(rollupMinute)
      .where(
        and(
          gte(rollupMinute.bucket, hourStart),
          ...rollupScope(scope, {
            municipality: rollupMinute.municipalityOktmo,
            block: rollupMinute.blockCode,
          }),
        ),
      ),
    db
      .select({
        open: total,
        overdue: sql<number>`coalesce(sum(n) filter (where ${rollupOpen.slaState} <> 'on_time'), 0)`.mapWith(
          Number,
        ),
      })
      .from(rollupOpen)
      .where(
        and(
          ...rollupScope(scope, { municipality: rollupOpen.municipalityOktmo, block: rollupOpen.blockCode }),
        ),
      ),
  ]);
  return {
    today: today?.n ?? 0,
    lastHour: lastHour?.n ?? 0,
    open: backlog?.open ?? 0,
    overdue: backlog?.overdue ?? 0,
    asOf: now.toISOString(),
  };
}
