import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints, rollupOpen } from '../../db/schema';
import { DRILL_EXECUTORS_LIMIT, DRILL_OVERDUE_LIMIT, type MunicipalityOverdue } from './types';
import { executorName, routeComplaint } from '../routing/route-complaint';
import type { ExecutorDirectory } from '../domain/routing-types';
import { DAY_MS } from '../domain/time-units';
import { rollupScope } from '../queries/rollup-scope';
import { isOpen, scopeConditions } from '../queries/scope-filter';

type Scope = { municipality: string; block?: string };

/** The executor a complaint is assigned to; ones stored before routing was recorded get the rules' choice. */
function executorOf(
  r: { executor: string | null; category: string | null; block: string | null },
  scope: Scope,
) {
  return (
    r.executor ??
    routeComplaint({
      categoryCode: r.category ?? '',
      blockCode: r.block ?? scope.block ?? '',
      municipalityOktmo: scope.municipality,
    }).executorCode
  );
}

/**
 * A municipality's overdue SLAs (one block or all): late and very late from the backlog rollup (as of the last
 * SLA tick), on-time complaints falling due within 24 hours, the longest overdue with their executors, and who
 * holds how many. The complaint reads go through the open-complaints due-time index (complaints_open_due_idx):
 * overdue complaints are its lowest due times.
 */
export async function getMunicipalityOverdue(
  db: Db,
  scope: Scope,
  now: Date,
  directory: ExecutorDirectory,
  limit = DRILL_OVERDUE_LIMIT,
): Promise<MunicipalityOverdue> {
  const inScope = scopeConditions(scope);
  const overdue = and(isOpen(), ne(complaints.slaState, 'on_time'), ...inScope);
  const [[backlog], [soon], oldest, holders] = await Promise.all([
    db
      .select({ late: rollupOpen.late, veryLate: rollupOpen.veryLate })
      .from(rollupOpen)
      .where(rollupScope(scope, { municipality: rollupOpen.municipalityOktmo, block: rollupOpen.blockCode })),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(complaints)
      .where(
        and(
          isOpen(),
          eq(complaints.slaState, 'on_time'),
          ...inScope,
          gt(complaints.dueAt, now),
          lte(complaints.dueAt, new Date(now.getTime() + DAY_MS)),
        ),
      ),
    db
      .select({
        id: complaints.id,
        category: complaints.categoryCode,
        block: complaints.blockCode,
        receivedAt: complaints.receivedAt,
        dueAt: complaints.dueAt,
        severity: complaints.slaState,
        executor: complaints.executorCode,
      })
      .from(complaints)
      .where(overdue)
      .orderBy(asc(complaints.dueAt), asc(complaints.id))
      .limit(limit),
    db
      .select({
        executor: complaints.executorCode,
        category: complaints.categoryCode,
        block: complaints.blockCode,
        late: sql<number>`count(*) filter (where ${complaints.slaState} = 'late')`.mapWith(Number),
        veryLate: sql<number>`count(*) filter (where ${complaints.slaState} = 'very_late')`.mapWith(Number),
      })
      .from(complaints)
      .where(overdue)
      .groupBy(complaints.executorCode, complaints.categoryCode, complaints.blockCode),
  ]);

  // Grouped by category too, so a complaint without a recorded executor is credited to its rules' choice.
  const byExecutor = new Map<string, { late: number; veryLate: number }>();
  for (const h of holders) {
    const code = executorOf(h, scope);
    const entry = byExecutor.get(code) ?? { late: 0, veryLate: 0 };
    entry.late += h.late;
    entry.veryLate += h.veryLate;
    byExecutor.set(code, entry);
  }
  const executors = [...byExecutor]
    .map(([code, n]) => ({ code, name: executorName(code, { short: true, directory }), ...n }))
    .sort((a, b) => b.late + b.veryLate - (a.late + a.veryLate) || a.code.localeCompare(b.code))
    .slice(0, DRILL_EXECUTORS_LIMIT);

  return {
    late: backlog?.late ?? 0,
    veryLate: backlog?.veryLate ?? 0,
    breachNext24h: soon?.n ?? 0,
    oldest: oldest.map((r) => ({
      id: r.id,
      category: r.category ?? '',
      municipality: scope.municipality,
      executor: executorName(executorOf(r, scope), { short: true, directory }),
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      severity: r.severity === 'very_late' ? 'very_late' : 'late',
    })),
    executors,
  };
}
