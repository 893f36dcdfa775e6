import { and, asc, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { homeRegion } from '../queries/scope-filter';
import { complaints, rollupOpen } from '../../db/schema';
import { OPEN_STATUSES } from '../domain/statuses';
import { OVERDUE_LIST_LIMIT, type OverduePart } from './types';
import { ALL } from '../domain/scope';
import { DAY_MS } from '../domain/time-units';
import { executorName, routeComplaint } from '../routing/route-complaint';
import type { ExecutorDirectory } from '../domain/routing-types';

/**
 * A block's overdue SLAs: late and very late from the backlog rollup (as of the last SLA tick), how many on-time
 * complaints fall due within 24 hours, and the longest overdue with the executor each is assigned to.
 */
export async function getOverduePart(
  db: Db,
  block: string,
  now: Date,
  directory: ExecutorDirectory,
): Promise<OverduePart> {
  // The block's overdue list is the home region's (other regions' complaints carry blocks too).
  const open = and(inArray(complaints.status, [...OPEN_STATUSES]), homeRegion());
  const [[backlog], [soon], oldest] = await Promise.all([
    db
      .select({ late: rollupOpen.late, veryLate: rollupOpen.veryLate })
      .from(rollupOpen)
      .where(and(eq(rollupOpen.municipalityOktmo, ALL), eq(rollupOpen.blockCode, block))),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(complaints)
      .where(
        and(
          open,
          eq(complaints.slaState, 'on_time'),
          eq(complaints.blockCode, block),
          gt(complaints.dueAt, now),
          lte(complaints.dueAt, new Date(now.getTime() + DAY_MS)),
        ),
      ),
    db
      .select({
        id: complaints.id,
        category: complaints.categoryCode,
        municipality: complaints.municipalityOktmo,
        receivedAt: complaints.receivedAt,
        dueAt: complaints.dueAt,
        severity: complaints.slaState,
        executor: complaints.executorCode,
      })
      .from(complaints)
      .where(and(open, ne(complaints.slaState, 'on_time'), eq(complaints.blockCode, block)))
      .orderBy(asc(complaints.dueAt), asc(complaints.id))
      .limit(OVERDUE_LIST_LIMIT),
  ]);
  return {
    late: backlog?.late ?? 0,
    veryLate: backlog?.veryLate ?? 0,
    breachNext24h: soon?.n ?? 0,
    oldest: oldest.map((r) => {
      // Complaints stored before routing was recorded on intake have no executor: name the rules' choice.
      const code =
        r.executor ??
        routeComplaint({
          categoryCode: r.category ?? '',
          blockCode: block,
          municipalityOktmo: r.municipality,
        }).executorCode;
      return {
        id: r.id,
        category: r.category ?? '',
        municipality: r.municipality,
        executor: executorName(code, { short: true, directory }),
        receivedAt: r.receivedAt.toISOString(),
        dueAt: r.dueAt.toISOString(),
        severity: r.severity === 'very_late' ? 'very_late' : 'late',
      };
    }),
  };
}
