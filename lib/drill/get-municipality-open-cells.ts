import { and, count, desc, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { DRILL_CELLS_LIMIT, type FineCell } from './types';
import { isOpen, scopeConditions } from '../queries/scope-filter';

/**
 * A municipality's open complaints per fine H3 cell (resolution 8, ≈ 0.7 km²) and how many of them are past their
 * due time now, fullest first. No rollup keeps the open backlog at this resolution: this reads the scope's open
 * complaints (the open-status partial indexes hold only the backlog, not the 10 M history).
 */
export async function getMunicipalityOpenCells(
  db: Db,
  scope: { municipality: string; block?: string },
  now: Date,
  limit = DRILL_CELLS_LIMIT,
): Promise<FineCell[]> {
  const h3 = complaints.h3Fine;
  const rows = await db
    .select({
      h3,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${lte(complaints.dueAt, now)})`.mapWith(Number),
    })
    .from(complaints)
    .where(and(isOpen(), isNotNull(h3), ...scopeConditions(scope)))
    .groupBy(h3)
    .orderBy(desc(count()), h3)
    .limit(limit);
  return rows.map((r) => ({ h3: r.h3!, open: Number(r.open), overdue: r.overdue }));
}
