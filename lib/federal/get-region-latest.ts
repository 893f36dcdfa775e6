import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { HOME_REGION } from '../domain/home-region';
import { excerptOf } from '../text/mask-personal-data';

export interface RegionLatestComplaint {
  id: number;
  receivedAt: string;
  block: string | null;
  category: string | null;
  status: string;
  /** Masked excerpt: personal data never leaves. */
  excerpt: string;
}

export type RegionLatest = RegionLatestComplaint[];

/** A region's newest complaints, newest first (index complaints_foreign_region_idx, or the received index). */
export async function getRegionLatest(db: Db, region: string, limit: number): Promise<RegionLatest> {
  const rows = await db
    .select({
      id: complaints.id,
      receivedAt: complaints.receivedAt,
      block: complaints.blockCode,
      category: complaints.categoryCode,
      status: complaints.status,
      text: complaints.text,
    })
    .from(complaints)
    // The second condition lets the planner take the partial index for another region.
    .where(
      and(
        eq(complaints.regionCode, region),
        region === HOME_REGION ? undefined : ne(complaints.regionCode, HOME_REGION),
      ),
    )
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(limit);
  return rows.map(({ text, receivedAt, ...r }) => ({
    ...r,
    receivedAt: receivedAt.toISOString(),
    excerpt: excerptOf(text),
  }));
}
