import { and, count, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { CellCount, WallScope } from '../realtime/contract';
import { isOpen, scopeConditions } from './scope-filter';

export type OpenCells = CellCount[];

/** Open (and overdue) complaints per coarse H3 cell: the wall's hexagon and heat layers. */
export async function getOpenCells(db: Db, scope: WallScope, now: Date): Promise<OpenCells> {
  const rows = await db
    .select({
      h3: complaints.h3Coarse,
      open: count(),
      overdue:
        sql<number>`count(*) filter (where ${complaints.dueAt} < ${now.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
    })
    .from(complaints)
    .where(and(isOpen(), isNotNull(complaints.h3Coarse), ...scopeConditions(scope)))
    .groupBy(complaints.h3Coarse);
  return rows.map((r) => ({ h3: r.h3!, open: r.open, overdue: r.overdue }));
}
