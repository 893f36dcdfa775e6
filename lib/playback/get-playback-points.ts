import { and, asc, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { PlaybackScope } from './types';
import { scopeConditions } from '../queries/scope-filter';

export interface PlaybackPointRow {
  at: number;
  lon: number;
  lat: number;
  h3: string;
  block: string;
}

export type PlaybackPointRows = PlaybackPointRow[];

/**
 * Complaints with coordinates received in [from, to) in a scope, oldest first, every `sampleEvery`-th by id
 * when the caller capped the payload. A range of complaints_received_idx (the month partitions prune to one or
 * two); fine cells (res 8) inside a municipality, coarse ones (res 6) otherwise.
 */
export async function getPlaybackPoints(
  db: Db,
  scope: PlaybackScope,
  range: { from: Date; to: Date; sampleEvery: number },
): Promise<PlaybackPointRows> {
  const c = complaints;
  const cell = scope.municipality ? c.h3Fine : c.h3Coarse;
  const rows = await db
    .select({ at: c.receivedAt, lon: c.lon, lat: c.lat, h3: cell, block: c.blockCode })
    .from(c)
    .where(
      and(
        gte(c.receivedAt, range.from),
        lt(c.receivedAt, range.to),
        isNotNull(c.lon),
        isNotNull(cell),
        ...scopeConditions(scope),
        range.sampleEvery > 1 ? sql`${c.id} % ${range.sampleEvery} = 0` : undefined,
      ),
    )
    .orderBy(asc(c.receivedAt), asc(c.id));
  return rows.map((r) => ({
    at: r.at.getTime(),
    lon: r.lon!,
    lat: r.lat!,
    h3: r.h3!,
    block: r.block ?? '',
  }));
}
