import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import { HOME_REGION } from '../domain/home-region';

/** Region code → time of its newest complaint (ISO), for the regions that sent any. */
export type RegionLastData = Map<string, string>;

/**
 * When each regional center last sent a complaint: one backward step per region on an index (the partial
 * complaints_foreign_region_idx for the others, complaints_received_idx for the home region), never a scan.
 */
export async function getRegionLastData(db: Db, regionCodes: readonly string[]): Promise<RegionLastData> {
  const foreign = regionCodes.filter((c) => c !== HOME_REGION);
  const [others, home] = await Promise.all([
    db.execute(sql`
      select r.code, (select max(c.received_at) from complaints c
                      where c.region_code = r.code and c.region_code <> ${sql.raw(`'${HOME_REGION}'`)}) as last_at
      from unnest(${pgArray(foreign)}::text[]) as r(code)`),
    db.execute(sql`
      select received_at as last_at from complaints where region_code = ${HOME_REGION}
      order by received_at desc limit 1`),
  ]);
  const out: RegionLastData = new Map();
  const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();
  for (const r of rowsOf<{ code: string; last_at: string | Date | null }>(others))
    if (r.last_at !== null) out.set(r.code, iso(r.last_at));
  const [h] = rowsOf<{ last_at: string | Date }>(home);
  if (h) out.set(HOME_REGION, iso(h.last_at));
  return out;
}
