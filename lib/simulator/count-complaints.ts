import { and, count, desc, eq, like, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { HOME_REGION } from '../domain/home-region';

export type ComplaintCount = number;

/** How many complaints are stored; the simulator backfills history only into an empty database. */
export async function countComplaints(db: Db): Promise<ComplaintCount> {
  const [row] = await db.select({ n: count() }).from(complaints);
  return Number(row?.n ?? 0);
}

/**
 * When the simulator's latest message arrived (its ids start with `prefix`), in the home region or in the
 * others: where a restarted simulator picks up the history. Null when it never wrote there.
 */
export async function lastSimulatedAt(
  db: Db,
  prefix: string,
  region: 'home' | 'foreign',
): Promise<Date | null> {
  const [row] = await db
    .select({ at: complaints.receivedAt })
    .from(complaints)
    .where(
      and(
        region === 'home' ? eq(complaints.regionCode, HOME_REGION) : ne(complaints.regionCode, HOME_REGION),
        like(complaints.externalId, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      ),
    )
    .orderBy(desc(complaints.receivedAt))
    .limit(1);
  return row?.at ?? null;
}
