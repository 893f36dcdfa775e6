import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { OnTime, Pair } from './types';

/** First and last Moscow date of each span (the keys of rollup_executor_daily). */
export interface DatePair {
  current: { from: string; to: string };
  previous: { from: string; to: string };
}

export interface BriefingQuality {
  onTime: { current: OnTime; previous: OnTime };
  reopened: Pair;
  /** On-time share of this span's resolutions per municipality (OKTMO). */
  onTimeByMunicipality: Map<string, number | null>;
}

interface Row {
  oktmo: string;
  resolved_cur: string | number;
  on_time_cur: string | number;
  reopened_cur: string | number;
  resolved_prev: string | number;
  on_time_prev: string | number;
  reopened_prev: string | number;
}

const onTimeOf = (resolved: number, resolvedOnTime: number): OnTime => ({
  resolved,
  resolvedOnTime,
  share: resolved > 0 ? resolvedOnTime / resolved : null,
});

/**
 * On-time resolutions and reopens after a resolution in both spans, for the region and per municipality: sums of
 * rollup_executor_daily over the spans' Moscow days (a primary-key range on day).
 */
export async function getBriefingQuality(db: Db, dates: DatePair): Promise<BriefingQuality> {
  const cur = sql`day between ${dates.current.from}::date and ${dates.current.to}::date`;
  const prev = sql`day between ${dates.previous.from}::date and ${dates.previous.to}::date`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select municipality_oktmo as oktmo,
        coalesce(sum(resolved) filter (where ${cur}), 0) as resolved_cur,
        coalesce(sum(resolved_on_time) filter (where ${cur}), 0) as on_time_cur,
        coalesce(sum(reopened) filter (where ${cur}), 0) as reopened_cur,
        coalesce(sum(resolved) filter (where ${prev}), 0) as resolved_prev,
        coalesce(sum(resolved_on_time) filter (where ${prev}), 0) as on_time_prev,
        coalesce(sum(reopened) filter (where ${prev}), 0) as reopened_prev
      from rollup_executor_daily
      where day between ${dates.previous.from}::date and ${dates.current.to}::date
      group by municipality_oktmo`),
  );
  const t = { rc: 0, oc: 0, xc: 0, rp: 0, op: 0, xp: 0 };
  const onTimeByMunicipality = new Map<string, number | null>();
  for (const r of rows) {
    const [rc, oc] = [Number(r.resolved_cur), Number(r.on_time_cur)];
    t.rc += rc;
    t.oc += oc;
    t.xc += Number(r.reopened_cur);
    t.rp += Number(r.resolved_prev);
    t.op += Number(r.on_time_prev);
    t.xp += Number(r.reopened_prev);
    if (r.oktmo !== '') onTimeByMunicipality.set(r.oktmo, rc > 0 ? oc / rc : null);
  }
  return {
    onTime: { current: onTimeOf(t.rc, t.oc), previous: onTimeOf(t.rp, t.op) },
    reopened: { current: t.xc, previous: t.xp },
    onTimeByMunicipality,
  };
}
