import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { HOME_REGION } from '../domain/home-region';
import { coveringRange, inSpan, type SpanPair } from './briefing-span';

export interface BriefingProblemStats {
  newProblems: Pair;
  /** Distinct problems the span's complaints belong to. */
  touched: Pair;
}

// Other regions' complaints (the federal view) never join our problems; the filter keeps it so by construction.
const HOME = sql.raw(`region_code = '${HOME_REGION}'`);

/**
 * New problems (first reported in the span: the (block, first_at) index, one range per block) and how many
 * distinct problems the span's complaints fed (the received-at index over the two weeks only). The week's top
 * problems are ranked from the category × municipality groups (get-briefing-week-groups.ts).
 */
export async function getBriefingProblems(
  db: Db,
  spans: SpanPair,
  blocks: readonly string[],
): Promise<BriefingProblemStats> {
  const f = sql.raw('first_at');
  const at = sql.raw('received_at');
  const blockList = sql.join(
    blocks.map((b) => sql`${b}`),
    sql`, `,
  );
  const [created, touched] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${inSpan(f, spans.current)}) as cur,
        count(*) filter (where ${inSpan(f, spans.previous)}) as prev
      from problems where block_code in (${blockList}) and ${coveringRange(f, spans)}`),
    db.execute(sql`
      select count(distinct problem_id) filter (where ${inSpan(at, spans.current)}) as cur,
        count(distinct problem_id) filter (where ${inSpan(at, spans.previous)}) as prev
      from complaints
      where ${coveringRange(at, spans)} and problem_id is not null and ${HOME}`),
  ]);
  const pairOf = (rows: { cur: string | number; prev: string | number }[]): Pair => ({
    current: Number(rows[0]?.cur ?? 0),
    previous: Number(rows[0]?.prev ?? 0),
  });
  return { newProblems: pairOf(rowsOf(created)), touched: pairOf(rowsOf(touched)) };
}
