import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints, problems } from '../../db/schema';
import { OPEN_STATUSES } from '../domain/statuses';
import { homeRegion } from '../queries/scope-filter';

export interface VeryLateProblem {
  problemId: number;
  category: string;
  municipality: string | null;
  /** Residents who wrote about the problem: how many people the delay affects. */
  affected: number;
  /** Its complaints open past three times their deadline. */
  veryLate: number;
  /** The oldest deadline missed, ISO. */
  oldestDueAt: string;
  executor: string | null;
}

/**
 * Problems with complaints open past three times their deadline, the most residents first: the calls a duty
 * officer makes now. One row per problem, so 40 neighbours left without water are one call, not forty.
 */
export async function listVeryLateProblems(db: Db, limit: number): Promise<VeryLateProblem[]> {
  const rows = await db
    .select({
      problemId: complaints.problemId,
      category: problems.categoryCode,
      municipality: problems.municipalityOktmo,
      affected: problems.complaints,
      veryLate: sql<number>`count(*)`.mapWith(Number),
      oldestDueAt: sql<Date>`min(${complaints.dueAt})`.mapWith((v: string | Date) => new Date(v)),
      executor: sql<string | null>`min(${complaints.executorCode})`,
    })
    .from(complaints)
    .innerJoin(problems, eq(problems.id, complaints.problemId))
    .where(
      and(
        inArray(complaints.status, [...OPEN_STATUSES]),
        eq(complaints.slaState, 'very_late'),
        isNotNull(complaints.problemId),
        homeRegion(),
      ),
    )
    .groupBy(complaints.problemId, problems.categoryCode, problems.municipalityOktmo, problems.complaints)
    .orderBy(desc(problems.complaints), sql`min(${complaints.dueAt})`)
    .limit(limit);
  return rows.map((r) => ({
    problemId: r.problemId!,
    category: r.category,
    municipality: r.municipality,
    affected: r.affected,
    veryLate: r.veryLate,
    oldestDueAt: r.oldestDueAt.toISOString(),
    executor: r.executor,
  }));
}
