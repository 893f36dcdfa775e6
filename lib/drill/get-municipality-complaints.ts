import { and, asc, between } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { BBOX_COMPLAINTS_LIMIT, type BboxComplaints } from './types';
import { excerptOf } from '../text/mask-personal-data';
import { isOpen, scopeConditions } from '../queries/scope-filter';

export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * A municipality's open complaints inside a map view, the most overdue first, at most `limit` (the answer says
 * when there were more). The scan follows the open-complaints due-time index (complaints_open_due_idx), which
 * holds the backlog only; only a masked excerpt of each text leaves the server.
 */
export async function getMunicipalityComplaints(
  db: Db,
  scope: { municipality: string; block?: string },
  bbox: Bbox,
  now: Date,
  limit = BBOX_COMPLAINTS_LIMIT,
): Promise<BboxComplaints> {
  const [west, south, east, north] = bbox;
  const rows = await db
    .select({
      id: complaints.id,
      lat: complaints.lat,
      lon: complaints.lon,
      receivedAt: complaints.receivedAt,
      dueAt: complaints.dueAt,
      category: complaints.categoryCode,
      block: complaints.blockCode,
      status: complaints.status,
      text: complaints.text,
    })
    .from(complaints)
    .where(
      and(
        isOpen(),
        ...scopeConditions(scope),
        between(complaints.lat, south, north),
        between(complaints.lon, west, east),
      ),
    )
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(limit + 1);
  const nowMs = now.getTime();
  return {
    bbox,
    truncated: rows.length > limit,
    complaints: rows.slice(0, limit).map((r) => ({
      id: r.id,
      lat: r.lat!,
      lon: r.lon!,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      category: r.category ?? '',
      block: r.block ?? '',
      status: r.status,
      overdue: r.dueAt.getTime() <= nowMs,
      excerpt: excerptOf(r.text),
    })),
  };
}
