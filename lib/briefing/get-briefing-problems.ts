import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { HOME_REGION } from '../domain/home-region';
import { coveringRange, inSpan, toDate, type SpanPair } from './briefing-span';

export interface BriefingProblemRow {
  id: number;
  blockCode: string;
  categoryCode: string;
  municipalityOktmo: string | null;
  current: number;
  previous: number;
  total: number;
  open: number;
  firstAt: Date;
}

export interface BriefingProblemStats {
  newProblems: Pair;
  /** Distinct problems the span's complaints belong to. */
  touched: Pair;
  /** The largest problems of the week per block (by complaints received in the week). */
  top: BriefingProblemRow[];
}

// Other regions' complaints (the federal view) never join our problems; the filter keeps it so by construction.
const HOME = sql.raw(`region_code = '${HOME_REGION}'`);

const recentCte = (spans: SpanPair) => sql`
  with recent as (
    select problem_id,
      count(*) filter (where ${inSpan(sql.raw('received_at'), spans.current)}) as cur,
      count(*) filter (where ${inSpan(sql.raw('received_at'), spans.previous)}) as prev
    from complaints
    where ${coveringRange(sql.raw('received_at'), spans)} and problem_id is not null and ${HOME}
    group by problem_id)`;

/**
 * New problems (first reported in the span: the (block, first_at) index, one range per block), how many distinct
 * problems the span's complaints fed, and each block's `perBlock` largest problems of the week with their
 * complaints the week before. Complaints are read by the received-at index over the two weeks only.
 */
export async function getBriefingProblems(
  db: Db,
  spans: SpanPair,
  blocks: readonly string[],
  perBlock = 3,
): Promise<BriefingProblemStats> {
  const f = sql.raw('first_at');
  const blockList = sql.join(
    blocks.map((b) => sql`${b}`),
    sql`, `,
  );
  const [created, touched, top] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${inSpan(f, spans.current)}) as cur,
        count(*) filter (where ${inSpan(f, spans.previous)}) as prev
      from problems where block_code in (${blockList}) and ${coveringRange(f, spans)}`),
    db.execute(sql`${recentCte(spans)}
      select count(*) filter (where cur > 0) as cur, count(*) filter (where prev > 0) as prev from recent`),
    db.execute(sql`${recentCte(spans)}
      select * from (
        select p.id, p.block_code, p.category_code, p.municipality_oktmo, p.complaints, p.open_complaints,
          p.first_at, r.cur, r.prev,
          row_number() over (partition by p.block_code order by r.cur desc, p.complaints desc, p.id) as rn
        from recent r join problems p on p.id = r.problem_id
        where r.cur > 0) ranked
      where rn <= ${perBlock}
      order by block_code, rn`),
  ]);
  const pairOf = (rows: { cur: string | number; prev: string | number }[]): Pair => ({
    current: Number(rows[0]?.cur ?? 0),
    previous: Number(rows[0]?.prev ?? 0),
  });
  return {
    newProblems: pairOf(rowsOf(created)),
    touched: pairOf(rowsOf(touched)),
    top: rowsOf<Record<string, unknown>>(top).map((r) => ({
      id: Number(r.id),
      blockCode: String(r.block_code),
      categoryCode: String(r.category_code),
      municipalityOktmo: (r.municipality_oktmo as string | null) ?? null,
      current: Number(r.cur),
      previous: Number(r.prev),
      total: Number(r.complaints),
      open: Number(r.open_complaints),
      firstAt: toDate(r.first_at),
    })),
  };
}
