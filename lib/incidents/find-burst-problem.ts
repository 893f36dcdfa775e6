import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { problems } from '../../db/schema';

export interface BurstProblem {
  id: number;
  lat: number | null;
  lon: number | null;
}

/**
 * The largest problem of a burst (the category's problem in the municipality with most complaints, active
 * since the burst opened): where on the ground it is, and what the incident links to.
 */
export async function findBurstProblem(
  db: Db,
  oktmo: string,
  category: string,
  since: Date,
): Promise<BurstProblem | null> {
  const [row] = await db
    .select({ id: problems.id, lat: problems.lat, lon: problems.lon })
    .from(problems)
    .where(
      and(
        eq(problems.categoryCode, category),
        eq(problems.municipalityOktmo, oktmo),
        gte(problems.lastAt, since),
      ),
    )
    .orderBy(desc(problems.complaints), problems.id)
    .limit(1);
  return row ?? null;
}
