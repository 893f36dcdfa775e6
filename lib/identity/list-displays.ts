import { desc, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { displays } from '../../db/schema';

export type DisplayState = 'waiting' | 'approved' | 'paired' | 'revoked';

export interface DisplayListItem {
  id: number;
  name: string | null;
  screen: string | null;
  state: DisplayState;
  createdAt: Date;
  pairedAt: Date | null;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  lastAddress: string | null;
  requestAddress: string | null;
}

const LIMIT = 500;

/** The admin page's list: live displays first, then the revoked; requests that expired unapproved are left out. */
export async function listDisplays(db: Db, now: Date): Promise<DisplayListItem[]> {
  const rows = await db
    .select()
    .from(displays)
    .where(or(isNotNull(displays.approvedAt), gt(displays.pairingExpiresAt, now)))
    .orderBy(sql`${displays.revokedAt} is not null`, desc(displays.id))
    .limit(LIMIT);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    screen: r.screen,
    state: r.revokedAt ? 'revoked' : r.pairedAt ? 'paired' : r.approvedAt ? 'approved' : 'waiting',
    createdAt: r.createdAt,
    pairedAt: r.pairedAt,
    revokedAt: r.revokedAt,
    lastSeenAt: r.lastSeenAt,
    lastAddress: r.lastAddress,
    requestAddress: r.requestAddress,
  }));
}
