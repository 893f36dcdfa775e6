import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { open311ServiceMappings } from '../../db/schema';

/** One service of a server with the category proposed for it and the admin's decision. */
export interface ServiceMapping {
  sourceHost: string;
  serviceCode: string;
  serviceName: string;
  description: string | null;
  proposedCategory: string | null;
  proposedConfidence: number | null;
  state: 'proposed' | 'confirmed' | 'ignored';
  categoryCode: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  readAt: string;
}

/** The services read from other servers (one server's with `sourceHost`), by server and service code. */
export async function listServiceMappings(db: Db, sourceHost?: string): Promise<ServiceMapping[]> {
  const t = open311ServiceMappings;
  const rows = await db
    .select()
    .from(t)
    .where(sourceHost === undefined ? undefined : eq(t.sourceHost, sourceHost))
    .orderBy(asc(t.sourceHost), asc(t.serviceCode));
  return rows.map((r) => ({
    sourceHost: r.sourceHost,
    serviceCode: r.serviceCode,
    serviceName: r.serviceName,
    description: r.description,
    proposedCategory: r.proposedCategory,
    proposedConfidence: r.proposedConfidence,
    state: r.state,
    categoryCode: r.categoryCode,
    confirmedBy: r.confirmedBy,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    readAt: r.readAt.toISOString(),
  }));
}
