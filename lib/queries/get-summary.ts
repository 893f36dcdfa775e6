import { and, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope, rollupMinute, rollupOpen } from '../../db/schema';
import type { SummaryNumbers, WallScope } from '../realtime/contract';
import { rollupScope } from './rollup-scope';
import { summaryWindows } from './time-windows';

export type Summary = SummaryNumbers;

const total = sql<number>`coalesce(sum(n), 0)`.mapWith(Number);

/** The wall's headline numbers for a scope at `now`: three primary-key reads of the scope's rollup rows. */
export async function getSummary(db: Db, scope: WallScope, now: Date): Promise<Summary> {
  const { dayStart, hourStart } = summaryWindows(now);
  const [[today], [lastHour], [backlog]] = await Promise.all([
    db
      .select({ n: total })
      .from(rollupHourlyScope)
      .where(
        and(
          rollupScope(scope, {
            municipality: rollupHourlyScope.municipalityOktmo,
            block: rollupHourlyScope.blockCode,
          }),
          gte(rollupHourlyScope.bucket, dayStart),
        ),
      ),
    db
      .select({ n: total })
      .from(rollupMinute)
      .where(
        and(
          rollupScope(scope, { municipality: rollupMinute.municipalityOktmo, block: rollupMinute.blockCode }),
          gte(rollupMinute.bucket, hourStart),
        ),
      ),
    db
      .select({ onTime: rollupOpen.onTime, late: rollupOpen.late, veryLate: rollupOpen.veryLate })
      .from(rollupOpen)
      .where(rollupScope(scope, { municipality: rollupOpen.municipalityOktmo, block: rollupOpen.blockCode })),
  ]);
  const overdue = (backlog?.late ?? 0) + (backlog?.veryLate ?? 0);
  return {
    today: today?.n ?? 0,
    lastHour: lastHour?.n ?? 0,
    open: (backlog?.onTime ?? 0) + overdue,
    overdue,
    asOf: now.toISOString(),
  };
}
