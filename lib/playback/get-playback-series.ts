import { and, asc, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollupHourlyScope, rollupMinute } from '../../db/schema';
import type { PlaybackScope, PlaybackSeries } from './types';
import { HOUR_MS, MINUTE_MS } from '../domain/time-units';
import { rollupScope } from '../queries/rollup-scope';

export type PlaybackSeriesResult = PlaybackSeries;

/**
 * Received and resolved per minute (rollup_minute, kept 8 days) or per hour (rollup_hourly_scope) for one scope
 * over [from, to): one primary-key range of the scope's rows, made dense so bucket i is [from + i·step, …).
 */
export async function getPlaybackSeries(
  db: Db,
  scope: PlaybackScope,
  range: { from: Date; to: Date; stepMs: typeof MINUTE_MS | typeof HOUR_MS },
): Promise<PlaybackSeriesResult> {
  const t = range.stepMs === MINUTE_MS ? rollupMinute : rollupHourlyScope;
  const rows = await db
    .select({ bucket: t.bucket, n: t.n, resolved: t.resolved })
    .from(t)
    .where(
      and(
        rollupScope(scope, { municipality: t.municipalityOktmo, block: t.blockCode }),
        gte(t.bucket, range.from),
        lt(t.bucket, range.to),
      ),
    )
    .orderBy(asc(t.bucket));
  const length = Math.max(0, Math.round((range.to.getTime() - range.from.getTime()) / range.stepMs));
  const received = new Array<number>(length).fill(0);
  const resolved = new Array<number>(length).fill(0);
  for (const r of rows) {
    const i = Math.floor((r.bucket.getTime() - range.from.getTime()) / range.stepMs);
    if (i < 0 || i >= length) continue;
    received[i]! += Number(r.n);
    resolved[i]! += Number(r.resolved);
  }
  return { from: range.from.toISOString(), stepMs: range.stepMs, received, resolved };
}
