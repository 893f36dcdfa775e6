/**
 * Months of history straight into the app's tables with INSERT … SELECT over generate_series, in chunks on two
 * connections (two cores), each chunk one statement that fills `complaints` (time-ordered, so the indexes grow
 * at their right edge) and `complaint_keys` from the same rows. The lifecycle follows from each complaint's
 * age: most are resolved within their deadline and then closed, some late, a few stuck open and overdue.
 */
import postgres from 'postgres';
import { TEXTS_PER_CATEGORY, type LookupSizes } from './history-lookups';
import { progressBar } from './progress';

export interface HistoryPlan {
  rows: number;
  days: number;
  /** Moscow midnight of the first day, ISO. */
  start: string;
  /** The load's "now": nothing is received after it; SLA states are as of it. */
  now: string;
  chunk: number;
}

const OPEN_STATUSES_SQL = `'new', 'routed', 'in_progress', 'reopened'`;

/** One chunk [$1, $2] of the global row numbers; $3 rows, $4 days, $5 start, $6 now. */
function chunkSql(sizes: LookupSizes): string {
  return `
with r as materialized (
  select g,
    floor((g - 1)::float8 * $4 / $3)::int as day,
    floor(random() * ${sizes.hours})::int as hi, random() as mi,
    floor(random() * ${sizes.points})::int as pi, random() as u_loc,
    floor(random() * ${sizes.categories})::int as ci,
    floor(random() * ${sizes.sources})::int as si,
    floor(random() * ${TEXTS_PER_CATEGORY})::int as ti,
    random() as u_res, random() as u_stuck, random() as u_close, random() as u_open
  from generate_series($1::bigint, $2::bigint) g
),
a as (
  select r.*, c.code as cat, c.block, c.deadline_hours as dh, c.k, s.code as src,
    p.lat, p.lon, p.oktmo, p.town, p.h3_fine, p.h3_coarse,
    $5::timestamptz + r.day * interval '1 day' + (h.h + r.mi) * interval '1 hour' as rec0
  from r
  join bench_hours h on h.i = r.hi
  join bench_categories c on c.i = r.ci
  join bench_sources s on s.i = r.si
  -- 3% arrive without a location (hotline, agencies): no municipality, no cell.
  left join bench_points p on p.i = r.pi and r.u_loc >= 0.03
),
b as materialized (
  select a.*, x.rec,
    x.rec + a.dh * interval '1 hour' as due,
    x.rec + 3 * a.dh * interval '1 hour' as vlate,
    -- Time to fix, in deadlines: 80% within it, 15% late (1–3×), 5% very late (3–5×).
    x.rec + a.dh * interval '1 hour' * (case when u_res < 0.80 then 0.05 + u_res / 0.80 * 0.95
      when u_res < 0.95 then 1 + (u_res - 0.80) / 0.15 * 2 else 3 + (u_res - 0.95) / 0.05 * 2 end) as res
  from a cross join lateral (
    select case when a.rec0 > $6::timestamptz then a.rec0 - interval '1 day' else a.rec0 end as rec) x
),
c as materialized (
  select b.*, res + (2 + 46 * u_open) * interval '1 hour' as clo,
    case
      when u_stuck < 0.004 or res > $6::timestamptz then
        case when rec > $6::timestamptz - interval '1 hour' then 'new'
             when u_open < 0.25 then 'routed' when u_open < 0.92 then 'in_progress' else 'reopened' end
      when u_close < 0.85 and res + (2 + 46 * u_open) * interval '1 hour' <= $6::timestamptz then 'closed'
      else 'resolved'
    end as status
  from b
),
d as (
  select c.*,
    case when status = 'new' then rec
         when status in (${OPEN_STATUSES_SQL}) then rec + ($6::timestamptz - rec) * (u_close * 0.5)
         when status = 'closed' then clo else res end as status_at,
    -- Open: punctuality now; fixed: punctuality when it was fixed (the SLA clock stops moving it then).
    case when status in (${OPEN_STATUSES_SQL}) then
           case when $6::timestamptz >= vlate then 'very_late' when $6::timestamptz >= due then 'late' else 'on_time' end
         else case when res >= vlate then 'very_late' when res >= due then 'late' else 'on_time' end
    end as sla
  from c
),
ins as (
  insert into complaints (source_code, external_id, received_at, text, lat, lon, address, municipality_oktmo,
    block_code, category_code, status, status_at, sla_state, due_at, very_late_at, h3_fine, h3_coarse,
    created_at, updated_at, resolved_at, closed_at, executor_code)
  -- Zero-padded so each source's keys arrive in index order (appends, not random b-tree inserts).
  select src, 'hist-' || lpad(g::text, 10, '0'), rec, replace(t.body, '{town}', coalesce(town, 'Подмосковье')), lat, lon, null, oktmo,
    block, cat, status, status_at, sla, due, vlate, h3_fine, h3_coarse,
    rec, status_at,
    case when status in ('resolved', 'closed') then res end,
    case when status = 'closed' then clo end,
    -- Every complaint is routed on intake; the municipal administration stands in for the rules' choice.
    case when oktmo is not null then 'adm-' || oktmo else 'glavkontrol' end
  from d join bench_texts t on t.i = d.k * ${TEXTS_PER_CATEGORY} + d.ti
  order by rec
  returning id, source_code, external_id, received_at
)
insert into complaint_keys (source_code, external_id, complaint_id, received_at)
select source_code, external_id, id, received_at from ins`;
}

/** Loads plan.rows complaints; returns the seconds spent and whether foreign keys were checked per row. */
export async function loadHistory(
  databaseUrl: string,
  plan: HistoryPlan,
  sizes: LookupSizes,
): Promise<{ seconds: number; fkChecked: boolean }> {
  const statement = chunkSql(sizes);
  const chunks: [number, number][] = [];
  for (let a = 1; a <= plan.rows; a += plan.chunk) chunks.push([a, Math.min(plan.rows, a + plan.chunk - 1)]);
  const bar = progressBar('history', plan.rows);
  let done = 0;
  let next = 0;
  let fkChecked = false;
  const t0 = Date.now();
  const worker = async () => {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      // Sort a chunk in memory, not on disk; JIT compiles for longer than these expressions run.
      await sql`set work_mem = '512MB'`;
      await sql`set jit = off`;
      // The rows are valid by construction (codes read from the reference tables): skip the four per-row FK
      // triggers, which cost more than the insert itself. Needs a superuser; without one the load is slower.
      await sql`set session_replication_role = replica`.catch(() => (fkChecked = true));
      while (next < chunks.length) {
        const [a, b] = chunks[next++]!;
        await sql.unsafe(statement, [a, b, plan.rows, plan.days, plan.start, plan.now]);
        done += b - a + 1;
        bar.update(done);
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  await Promise.all([worker(), worker()]);
  bar.finish();
  return { seconds: (Date.now() - t0) / 1000, fkChecked };
}
