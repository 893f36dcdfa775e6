import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

export interface PlaybackCellRow {
  bucket: number;
  h3: string;
  n: number;
}

export type PlaybackCellRows = PlaybackCellRow[];

/**
 * Complaints per hour × H3 cell over [from, to) from rollup_h3_hourly (a range of its primary key, which starts
 * with the hour), summed over blocks unless one is given; at most `perHour` cells an hour, the busiest.
 */
export async function getPlaybackCells(
  db: Db,
  range: { from: Date; to: Date; resolution: number; block?: string; perHour: number },
): Promise<PlaybackCellRows> {
  const block = range.block ? sql`and block_code = ${range.block}` : sql``;
  const rows = rowsOf<{ bucket_ms: number | string; h3: string; n: number | string }>(
    await db.execute(sql`
      select bucket_ms, h3, n from (
        select extract(epoch from bucket)::float8 * 1000 as bucket_ms, h3, sum(n) as n,
          row_number() over (partition by bucket order by sum(n) desc, h3) as rank
        from rollup_h3_hourly
        where bucket >= ${range.from.toISOString()}::timestamptz and bucket < ${range.to.toISOString()}::timestamptz
          and resolution = ${range.resolution} ${block}
        group by bucket, h3) ranked
      where rank <= ${range.perHour}
      order by bucket_ms, h3`),
  );
  return rows.map((r) => ({ bucket: Number(r.bucket_ms), h3: r.h3, n: Number(r.n) }));
}
