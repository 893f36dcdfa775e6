import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { VOTE_ELIGIBLE_CATEGORIES } from '../../db/seed/categories';
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
  /** Matters of a vote-eligible category put to the vote, per span. */
  count: Pair;
  /** The week's eligible matters put to the residents' vote, newest first. */
  items: VoteEventRow[];
  /** The week's matters of any other category put to a vote anyway: a breach, never shown as a vote. */
  notEligible: { count: number; byCategory: { categoryCode: string | null; n: number }[] };
}

/**
 * Complaints sent to the residents' vote (status on_vote) in both spans, and the week's latest `limit` of them,
 * split by the reference's vote-eligible categories (db/seed/categories.ts): an urgent matter that was put to a
 * vote is counted as a breach of its own, so the vote slide never presents it as the residents' choice. Reads
 * on_vote events by time through the partial index complaint_events_vote_idx.
 */
export async function getBriefingVotes(db: Db, spans: SpanPair, limit = 8): Promise<BriefingVoteRows> {
  const at = sql.raw('e.at');
  const onVote = sql.raw(`e.type = 'status' and e.to_status = 'on_vote'`);
  // Other regions' complaints share the tables (the federal view): the briefing is the home region's.
  const HOME = sql.raw(`c.region_code = '${HOME_REGION}'`);
  const eligibleList = sql.join(
    [...VOTE_ELIGIBLE_CATEGORIES].map((code) => sql`${code}`),
    sql`, `,
  );
  const eligible = sql`coalesce(c.category_code in (${eligibleList}), false)`;
  const [counts, latest, wrong] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${inSpan(at, spans.current)}) as cur,
        count(*) filter (where ${inSpan(at, spans.previous)}) as prev
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${onVote} and ${coveringRange(at, spans)} and ${HOME} and ${eligible}`),
    db.execute(sql`
      select e.complaint_id, e.at, e.comment, c.text, c.block_code, c.category_code, c.municipality_oktmo
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${onVote} and ${inSpan(at, spans.current)} and ${HOME} and ${eligible}
      order by e.at desc, e.id desc limit ${limit}`),
    db.execute(sql`
      select c.category_code, count(*) as n
      from complaint_events e join complaints c on c.id = e.complaint_id
      where ${onVote} and ${inSpan(at, spans.current)} and ${HOME} and not ${eligible}
      group by 1 order by 2 desc, 1`),
  ]);
  const [c] = rowsOf<{ cur: string | number; prev: string | number }>(counts);
  const byCategory = rowsOf<{ category_code: string | null; n: string | number }>(wrong).map((r) => ({
    categoryCode: r.category_code ?? null,
    n: Number(r.n),
  }));
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
    notEligible: { count: byCategory.reduce((s, r) => s + r.n, 0), byCategory },
  };
}
