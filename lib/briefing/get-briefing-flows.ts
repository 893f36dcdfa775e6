import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { ALL } from '../domain/scope';
import { coveringRange, inSpan, type SpanPair } from './briefing-span';

export interface BriefingFlows {
  received: Pair;
  resolved: Pair;
  /** Complaints received per block code ('' for complaints without a block). */
  byBlock: Map<string, Pair>;
}

interface Row {
  block: string;
  cur: string | number;
  prev: string | number;
  res_cur: string | number;
  res_prev: string | number;
}

/**
 * Complaints received and resolutions, for the region and per block, in both spans: the region × block rows of
 * rollup_hourly_scope (a primary-key range: 12 scopes × 2 weeks of hours).
 */
export async function getBriefingFlows(db: Db, spans: SpanPair): Promise<BriefingFlows> {
  const b = sql.raw('bucket');
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select block_code as block,
        coalesce(sum(n) filter (where ${inSpan(b, spans.current)}), 0) as cur,
        coalesce(sum(n) filter (where ${inSpan(b, spans.previous)}), 0) as prev,
        coalesce(sum(resolved) filter (where ${inSpan(b, spans.current)}), 0) as res_cur,
        coalesce(sum(resolved) filter (where ${inSpan(b, spans.previous)}), 0) as res_prev
      from rollup_hourly_scope
      where municipality_oktmo = ${ALL} and ${coveringRange(b, spans)}
      group by block_code`),
  );
  const byBlock = new Map<string, Pair>();
  let received: Pair = { current: 0, previous: 0 };
  let resolved: Pair = { current: 0, previous: 0 };
  for (const r of rows) {
    const pair = { current: Number(r.cur), previous: Number(r.prev) };
    if (r.block === ALL) {
      received = pair;
      resolved = { current: Number(r.res_cur), previous: Number(r.res_prev) };
    } else byBlock.set(r.block, pair);
  }
  return { received, resolved, byBlock };
}
