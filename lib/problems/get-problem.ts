import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints, problems, type Problem } from '../../db/schema';
import type { ComplaintStatus } from '../domain/statuses';
import { excerptOf } from '../text/mask-personal-data';

export const PROBLEM_COMPLAINTS_LIMIT = 200;

export interface ProblemComplaint {
  id: number;
  receivedAt: Date;
  status: ComplaintStatus;
  source: string;
  /** Masked, single-line: personal data never leaves with a problem. */
  excerpt: string;
}

export interface ProblemDetail extends Problem {
  /** The newest `PROBLEM_COMPLAINTS_LIMIT` of its complaints, newest first (`complaints` counts them all). */
  items: ProblemComplaint[];
}

/** One problem with its newest complaints, or null when there is no such problem. */
export async function getProblem(db: Db, id: number): Promise<ProblemDetail | null> {
  const [problem] = await db.select().from(problems).where(eq(problems.id, id));
  if (!problem) return null;
  const rows = await db
    .select({
      id: complaints.id,
      receivedAt: complaints.receivedAt,
      status: complaints.status,
      source: complaints.sourceCode,
      text: complaints.text,
    })
    .from(complaints)
    .where(eq(complaints.problemId, id))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(PROBLEM_COMPLAINTS_LIMIT);
  return {
    ...problem,
    id: Number(problem.id),
    items: rows.map(({ text, ...r }) => ({ ...r, id: Number(r.id), excerpt: excerptOf(text) })),
  };
}
