import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';

export type LapsedCredentials = number[];

/**
 * Of the given credentials, those no longer valid: revoked, expired, or held by a disabled person or a revoked
 * display. The live edge sweeps its sockets with it, which catches what no in-process or cross-node message
 * announced (a revocation from the admin CLI, another process, a node that was away).
 */
export async function findLapsedCredentials(
  db: Db,
  ids: readonly number[],
  now: Date,
): Promise<LapsedCredentials> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{ id: string | number }>(
    await db.execute(sql`
      select t.id from unnest(${pgArray(ids)}::int8[]) as t(id)
      left join credentials c on c.id = t.id
      left join users u on u.id = c.user_id
      left join displays d on d.id = c.display_id
      where c.id is null or c.revoked_at is not null
        or (c.expires_at is not null and c.expires_at <= ${now.toISOString()}::timestamptz)
        or u.disabled_at is not null or d.revoked_at is not null`),
  );
  return rows.map((r) => Number(r.id));
}
