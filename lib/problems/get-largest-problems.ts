import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints, problems } from '../../db/schema';
import { problemIsOpen, problemScopeConditions, type ProblemScope } from './problem-scope';

export interface LargestProblem {
  id: number;
  categoryCode: string;
  blockCode: string;
  municipalityOktmo: string | null;
  /** All complaints of the problem. */
  complaints: number;
  /** Its complaints received since `since`: what the ranking is by. */
  complaintsSince: number;
  openComplaints: number;
  firstAt: Date;
  lastAt: Date;
  lat: number | null;
  lon: number | null;
}

/**
 * The open problems that drew the most complaints since `since`: the complaints received since then (a range
 * of the received-at index, month partitions pruned) counted per problem, joined to the open problems of the
 * scope. Ties go to the larger problem overall, then the older one.
 */
export async function getLargestProblems(
  db: Db,
  scope: ProblemScope,
  since: Date,
  limit = 5,
): Promise<LargestProblem[]> {
  const recent = db
    .select({
      problemId: complaints.problemId,
      n: sql<number>`count(*)::int`.as('n'),
    })
    .from(complaints)
    .where(and(gte(complaints.receivedAt, since), isNotNull(complaints.problemId)))
    .groupBy(complaints.problemId)
    .as('recent');
  const rows = await db
    .select({
      id: problems.id,
      categoryCode: problems.categoryCode,
      blockCode: problems.blockCode,
      municipalityOktmo: problems.municipalityOktmo,
      complaints: problems.complaints,
      complaintsSince: recent.n,
      openComplaints: problems.openComplaints,
      firstAt: problems.firstAt,
      lastAt: problems.lastAt,
      lat: problems.lat,
      lon: problems.lon,
    })
    .from(recent)
    .innerJoin(problems, eq(problems.id, recent.problemId))
    .where(and(problemIsOpen(), ...problemScopeConditions(scope)))
    .orderBy(desc(recent.n), desc(problems.complaints), asc(problems.firstAt), asc(problems.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id), complaintsSince: Number(r.complaintsSince) }));
}
