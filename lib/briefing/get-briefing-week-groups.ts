import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { HOME_REGION } from '../domain/home-region';
import { coveringRange, inSpan, toDate, type SpanPair } from './briefing-span';

/** One category in one municipality over the week: the grain of the problems slide and of an incident. */
export interface WeekGroup {
  block: string;
  category: string;
  /** OKTMO; null for complaints intake could not place. */
  municipality: string | null;
  /** Complaints received in the week's span. */
  current: number;
  /** …and in the same span a week earlier. */
  previous: number;
  /** The week's complaints still open now. */
  open: number;
  /** Distinct problems (places on the ground) the week's complaints belong to. */
  problems: number;
  /** The week's first complaint of the group. */
  firstAt: Date;
}

interface Row {
  block_code: string;
  category_code: string;
  municipality_oktmo: string | null;
  cur: string | number;
  prev: string | number;
  open: string | number;
  problems: string | number;
  first_at: unknown;
}

// Literal statuses (lib/domain/statuses.ts OPEN_STATUSES), as the partial indexes on complaints state them.
const OPEN = sql.raw(`status in ('new', 'routed', 'in_progress', 'reopened')`);
// Other regions' complaints (the federal view) share the table: the briefing is the home region's.
const HOME = sql.raw(`region_code = '${HOME_REGION}'`);

/**
 * The week's complaints per category × municipality, with the same span a week earlier: one range of the
 * received-at index over both spans (month partitions pruned). The problems slide ranks these groups, at the
 * grain incidents are kept at (one category in one municipality), so a problem that is an incident is one line
 * carrying the incident's numbers, and two problems of one kind in one town are never two lines.
 */
export async function getBriefingWeekGroups(db: Db, spans: SpanPair): Promise<WeekGroup[]> {
  const at = sql.raw('received_at');
  const cur = inSpan(at, spans.current);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select block_code, category_code, municipality_oktmo,
        count(*) filter (where ${cur}) as cur,
        count(*) filter (where ${inSpan(at, spans.previous)}) as prev,
        count(*) filter (where ${cur} and ${OPEN}) as open,
        count(distinct problem_id) filter (where ${cur}) as problems,
        min(received_at) filter (where ${cur}) as first_at
      from complaints
      where ${coveringRange(at, spans)} and ${HOME} and category_code is not null and block_code is not null
      group by 1, 2, 3
      having count(*) filter (where ${cur}) > 0`),
  );
  return rows.map((r) => ({
    block: r.block_code,
    category: r.category_code,
    municipality: r.municipality_oktmo ?? null,
    current: Number(r.cur),
    previous: Number(r.prev),
    open: Number(r.open),
    problems: Number(r.problems),
    firstAt: toDate(r.first_at),
  }));
}
