import { and, desc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import { incidents, type IncidentRow } from '../../db/schema';
import type { WallScope } from '../domain/scope';
import type { ReferenceCache } from '../reference/types';
import { executorName } from '../routing/route-complaint';
import type { Db } from '../../db/client';
import type { Incident } from './types';

export interface IncidentQuery {
  scope?: WallScope;
  /** Only incidents not closed (what screens show); otherwise all in the opening span. */
  live?: boolean;
  openedFrom?: Date;
  openedTo?: Date;
  limit?: number;
}

/** More than a wall can show; the list is ordered so the cut keeps what matters. */
export const INCIDENT_LIST_LIMIT = 200;

/**
 * Incidents with names resolved, the unanswered first, then by complaints: what the «Внимание» list, the
 * shift view and the briefing read.
 */
export async function listIncidents(
  db: Db,
  reference: ReferenceCache,
  query: IncidentQuery = {},
): Promise<Incident[]> {
  const where: SQL[] = [];
  if (query.live) where.push(ne(incidents.status, 'closed'));
  if (query.scope?.block) where.push(eq(incidents.blockCode, query.scope.block));
  if (query.scope?.municipality) where.push(eq(incidents.municipalityOktmo, query.scope.municipality));
  if (query.openedFrom) where.push(gte(incidents.openedAt, query.openedFrom));
  if (query.openedTo) where.push(lt(incidents.openedAt, query.openedTo));
  const rows = await db
    .select()
    .from(incidents)
    .where(and(...where))
    .orderBy(desc(incidents.complaints), desc(incidents.openedAt), incidents.id)
    .limit(Math.min(query.limit ?? INCIDENT_LIST_LIMIT, INCIDENT_LIST_LIMIT));
  const rank = (i: IncidentRow) => (i.status === 'new' ? 0 : i.status === 'closed' ? 2 : 1);
  return rows.sort((a, b) => rank(a) - rank(b)).map((row) => toIncident(row, reference));
}

export function toIncident(row: IncidentRow, reference: ReferenceCache): Incident {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    block: row.blockCode,
    category: row.categoryCode,
    categoryName: reference.categories.get(row.categoryCode)?.name ?? row.categoryCode,
    municipality: row.municipalityOktmo,
    municipalityName: reference.municipalities.get(row.municipalityOktmo)?.shortName ?? row.municipalityOktmo,
    place: row.place,
    lat: row.lat,
    lon: row.lon,
    openedAt: row.openedAt.toISOString(),
    detectedAt: row.detectedAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    complaints: row.complaints,
    usualLow: row.usualLow,
    usualHigh: row.usualHigh,
    executor: row.executorCode
      ? executorName(row.executorCode, { short: true, directory: reference.executors })
      : null,
    status: row.status,
    acknowledgedBy: row.acknowledgedByName,
    acknowledgedAt: iso(row.acknowledgedAt),
    closedAt: iso(row.closedAt),
  };
}
