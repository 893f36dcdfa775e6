import { and, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupOpen } from '../../db/schema';
import type { CellCount, WallScope } from '../realtime/contract';
import { rollupScope } from './rollup-scope';

export type OpenCells = CellCount[];

/** Open (and overdue) complaints per coarse H3 cell, from the open rollup: the hexagon and heat layers. */
export async function getOpenCells(db: Db, scope: WallScope, _now: Date): Promise<OpenCells> {
  const rows = await db
    .select({
      h3: rollupOpen.h3Coarse,
      open: sql<number>`sum(n)`.mapWith(Number),
      overdue: sql<number>`coalesce(sum(n) filter (where ${rollupOpen.slaState} <> 'on_time'), 0)`.mapWith(
        Number,
      ),
    })
    .from(rollupOpen)
    .where(
      and(
        ne(rollupOpen.h3Coarse, ''),
        ...rollupScope(scope, { municipality: rollupOpen.municipalityOktmo, block: rollupOpen.blockCode }),
      ),
    )
    .groupBy(rollupOpen.h3Coarse)
    .having(sql`sum(n) > 0`)
    .orderBy(rollupOpen.h3Coarse);
  return rows;
}
