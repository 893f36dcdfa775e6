import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupOpen, rollupOpenHourly } from '../../db/schema';
import { ALL } from '../domain/scope';

/** The open backlog of the region and of each municipality at one moment; null where it was not recorded. */
export interface BacklogAt {
  /** null: no hourly record was taken at that hour (e.g. the server was down), so the value is unknown. */
  open: number | null;
  overdue: number | null;
  overdueByMunicipality: Map<string, number>;
}

/**
 * The backlog at an hour's start from its hourly record (rollup_open_hourly, primary-key lookups of the region
 * and of every municipality), or now from rollup_open when `at` is null (a week still under way).
 */
export async function getBriefingBacklog(
  db: Db,
  at: Date | null,
  municipalities: readonly string[],
): Promise<BacklogAt> {
  const scopes = [ALL, ...municipalities];
  const rows = at
    ? await db
        .select({
          m: rollupOpenHourly.municipalityOktmo,
          onTime: rollupOpenHourly.onTime,
          late: rollupOpenHourly.late,
          veryLate: rollupOpenHourly.veryLate,
        })
        .from(rollupOpenHourly)
        .where(
          and(
            inArray(rollupOpenHourly.municipalityOktmo, scopes),
            eq(rollupOpenHourly.blockCode, ALL),
            eq(rollupOpenHourly.bucket, at),
          ),
        )
    : await db
        .select({
          m: rollupOpen.municipalityOktmo,
          onTime: rollupOpen.onTime,
          late: rollupOpen.late,
          veryLate: rollupOpen.veryLate,
        })
        .from(rollupOpen)
        .where(and(inArray(rollupOpen.municipalityOktmo, scopes), eq(rollupOpen.blockCode, ALL)));
  const overdueByMunicipality = new Map<string, number>();
  let region: { open: number; overdue: number } | null = null;
  for (const r of rows) {
    const overdue = r.late + r.veryLate;
    if (r.m === ALL) region = { open: r.onTime + overdue, overdue };
    else overdueByMunicipality.set(r.m, overdue);
  }
  // The live table has no region row before the first complaint: nothing open, not unknown.
  if (!at && !region) region = { open: 0, overdue: 0 };
  return { open: region?.open ?? null, overdue: region?.overdue ?? null, overdueByMunicipality };
}
