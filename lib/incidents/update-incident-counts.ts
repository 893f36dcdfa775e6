import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { incidents, type IncidentRow } from '../../db/schema';

export interface IncidentCountUpdate {
  id: number;
  complaints: number;
  lastAt: Date;
  /** Set when the incident closes by itself (quiet long enough after an answer). */
  closedAt: Date | null;
  /** The row as read before the commit. */
  before: IncidentRow;
}

/**
 * The scan's changes to live incidents. An operator's close between the read and this write wins: rows
 * already closed are left alone.
 */
export async function updateIncidentCounts(
  tx: Tx,
  updates: readonly IncidentCountUpdate[],
  actor: string,
): Promise<void> {
  for (const u of updates)
    await tx
      .update(incidents)
      .set({
        complaints: u.complaints,
        lastAt: u.lastAt,
        ...(u.closedAt ? { status: 'closed' as const, closedAt: u.closedAt, closedBy: actor } : {}),
      })
      .where(and(eq(incidents.id, u.id), ne(incidents.status, 'closed')));
}
