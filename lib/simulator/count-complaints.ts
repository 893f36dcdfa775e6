import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';

export type ComplaintCount = number;

/** How many complaints are stored; the simulator backfills history only into an empty database. */
export async function countComplaints(db: Db): Promise<ComplaintCount> {
  const [row] = await db.select({ n: count() }).from(complaints);
  return Number(row?.n ?? 0);
}
