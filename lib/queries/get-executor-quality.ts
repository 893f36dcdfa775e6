import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

/** Quality of one executor (or one municipality) over a window of Moscow days. */
export interface QualityRow {
  code: string;
  resolved: number;
  resolvedOnTime: number;
  resolvedVeryLate: number;
  reopened: number;
  rejected: number;
  /** resolvedOnTime / resolved; null without resolutions. */
  onTimeRate: number | null;
  /** reopened / resolved; null without resolutions. */
  reopenRate: number | null;
}

export interface ExecutorQualityRow extends QualityRow {
  /** Complaints in its hands now, and how many of those are past their due time at this moment. */
  openNow: number;
  overdueNow: number;
}

export interface QualityScope {
  blockCode?: string | null;
  municipalityOktmo?: string | null;
  /** First and last Moscow date of the window, inclusive (YYYY-MM-DD). */
  fromDate: string;
  toDate: string;
}

interface RawQuality {
  code: string;
  resolved: string | number;
  on_time: string | number;
  very_late: string | number;
  reopened: string | number;
  rejected: string | number;
}

export function toQualityRow(r: RawQuality): QualityRow {
  const resolved = Number(r.resolved);
  const onTime = Number(r.on_time);
  const reopened = Number(r.reopened);
  return {
    code: r.code,
    resolved,
    resolvedOnTime: onTime,
    resolvedVeryLate: Number(r.very_late),
    reopened,
    rejected: Number(r.rejected),
    onTimeRate: resolved > 0 ? onTime / resolved : null,
    reopenRate: resolved > 0 ? reopened / resolved : null,
  };
}

/** Sums of rollup_executor_daily over the window, grouped by `groupColumn`. */
export async function sumQuality(
  db: Db,
  scope: QualityScope,
  groupColumn: 'executor_code' | 'municipality_oktmo',
) {
  const filters = [sql`day between ${scope.fromDate}::date and ${scope.toDate}::date`];
  if (scope.blockCode) filters.push(sql`block_code = ${scope.blockCode}`);
  if (scope.municipalityOktmo) filters.push(sql`municipality_oktmo = ${scope.municipalityOktmo}`);
  if (groupColumn === 'municipality_oktmo') filters.push(sql`municipality_oktmo <> ''`);
  return rowsOf<RawQuality>(
    await db.execute(sql`
      select ${sql.raw(groupColumn)} as code, sum(resolved) as resolved, sum(resolved_on_time) as on_time,
        sum(resolved_very_late) as very_late, sum(reopened) as reopened, sum(rejected) as rejected
      from rollup_executor_daily where ${sql.join(filters, sql` and `)}
      group by 1`),
  ).map(toQualityRow);
}

/**
 * Reopen and on-time rates per executor over the window, with what each holds open now and how much of it is
 * overdue at this very moment (due_at against now, not the last SLA tick). Busiest first.
 */
export async function getExecutorQuality(
  db: Db,
  scope: QualityScope,
  now: Date,
  limit = 100,
): Promise<ExecutorQualityRow[]> {
  const openFilters = [
    sql`status in ('new', 'routed', 'in_progress', 'reopened')`,
    sql`executor_code is not null`,
  ];
  if (scope.blockCode) openFilters.push(sql`block_code = ${scope.blockCode}`);
  if (scope.municipalityOktmo) openFilters.push(sql`municipality_oktmo = ${scope.municipalityOktmo}`);
  const [quality, open] = await Promise.all([
    sumQuality(db, scope, 'executor_code'),
    db.execute(sql`
      select executor_code as code, count(*) as open_now,
        count(*) filter (where due_at <= ${now.toISOString()}::timestamptz) as overdue_now
      from complaints where ${sql.join(openFilters, sql` and `)}
      group by 1`),
  ]);
  const byCode = new Map<string, ExecutorQualityRow>();
  for (const q of quality) byCode.set(q.code, { ...q, openNow: 0, overdueNow: 0 });
  for (const o of rowsOf<{ code: string; open_now: string | number; overdue_now: string | number }>(open)) {
    const row = byCode.get(o.code) ?? {
      ...toQualityRow({ code: o.code, resolved: 0, on_time: 0, very_late: 0, reopened: 0, rejected: 0 }),
      openNow: 0,
      overdueNow: 0,
    };
    row.openNow = Number(o.open_now);
    row.overdueNow = Number(o.overdue_now);
    byCode.set(o.code, row);
  }
  return [...byCode.values()]
    .sort((a, b) => b.resolved + b.openNow - (a.resolved + a.openNow) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
