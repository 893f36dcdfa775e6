import { and, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope } from '../../db/schema';
import { HOUR_OF_WEEK_WEEKS, type HourOfWeek } from './types';
import type { WallScope } from '../domain/scope';
import { floorHour, WEEK_MS } from '../domain/time-units';
import { rollupScope } from '../queries/rollup-scope';

/**
 * Complaints received per Moscow weekday × hour over the last `weeks` whole weeks ending with the previous clock
 * hour, so every one of the 168 slots is counted exactly `weeks` times. One primary-key range of the scope's
 * hourly rows (168 × weeks at most).
 */
export async function getMunicipalityHourOfWeek(
  db: Db,
  scope: WallScope,
  now: Date,
  weeks = HOUR_OF_WEEK_WEEKS,
): Promise<HourOfWeek> {
  const end = floorHour(now);
  const start = new Date(end.getTime() - weeks * WEEK_MS);
  const t = rollupHourlyScope;
  const local = sql`${t.bucket} at time zone 'Europe/Moscow'`;
  const rows = await db
    .select({
      dow: sql<number>`extract(isodow from ${local})`.mapWith(Number),
      hour: sql<number>`extract(hour from ${local})`.mapWith(Number),
      n: sql<number>`sum(${t.n})`.mapWith(Number),
    })
    .from(t)
    .where(
      and(
        rollupScope(scope, { municipality: t.municipalityOktmo, block: t.blockCode }),
        gte(t.bucket, start),
        lt(t.bucket, end),
      ),
    )
    .groupBy(sql`1`, sql`2`);

  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  let total = 0;
  let max = 0;
  for (const r of rows) {
    const row = counts[r.dow - 1];
    if (!row || r.hour < 0 || r.hour > 23) continue;
    row[r.hour]! += r.n;
    total += r.n;
    max = Math.max(max, row[r.hour]!);
  }
  return { weeks, counts, total, max };
}
