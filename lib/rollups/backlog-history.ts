import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { AppContext } from '../context';
import { HOUR_MS, floorTo } from '../domain/time-units';
import { ALL } from '../domain/scope';
import { HOME_REGION } from '../domain/home-region';

const OPEN = `('new', 'routed', 'in_progress', 'reopened')`;
const INSERT_CHUNK = 5_000;

const floorHour = (t: number) => floorTo(new Date(t), HOUR_MS).getTime();

/**
 * Copies the open backlog of every scope into rollup_open_hourly under the current hour, once per hour (the SLA
 * clock calls it on every tick; a repeat is a no-op). The region row is always written, so "this hour was
 * recorded" can be told from "nothing was open".
 */
export async function recordBacklogHour(ctx: AppContext): Promise<void> {
  const hour = new Date(floorHour(ctx.now().getTime())).toISOString();
  await ctx.writer.run(0, () =>
    ctx.db.execute(sql`
      insert into rollup_open_hourly (municipality_oktmo, block_code, bucket, on_time, late, very_late)
      select municipality_oktmo, block_code, ${hour}::timestamptz, on_time, late, very_late from rollup_open
      where on_time + late + very_late > 0 or (municipality_oktmo = ${ALL} and block_code = ${ALL})
      union all
      select ${ALL}, ${ALL}, ${hour}::timestamptz, 0, 0, 0
      where not exists (select 1 from rollup_open where municipality_oktmo = ${ALL} and block_code = ${ALL})
      on conflict do nothing`),
  );
}

interface OpenInterval {
  m: string;
  b: string;
  due: number;
  very_late: number;
  start_at: number;
  end_at: number | null;
}

/**
 * Rebuilds the hourly backlog record for the hours in [from, to] from the event history: a complaint is open at
 * hour T when its last event at or before T left it open, late once T passed its due time, very late past 3×.
 * Hours already recorded live are kept. Used after history was loaded in bulk (the simulator's backfill).
 */
export async function reconstructBacklogHistory(db: Db, from: Date, to: Date): Promise<number> {
  const first = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS;
  const last = floorHour(to.getTime());
  const [fromIso, toIso] = [new Date(first).toISOString(), new Date(last).toISOString()];
  const intervals = rowsOf<OpenInterval>(
    await db.execute(sql`
      select m, b, extract(epoch from due_at)::float8 * 1000 as due,
        extract(epoch from very_late_at)::float8 * 1000 as very_late,
        extract(epoch from start_at)::float8 * 1000 as start_at,
        extract(epoch from end_at)::float8 * 1000 as end_at
      from (
        select coalesce(c.municipality_oktmo, '') as m, coalesce(c.block_code, '') as b, c.due_at, c.very_late_at,
          e.to_status, e.at as start_at,
          lead(e.at) over (partition by e.complaint_id order by e.at, e.id) as end_at
        from complaint_events e join complaints c on c.id = e.complaint_id
        where c.received_at <= ${toIso}::timestamptz and c.region_code = ${HOME_REGION}) x
      where to_status in ${sql.raw(OPEN)} and start_at <= ${toIso}::timestamptz
        and (end_at is null or end_at > ${fromIso}::timestamptz)`),
  );

  const counts = new Map<string, [number, number, number]>();
  const add = (m: string, b: string, hour: number, column: number) => {
    for (const key of [`${m}|${b}|${hour}`, `${m}|${ALL}|${hour}`, `${ALL}|${b}|${hour}`]) {
      const entry = counts.get(key) ?? [0, 0, 0];
      entry[column]! += 1;
      counts.set(key, entry);
    }
  };
  for (let hour = first; hour <= last; hour += HOUR_MS) counts.set(`${ALL}|${ALL}|${hour}`, [0, 0, 0]);
  for (const r of intervals) {
    const start = Number(r.start_at);
    const end = r.end_at === null ? Infinity : Number(r.end_at);
    for (
      let hour = Math.max(first, Math.ceil(start / HOUR_MS) * HOUR_MS);
      hour <= last && hour < end;
      hour += HOUR_MS
    ) {
      const column = hour >= Number(r.very_late) ? 2 : hour >= Number(r.due) ? 1 : 0;
      add(r.m, r.b, hour, column);
      counts.get(`${ALL}|${ALL}|${hour}`)![column]! += 1;
    }
  }

  const rows = [...counts.entries()].map(([key, values]) => {
    const [m, b, hour] = key.split('|') as [string, string, string];
    return { m, b, bucket: new Date(Number(hour)).toISOString(), values };
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await db.execute(sql`
      insert into rollup_open_hourly (municipality_oktmo, block_code, bucket, on_time, late, very_late)
      select * from unnest(${pgArray(chunk.map((r) => r.m))}::text[], ${pgArray(chunk.map((r) => r.b))}::text[],
        ${pgArray(chunk.map((r) => r.bucket))}::timestamptz[], ${pgArray(chunk.map((r) => r.values[0]))}::int4[],
        ${pgArray(chunk.map((r) => r.values[1]))}::int4[], ${pgArray(chunk.map((r) => r.values[2]))}::int4[])
      on conflict do nothing`);
  }
  return rows.length;
}
