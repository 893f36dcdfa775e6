import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { ALL } from '../domain/scope';
import { coveringRange, inSpan, type SpanPair } from './briefing-span';

/**
 * Complaints received per municipality (all blocks) in both spans: the municipality × all-blocks rows of
 * rollup_hourly_scope, read through its (block, bucket) index.
 */
export async function getBriefingMunicipalityLoad(db: Db, spans: SpanPair): Promise<Map<string, Pair>> {
  const b = sql.raw('bucket');
  const rows = rowsOf<{ oktmo: string; cur: string | number; prev: string | number }>(
    await db.execute(sql`
      select municipality_oktmo as oktmo,
        coalesce(sum(n) filter (where ${inSpan(b, spans.current)}), 0) as cur,
        coalesce(sum(n) filter (where ${inSpan(b, spans.previous)}), 0) as prev
      from rollup_hourly_scope
      where block_code = ${ALL} and municipality_oktmo <> ${ALL} and municipality_oktmo <> ''
        and ${coveringRange(b, spans)}
      group by municipality_oktmo`),
  );
  return new Map(rows.map((r) => [r.oktmo, { current: Number(r.cur), previous: Number(r.prev) }]));
}
