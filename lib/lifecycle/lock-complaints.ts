import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { complaints } from '../../db/schema';
import type { LockedComplaint } from './apply-transition';

/** Reads and locks complaints for a write, in id order: one lock order for every writer, so no deadlocks. */
export async function lockComplaints(tx: Tx, ids: number[]): Promise<Map<number, LockedComplaint>> {
  const rows = await tx
    .select({
      id: complaints.id,
      externalId: complaints.externalId,
      status: complaints.status,
      statusAt: complaints.statusAt,
      slaState: complaints.slaState,
      dueAt: complaints.dueAt,
      veryLateAt: complaints.veryLateAt,
      resolvedAt: complaints.resolvedAt,
      closedAt: complaints.closedAt,
      receivedAt: complaints.receivedAt,
      regionCode: complaints.regionCode,
      municipalityOktmo: complaints.municipalityOktmo,
      blockCode: complaints.blockCode,
      categoryCode: complaints.categoryCode,
      sourceCode: complaints.sourceCode,
      lat: complaints.lat,
      lon: complaints.lon,
      h3Fine: complaints.h3Fine,
      h3Coarse: complaints.h3Coarse,
      executorCode: complaints.executorCode,
      problemId: complaints.problemId,
      reopenCount: complaints.reopenCount,
      rejectionReason: complaints.rejectionReason,
    })
    .from(complaints)
    .where(inArray(complaints.id, ids))
    .orderBy(complaints.id)
    .for('update');
  return new Map(rows.map((r) => [r.id, { ...r, changed: false }]));
}

/** The refusal for an id that names no complaint. */
export function notFound(complaintId: number) {
  return {
    status: 'rejected' as const,
    code: 'not_found' as const,
    errors: [{ field: 'id', message: `complaint ${complaintId} does not exist` }],
  };
}
