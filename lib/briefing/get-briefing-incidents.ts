import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { isoParam, toDate, type Span } from './briefing-span';
import type { BriefingIncidentStatus } from './types';

/** An incident row as the briefing reads it (names are resolved later, from the reference). */
export interface IncidentRecord {
  id: number;
  block: string;
  category: string;
  municipality: string;
  place: string;
  lat: number | null;
  lon: number | null;
  openedAt: Date;
  complaints: number;
  usualLow: number;
  usualHigh: number;
  status: BriefingIncidentStatus;
}

/**
 * The incidents that were live at some point of the span: opened before its end and still seen after its start
 * (the incidents_opened_idx range, the last hour checked per row). Each carries its own count since it opened.
 */
export async function getBriefingIncidents(db: Db, span: Span): Promise<IncidentRecord[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select id, block_code, category_code, municipality_oktmo, place, lat, lon, opened_at, complaints,
        usual_low, usual_high, status
      from incidents
      where opened_at < ${isoParam(span.end)} and last_at >= ${isoParam(span.start)}
      order by complaints desc, opened_at, id`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    block: String(r.block_code),
    category: String(r.category_code),
    municipality: String(r.municipality_oktmo),
    place: String(r.place),
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat),
    lon: r.lon === null || r.lon === undefined ? null : Number(r.lon),
    openedAt: toDate(r.opened_at),
    complaints: Number(r.complaints),
    usualLow: Number(r.usual_low),
    usualHigh: Number(r.usual_high),
    status: String(r.status) as BriefingIncidentStatus,
  }));
}
