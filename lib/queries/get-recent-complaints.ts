import { and, desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { WallScope } from '../domain/scope';
import { excerptOf } from '../text/mask-personal-data';
import { scopeConditions } from './scope-filter';

/** A just-arrived complaint for the ticker and the pulse on the map. */
export interface RecentComplaint {
  id: number;
  /** The start of the text with personal data masked (lib/text/mask-personal-data.ts); plain text, never HTML. */
  excerpt: string;
  receivedAt: string;
  block: string;
  category: string;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
}

export type RecentComplaints = RecentComplaint[];

/** The latest arrivals in a scope, newest first (the ticker); only a masked excerpt of the text leaves. */
export async function getRecentComplaints(
  db: Db,
  scope: WallScope,
  limit: number,
): Promise<RecentComplaints> {
  const rows = await db
    .select({
      id: complaints.id,
      text: complaints.text,
      receivedAt: complaints.receivedAt,
      block: complaints.blockCode,
      category: complaints.categoryCode,
      municipality: complaints.municipalityOktmo,
      lat: complaints.lat,
      lon: complaints.lon,
    })
    .from(complaints)
    .where(and(...scopeConditions(scope)))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(limit);
  return rows.map(({ text, ...r }) => ({
    ...r,
    excerpt: excerptOf(text),
    receivedAt: r.receivedAt.toISOString(),
    block: r.block ?? '',
    category: r.category ?? '',
  }));
}
