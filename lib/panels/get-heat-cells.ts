import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupH3Hourly } from '../../db/schema';
import { HEAT_CELLS_LIMIT, HEAT_WINDOW_HOURS, type HeatCell } from './types';
import { floorHour, HOUR_MS } from '../domain/time-units';

export type HeatCells = HeatCell[];

/** A block's complaints of the last HEAT_WINDOW_HOURS hours per fine H3 cell (res 8), hottest first. */
export async function getHeatCells(db: Db, block: string, now: Date): Promise<HeatCells> {
  const since = new Date(floorHour(now).getTime() - (HEAT_WINDOW_HOURS - 1) * HOUR_MS);
  const n = sql<number>`sum(${rollupH3Hourly.n})`.mapWith(Number);
  return db
    .select({ h3: rollupH3Hourly.h3, n })
    .from(rollupH3Hourly)
    .where(
      and(
        gte(rollupH3Hourly.bucket, since),
        eq(rollupH3Hourly.resolution, 8),
        eq(rollupH3Hourly.blockCode, block),
      ),
    )
    .groupBy(rollupH3Hourly.h3)
    .orderBy(desc(n), rollupH3Hourly.h3)
    .limit(HEAT_CELLS_LIMIT);
}
