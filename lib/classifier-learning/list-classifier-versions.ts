import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  classifierVersions,
  type ClassifierMetrics,
  type ClassifierVersionStatus,
} from '../../db/schema/classifier-versions';

export interface ClassifierVersionView {
  id: number;
  createdAt: string;
  status: ClassifierVersionStatus;
  trainedFrom: number;
  heldOutFrom: number;
  examples: number;
  threshold: number;
  metrics: ClassifierMetrics | null;
  reason: string | null;
  requestedBy: string;
  liveAt: string | null;
}

/** The versions, newest first (the admin page and GET /api/v1/classifier/versions). */
export async function listClassifierVersions(db: Db, limit = 50): Promise<ClassifierVersionView[]> {
  const rows = await db
    .select()
    .from(classifierVersions)
    .orderBy(desc(classifierVersions.createdAt), desc(classifierVersions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    status: r.status,
    trainedFrom: r.trainedFrom,
    heldOutFrom: r.heldOutFrom,
    examples: r.examples,
    threshold: r.threshold,
    metrics: r.metrics ?? null,
    reason: r.reason,
    requestedBy: r.requestedBy,
    liveAt: r.liveAt?.toISOString() ?? null,
  }));
}
