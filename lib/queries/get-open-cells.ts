import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupOpenCells } from '../../db/schema';
import type { WallScope } from '../domain/scope';
import { rollupScope } from './rollup-scope';

/** Open complaints per H3 cell (coarse resolution), the data of the hexagon and heat layers. */
export interface CellCount {
  h3: string;
  open: number;
  overdue: number;
}

export type OpenCells = CellCount[];

/** Open (and overdue) complaints per coarse H3 cell: one primary-key range of the scope's rows. */
export async function getOpenCells(db: Db, scope: WallScope, _now: Date): Promise<OpenCells> {
  const t = rollupOpenCells;
  return db
    .select({
      h3: t.h3Coarse,
      open: sql<number>`${t.onTime} + ${t.late} + ${t.veryLate}`.mapWith(Number),
      overdue: sql<number>`${t.late} + ${t.veryLate}`.mapWith(Number),
    })
    .from(t)
    .where(
      and(
        rollupScope(scope, { municipality: t.municipalityOktmo, block: t.blockCode }),
        sql`${t.onTime} + ${t.late} + ${t.veryLate} > 0`,
      ),
    )
    .orderBy(asc(t.h3Coarse));
}
