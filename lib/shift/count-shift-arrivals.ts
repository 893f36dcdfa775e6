import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupMinute } from '../../db/schema';
import { ALL } from '../domain/scope';

/**
 * Complaints the region received in [from, to), from the exact per-minute rollup's whole-region row (kept 8
 * days: a shift is 12 hours).
 */
export async function countShiftArrivals(db: Db, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${rollupMinute.n}), 0)`.mapWith(Number) })
    .from(rollupMinute)
    .where(
      and(
        eq(rollupMinute.municipalityOktmo, ALL),
        eq(rollupMinute.blockCode, ALL),
        gte(rollupMinute.bucket, from),
        lt(rollupMinute.bucket, to),
      ),
    );
  return row?.n ?? 0;
}
