import { and, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { problems } from '../../db/schema';
import { problemIsOpen, problemScopeConditions, type ProblemScope } from '../problems/problem-scope';

export interface ProblemCounts {
  /** Problems first reported since `since`. */
  newProblems: number;
  /** All complaints of those problems. */
  complaintsInNew: number;
  /** Problems with at least one open complaint now. */
  openProblems: number;
  /** Open complaints those problems carry. */
  openComplaints: number;
}

/**
 * New problems since `since` (e.g. midnight Moscow time) and the open ones now, in one pass: a block's rows come
 * from its (block, first_at) index and its partial open index (a bitmap OR), not a scan of every problem.
 */
export async function getProblemCounts(db: Db, scope: ProblemScope, since: Date): Promise<ProblemCounts> {
  const isNew = sql`${problems.firstAt} >= ${since.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      newProblems: sql<number>`count(*) filter (where ${isNew})`.mapWith(Number),
      complaintsInNew: sql<number>`coalesce(sum(${problems.complaints}) filter (where ${isNew}), 0)`.mapWith(
        Number,
      ),
      openProblems: sql<number>`count(*) filter (where ${problemIsOpen()})`.mapWith(Number),
      openComplaints:
        sql<number>`coalesce(sum(${problems.openComplaints}) filter (where ${problemIsOpen()}), 0)`.mapWith(
          Number,
        ),
    })
    .from(problems)
    .where(and(...problemScopeConditions(scope), or(gte(problems.firstAt, since), problemIsOpen())));
  return {
    newProblems: row?.newProblems ?? 0,
    complaintsInNew: row?.complaintsInNew ?? 0,
    openProblems: row?.openProblems ?? 0,
    openComplaints: row?.openComplaints ?? 0,
  };
}
