import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Pair } from './types';
import { HOME_REGION } from '../domain/home-region';
import { coveringRange, inSpan, toDate, type SpanPair } from './briefing-span';

export interface VoteEventRow {
  complaintId: number;
  at: Date;
  comment: string | null;
  text: string;
  blockCode: string | null;
  categoryCode: string | null;
  municipalityOktmo: string | null;
}

export interface BriefingVoteRows {
  count: Pair;
  /** The week's complaints put to the residents' vote, newest first. */
  items: VoteEventRow[];
}

/**
 * Complaints sent to the residents' vote (status on_vote) in both spans, and the week's latest `limit` of them.
 * No index covers on_vote events by time (complaint_events_quality_idx holds resolutions, reopens and
 * rejections only), so this reads the event table's time range; see the report on adding the status to it.
 */
export async function getBriefingVotes(db: Db, spans: SpanPair, limit = 8): Promise<BriefingVoteRows> {
  const at = sql.raw('e.at');
  const onVote = sql.raw(`e.type = 'status' and e.to_status = 'on_vote'`);
  // Other regions' complaints share the tables (the federal view): the briefing is the home region's.
  const HOME = sql.raw(`c.region_code = '${HOME_REGION}'`);
  const [counts, latest] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${inSpan(at, spans.current)}) as cur,
        count(*) filter (where ${inSpan(at, spans.previous)}) as prev
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${onVote} and ${coveringRange(at, spans)} and ${HOME}`),
    db.execute(sql`
      select e.complaint_id, e.at, e.comment, c.text, c.block_code, c.category_code, c.municipality_oktmo
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${onVote} and ${inSpan(at, spans.current)} and ${HOME}
      order by e.at desc, e.id desc limit ${limit}`),
  ]);
  const [c] = rowsOf<{ cur: string | number; prev: string | number }>(counts);
  return {
    count: { current: Number(c?.cur ?? 0), previous: Number(c?.prev ?? 0) },
    items: rowsOf<Record<string, unknown>>(latest).map((r) => ({
      complaintId: Number(r.complaint_id),
      at: toDate(r.at),
      comment: (r.comment as string | null) ?? null,
      text: String(r.text ?? ''),
      blockCode: (r.block_code as string | null) ?? null,
      categoryCode: (r.category_code as string | null) ?? null,
      municipalityOktmo: (r.municipality_oktmo as string | null) ?? null,
    })),
  };
}
