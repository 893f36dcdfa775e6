import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { ALL } from '../domain/scope';
import { detectTension, type TensionCandidate, type TensionResult } from '../stats/tension';
import { DAY_MS, WEEK_MS } from '../domain/time-units';
import { isoParam, type Span } from './briefing-span';

/** Previous weeks the usual level of a place's week is learnt from (as the wall does for an hour of the week). */
export const BRIEFING_TENSION_WEEKS = 4;
/** A week is a long window: a point needs more than the wall's hourly minimum of 5 complaints. */
export const BRIEFING_TENSION_MIN_OBSERVED = 10;

export interface WeekTensionResult extends TensionResult {
  kind: 'municipality' | 'cell';
  block: string;
  /** OKTMO or H3 index (resolution 6). */
  place: string;
}

export interface WeekTension {
  results: WeekTensionResult[];
  baselineWeeks: number;
}

interface SlotRow {
  block: string;
  place: string;
  k: string | number;
  n: string | number;
}

/**
 * Tension points of a week: every block × municipality and block × coarse hexagon, the week's complaints against
 * the same span of each of the previous BRIEFING_TENSION_WEEKS weeks, judged by lib/stats/tension.ts as the wall
 * judges an hour (only the given blocks: the real ones, not the all-blocks rows). Weeks before the first recorded hour are left out of the history rather than counted as zero,
 * so a young database does not turn every place into a «point». Reads rollup_hourly_scope through its
 * (block, bucket) index and rollup_h3_hourly by its bucket-first primary key.
 */
export async function getBriefingTension(
  db: Db,
  span: Span,
  blocks: readonly string[],
): Promise<WeekTension> {
  const spanSeconds = Math.round((span.end.getTime() - span.start.getTime()) / 1000);
  const base = new Date(span.start.getTime() - BRIEFING_TENSION_WEEKS * WEEK_MS);
  const [first] = rowsOf<{ first: unknown }>(
    await db.execute(sql`select min(bucket) as first from rollup_hourly_scope
      where municipality_oktmo = ${ALL} and block_code = ${ALL}`),
  );
  const firstAt = first?.first ? new Date(first.first as string | Date).getTime() : span.start.getTime();
  // Week k (0 = the oldest) is usable as history when the data covers it (a day's slack for a start mid-Monday).
  const usable = new Set<number>();
  for (let k = 0; k < BRIEFING_TENSION_WEEKS; k += 1)
    if (base.getTime() + k * WEEK_MS + DAY_MS >= firstAt) usable.add(k);
  if (spanSeconds <= 0) return { results: [], baselineWeeks: usable.size };

  // Offset in seconds from the oldest week's start; the bucket belongs to week k when it falls inside the span.
  const slot = (column: string) =>
    sql`(extract(epoch from (${sql.raw(column)} - ${isoParam(base)}))::bigint)`;
  const inWeeks = (column: string) =>
    sql`${sql.raw(column)} >= ${isoParam(base)} and ${sql.raw(column)} < ${isoParam(span.end)}
      and mod(${slot(column)}, 604800) < ${spanSeconds}`;
  // The block list, not `<> '*'`: each block is then one range of the (block, bucket) index.
  const blockList = sql.join(
    blocks.map((b) => sql`${b}`),
    sql`, `,
  );
  const [municipalities, cells] = await Promise.all([
    db.execute(sql`
      select block_code as block, municipality_oktmo as place, ${slot('bucket')} / 604800 as k, sum(n) as n
      from rollup_hourly_scope
      where block_code in (${blockList}) and municipality_oktmo <> ${ALL} and municipality_oktmo <> ''
        and ${inWeeks('bucket')}
      group by 1, 2, 3`),
    db.execute(sql`
      select block_code as block, h3 as place, ${slot('bucket')} / 604800 as k, sum(n) as n
      from rollup_h3_hourly
      where resolution = 6 and block_code in (${blockList}) and ${inWeeks('bucket')}
      group by 1, 2, 3`),
  ]);

  const results: WeekTensionResult[] = [];
  for (const [kind, rows] of [
    ['municipality', rowsOf<SlotRow>(municipalities)],
    ['cell', rowsOf<SlotRow>(cells)],
  ] as const) {
    const candidates = candidatesOf(rows, usable);
    for (const r of detectTension(candidates, { minObserved: BRIEFING_TENSION_MIN_OBSERVED })) {
      const [block, place] = r.key.split('|') as [string, string];
      results.push({ ...r, kind, block, place });
    }
  }
  results.sort((a, b) => a.pValue - b.pValue || b.ratio - a.ratio || a.key.localeCompare(b.key));
  return { results, baselineWeeks: usable.size };
}

/** Candidates keyed `block|place`: the week's count (slot k = BRIEFING_TENSION_WEEKS) and the usable weeks before. */
export function candidatesOf(rows: SlotRow[], usable: ReadonlySet<number>): TensionCandidate[] {
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.block}|${r.place}`;
    const weeks = byKey.get(key) ?? new Array<number>(BRIEFING_TENSION_WEEKS + 1).fill(0);
    const k = Number(r.k);
    if (k >= 0 && k <= BRIEFING_TENSION_WEEKS) weeks[k]! += Number(r.n);
    byKey.set(key, weeks);
  }
  const candidates: TensionCandidate[] = [];
  for (const [key, weeks] of byKey) {
    const observed = weeks[BRIEFING_TENSION_WEEKS]!;
    if (observed === 0) continue;
    const history: number[] = [];
    for (let k = BRIEFING_TENSION_WEEKS - 1; k >= 0; k -= 1) if (usable.has(k)) history.push(weeks[k]!);
    candidates.push({ key, observed, history });
  }
  return candidates;
}
