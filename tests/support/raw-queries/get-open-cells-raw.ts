import { and, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { complaints } from '../../../db/schema';
import type { WallScope } from '../../../lib/realtime/contract';
import type { OpenCells } from '../../../lib/queries/get-open-cells';
import { isOpen, scopeConditions } from '../../../lib/queries/scope-filter';

/** getOpenCells counted from the raw complaints (reference for tests and the benchmark). */
export async function getOpenCellsRaw(db: Db, scope: WallScope, _now: Date): Promise<OpenCells> {
  const rows = await db
    .select({
      h3: complaints.h3Coarse,
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${complaints.slaState} <> 'on_time')`.mapWith(Number),
    })
    .from(complaints)
    .where(and(isOpen(), isNotNull(complaints.h3Coarse), ...scopeConditions(scope)))
    .groupBy(complaints.h3Coarse)
    .orderBy(complaints.h3Coarse);
  return rows.map((r) => ({ h3: r.h3!, open: r.open, overdue: r.overdue }));
}
