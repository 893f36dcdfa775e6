import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { HOME_REGION } from '../domain/home-region';
import { coveringRange, inSpan, toDate, type Span, type SpanPair } from './briefing-span';

export interface FixedEventRow {
  complaintId: number;
  at: Date;
  executorCode: string | null;
  answer: string | null;
  photoUrls: string[];
  blockCode: string | null;
  categoryCode: string | null;
  municipalityOktmo: string | null;
  onTime: boolean;
}

export interface BriefingFixedRows {
  /** Resolution events, per span: the photo share's base, counted by the same query. */
  resolutions: Pair;
  /** Resolutions carrying at least one photo, per span. */
  withPhotos: Pair;
  /** The span's latest resolutions with photos, newest first (examples are picked from them). */
  latest: FixedEventRow[];
}

// Other regions' complaints share the tables (the federal view): the briefing is the home region's.
const HOME = sql.raw(`c.region_code = '${HOME_REGION}'`);
// Literals, not parameters: the planner proves the partial index's predicate from them under any plan.
const RESOLVED = sql.raw(`e.type = 'status' and e.to_status = 'resolved'`);
// A null array has no cardinality: coalesce, or a resolution stored without photos would count as neither.
const WITH_PHOTO = sql.raw(`coalesce(cardinality(e.photo_urls), 0) > 0`);

/** postgres.js returns text[] as an array; PGlite too, but either may hand back the literal for exotic types. */
function photosOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{'))
    return value
      .slice(1, -1)
      .split(',')
      .filter(Boolean)
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/**
 * Resolutions, and those with photo proof (complaint_events.photo_urls, the executor's photos of the fix), in both
 * spans, and the latest `limit` of the week with their complaint's place,
 * category and executor: both read resolution events by time through the partial index
 * complaint_events_quality_idx and fetch their complaints by id (to keep the home region's only).
 */
export async function getBriefingFixed(db: Db, spans: SpanPair, limit = 60): Promise<BriefingFixedRows> {
  const at = sql.raw('e.at');
  const [counts, latest] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${inSpan(at, spans.current)}) as cur,
        count(*) filter (where ${inSpan(at, spans.previous)}) as prev,
        count(*) filter (where ${inSpan(at, spans.current)} and ${WITH_PHOTO}) as photo_cur,
        count(*) filter (where ${inSpan(at, spans.previous)} and ${WITH_PHOTO}) as photo_prev
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${RESOLVED} and ${coveringRange(at, spans)} and ${HOME}`),
    latestResolutions(db, spans.current, limit),
  ]);
  const [c] = rowsOf<Record<string, string | number>>(counts);
  return {
    resolutions: { current: Number(c?.cur ?? 0), previous: Number(c?.prev ?? 0) },
    withPhotos: { current: Number(c?.photo_cur ?? 0), previous: Number(c?.photo_prev ?? 0) },
    latest,
  };
}

async function latestResolutions(db: Db, span: Span, limit: number): Promise<FixedEventRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select e.complaint_id, e.at, e.executor_code, e.answer, e.photo_urls, c.block_code, c.category_code,
        c.municipality_oktmo, e.at <= c.due_at as on_time
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${RESOLVED} and ${inSpan(sql.raw('e.at'), span)} and ${WITH_PHOTO} and ${HOME}
      order by e.at desc, e.id desc limit ${limit}`),
  );
  return rows.map((r) => ({
    complaintId: Number(r.complaint_id),
    at: toDate(r.at),
    executorCode: (r.executor_code as string | null) ?? null,
    answer: (r.answer as string | null) ?? null,
    photoUrls: photosOf(r.photo_urls),
    blockCode: (r.block_code as string | null) ?? null,
    categoryCode: (r.category_code as string | null) ?? null,
    municipalityOktmo: (r.municipality_oktmo as string | null) ?? null,
    onTime: r.on_time === true || r.on_time === 't',
  }));
}
