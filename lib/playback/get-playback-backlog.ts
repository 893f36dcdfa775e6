import { and, asc, eq, gte, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupOpenHourly } from '../../db/schema';
import type { PlaybackBacklog, PlaybackScope } from './types';
import { ALL } from '../domain/scope';
import { HOUR_MS } from '../domain/time-units';
import { rollupScope } from '../queries/rollup-scope';

export type PlaybackBacklogResult = PlaybackBacklog;

/**
 * The scope's open backlog at the start of every hour in [from, to] from the hourly record: two primary-key
 * ranges (the scope's rows and the region's, whose presence says the hour was recorded at all). A recorded hour
 * without the scope's row had nothing open in it.
 */
export async function getPlaybackBacklog(
  db: Db,
  scope: PlaybackScope,
  range: { from: Date; to: Date },
): Promise<PlaybackBacklogResult> {
  const t = rollupOpenHourly;
  const region = and(eq(t.municipalityOktmo, ALL), eq(t.blockCode, ALL));
  const rows = await db
    .select({
      municipality: t.municipalityOktmo,
      block: t.blockCode,
      bucket: t.bucket,
      onTime: t.onTime,
      late: t.late,
      veryLate: t.veryLate,
    })
    .from(t)
    .where(
      and(
        or(rollupScope(scope, { municipality: t.municipalityOktmo, block: t.blockCode }), region),
        gte(t.bucket, range.from),
        lte(t.bucket, range.to),
      ),
    )
    .orderBy(asc(t.bucket));
  const hours = Math.floor((range.to.getTime() - range.from.getTime()) / HOUR_MS) + 1;
  const open = new Array<number | null>(hours).fill(null);
  const overdue = new Array<number | null>(hours).fill(null);
  const veryLate = new Array<number | null>(hours).fill(null);
  const own = (r: { municipality: string; block: string }) =>
    r.municipality === (scope.municipality ?? ALL) && r.block === (scope.block ?? ALL);
  for (const r of rows) {
    const h = Math.round((r.bucket.getTime() - range.from.getTime()) / HOUR_MS);
    if (h < 0 || h >= hours) continue;
    const late = Number(r.late) + Number(r.veryLate);
    if (own(r)) {
      open[h] = Number(r.onTime) + late;
      overdue[h] = late;
      veryLate[h] = Number(r.veryLate);
    } else if (open[h] === null) {
      open[h] = 0;
      overdue[h] = 0;
      veryLate[h] = 0;
    }
  }
  return { from: range.from.toISOString(), open, overdue, veryLate };
}
